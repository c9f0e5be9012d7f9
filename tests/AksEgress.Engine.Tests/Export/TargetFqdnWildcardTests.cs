using System.Text.Json;
using AksEgress.Export;
using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>An asterisk inside an application rule's FQDN (md-*.blob.storage.azure.net) never matches in Azure Firewall.</summary>
    public class TargetFqdnWildcardTests
    {
        private const string ManagedDisks = "md-*.blob.storage.azure.net";

        /// <summary>The eastus rules with the Optional ones, among them core-managed-disks (Alternatives: "Storage service tag").</summary>
        private static IReadOnlyList<AksEgressRule> WithManagedDisks() =>
            RuleDeriver.Default.Derive(new RulePlan
            {
                Location = "eastus",
                Requirements = new List<RuleRequirement> { RuleRequirement.Required, RuleRequirement.Recommended, RuleRequirement.Optional },
            }).Rules;

        private static ExportPlan Plan(IEnumerable<AksEgressRule> rules, List<string> warnings, bool deployable = true) =>
            ExportPlanner.Build(rules, ExportFixtures.Options(), warnings, deployable);

        [Fact]
        public void TheManagedDisksRuleBecomesANetworkRuleToTheRegionsStorageTagAndTheWarningNamesIt()
        {
            var rules = WithManagedDisks();
            var source = Assert.Single(rules, r => r.Destination == ManagedDisks);
            Assert.Equal("Storage service tag", source.Alternatives);

            var warnings = new List<string>();
            var plan = Plan(rules, warnings);
            Assert.DoesNotContain(plan.ApplicationRules, r => r.Destination.Contains('*', StringComparison.Ordinal) && !r.Destination.StartsWith('*'));
            var storage = Assert.Single(plan.NetworkRules, r => r.Destination == "Storage.eastus");
            Assert.Equal((RuleProtocol.TCP, 443, DestinationType.ServiceTag), (storage.Protocol, storage.Port, storage.DestinationType));
            Assert.Equal(new[] { ManagedDisks + " HTTPS/443" }, storage.Replaces);
            Assert.Contains("in place of the application rule " + ManagedDisks + " HTTPS/443: Azure Firewall matches a wildcard in an application rule's FQDN only at its start (*.contoso.com)", storage.FirewallDescription);
            Assert.Single(warnings, w => w.StartsWith($"Rule core-managed-disks ({ManagedDisks} HTTPS/443) cannot be an application rule:", StringComparison.Ordinal)
                && w.Contains("network rule to the service tag Storage.eastus on TCP 443", StringComparison.Ordinal));

            // A rule list is data: it keeps the rule as the catalog has it, and says nothing of it.
            var listWarnings = new List<string>();
            var list = Plan(rules, listWarnings, deployable: false);
            Assert.Contains(list.Rules, r => r.Destination == ManagedDisks && r.Kind == RuleKind.Application);
            Assert.DoesNotContain(listWarnings, w => w.Contains(ManagedDisks, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("api-*.example.com", "*.example.com")]
        [InlineData("www.example.*", null)]
        [InlineData("*.example.*", null)]
        public void AnotherWildcardInsideIsLeftOutWithWhatWouldMatch(string destination, string? widened)
        {
            var rule = new AksEgressRule { RuleId = "custom", Kind = RuleKind.Application, Destination = destination, DestinationType = DestinationType.WildcardFqdn, Protocol = RuleProtocol.HTTPS, Port = 443 };
            var warnings = new List<string>();
            var plan = Plan(new[] { rule }, warnings);
            Assert.Empty(plan.ApplicationRules);
            Assert.Empty(plan.NetworkRules);
            var warning = Assert.Single(warnings, w => w.Contains(destination, StringComparison.Ordinal));
            Assert.StartsWith($"Rule custom ({destination} HTTPS/443) is left out: Azure Firewall matches a wildcard", warning);
            if (widened != null) Assert.EndsWith($"or the wider {widened} if that is acceptable.", warning);
            else Assert.EndsWith("Allow the hosts it stands for by name.", warning);
        }

        [Theory]
        [InlineData("*.example.com")]
        [InlineData("*example.com")]
        [InlineData("*")]
        public void AWildcardAtTheStartStaysAnApplicationRule(string destination)
        {
            var rule = new AksEgressRule { RuleId = "custom", Kind = RuleKind.Application, Destination = destination, DestinationType = DestinationType.WildcardFqdn, Protocol = RuleProtocol.HTTPS, Port = 443 };
            Assert.Single(Plan(new[] { rule }, new List<string>()).ApplicationRules);
        }

        /// <summary>Every deployable format writes the Storage tag rule in its place, and none the wildcard as a destination.</summary>
        [Fact]
        public void EveryDeployableFormatWritesTheServiceTagRuleInstead()
        {
            var rules = WithManagedDisks();
            var options = ExportFixtures.Options();
            var plan = Plan(rules, new List<string>());
            var storage = Assert.Single(plan.NetworkRules, r => r.Destination == "Storage.eastus");

            var arm = RuleExporter.Export(rules, ExportFormat.AzureFirewallArm, options).Text;
            using (var doc = JsonDocument.Parse(arm))
            {
                var all = doc.RootElement.GetProperty("resources")[0].GetProperty("properties").GetProperty("ruleCollections").EnumerateArray()
                    .SelectMany(c => c.GetProperty("rules").EnumerateArray()).ToList();
                var rule = Assert.Single(all, r => r.TryGetProperty("destinationAddresses", out var a) && a.ValueKind == JsonValueKind.Array && a.EnumerateArray().Any(e => e.GetString() == "Storage.eastus"));
                Assert.Equal(storage.FirewallDescription, rule.GetProperty("description").GetString());
                Assert.DoesNotContain(all, r => r.TryGetProperty("targetFqdns", out var t) && t.EnumerateArray().Any(e => e.GetString() == ManagedDisks));
            }
            BicepCli.AssertCompilesLikeArm(RuleExporter.Export(rules, ExportFormat.Bicep, options).Text, arm);

            using (var hcl = Hcl2Json.Parse(RuleExporter.Export(rules, ExportFormat.Terraform, options).Text))
            {
                var group = hcl.RootElement.GetProperty("resource").GetProperty(TerraformWriter.ResourceType).GetProperty(TerraformWriter.ResourceName)[0];
                var network = group.GetProperty("network_rule_collection")[0].GetProperty("rule").EnumerateArray().ToList();
                var rule = Assert.Single(network, r => r.TryGetProperty("destination_addresses", out var a) && a.ValueKind == JsonValueKind.Array && a.EnumerateArray().Any(e => e.GetString() == "Storage.eastus"));
                Assert.Equal(storage.FirewallDescription, rule.GetProperty("description").GetString());
                Assert.DoesNotContain(group.GetProperty("application_rule_collection")[0].GetProperty("rule").EnumerateArray(),
                    r => r.GetProperty("destination_fqdns").EnumerateArray().Any(e => e.GetString() == ManagedDisks));
            }

            var run = FakeAz.RunScript(RuleExporter.Export(rules, ExportFormat.AzCli, options).Text, new Dictionary<string, string> { ["RESOURCE_GROUP"] = "rg", ["POLICY_NAME"] = "p", ["API_SERVER_PUBLIC_IP"] = "20.9.9.9", ["CUSTOM_DNS_SERVERS"] = "10.0.0.4" });
            Assert.True(run.ExitCode == 0, run.Stderr);
            var call = Assert.Single(run.Calls, c => FakeAz.Values(c, "--destination-addresses").SequenceEqual(new[] { "Storage.eastus" }));
            Assert.Equal(storage.FirewallDescription, FakeAz.Flag(call, "--description"));
            Assert.DoesNotContain(run.Calls, c => FakeAz.Values(c, "--target-fqdns").Contains(ManagedDisks));
        }
    }
}
