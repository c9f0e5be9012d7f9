using System.Text.Json;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>What the four deployable formats must write alike: the text they put into the firewall.</summary>
    public class DeployableFormatsTests
    {
        private static readonly Dictionary<string, string> AzInputs = new() { ["RESOURCE_GROUP"] = "rg-fw", ["POLICY_NAME"] = "fw-policy" };

        /// <summary>Sixty clusters on one rule (over 1,024 characters) and cluster names with control characters.</summary>
        private static IReadOnlyList<AksEgressRule> Rules()
        {
            var rules = Enumerable.Range(0, 60)
                .Select(i => ArmTemplateWriterTests.Rule(RuleKind.Network, "ntp.ubuntu.com", RuleProtocol.UDP, 123, cluster: $"cluster-{i:00}-" + new string('x', 30)))
                .ToList();
            rules.Add(ArmTemplateWriterTests.Rule(RuleKind.Application, "mcr.microsoft.com", RuleProtocol.HTTPS, 443, cluster: "a\u0000b\u001bc\u007fd\u0085e\u2028f\r\ng\u00e9"));
            rules.Add(ArmTemplateWriterTests.Rule(RuleKind.Network, "10.0.0.4", RuleProtocol.UDP, 53, DestinationType.IpAddress, cluster: "tab\there"));
            return rules;
        }

        [Fact]
        public void DescriptionsAreCleanedAndCutAlikeInEveryDeployableFormat()
        {
            var rules = Rules();
            var options = ExportFixtures.Options();
            var plan = ExportPlanner.Build(rules, options, new List<string>());
            var expected = plan.NetworkRules.Concat(plan.ApplicationRules).Select(r => r.FirewallDescription).ToList();
            Assert.All(expected, d => Assert.True(d.Length <= FirewallText.MaxDescriptionLength && !d.Any(char.IsControl), d));
            Assert.Contains(expected, d => d.Length == FirewallText.MaxDescriptionLength && d.EndsWith("...; " + ExportPlan.DnsProxyNote, StringComparison.Ordinal));
            Assert.Contains(expected, d => d.EndsWith("clusters: a b c d e f g\u00e9", StringComparison.Ordinal));
            Assert.Contains(expected, d => d.EndsWith("clusters: tab here", StringComparison.Ordinal));

            var arm = RuleExporter.Export(rules, ExportFormat.AzureFirewallArm, options).Text;
            using (var doc = JsonDocument.Parse(arm))
            {
                var descriptions = doc.RootElement.GetProperty("resources")[0].GetProperty("properties").GetProperty("ruleCollections").EnumerateArray()
                    .SelectMany(c => c.GetProperty("rules").EnumerateArray()).Select(r => r.GetProperty("description").GetString());
                Assert.Equal(expected, descriptions);
            }
            BicepCli.AssertCompilesLikeArm(RuleExporter.Export(rules, ExportFormat.Bicep, options).Text, arm);

            using (var hcl = Hcl2Json.Parse(RuleExporter.Export(rules, ExportFormat.Terraform, options).Text))
            {
                var group = hcl.RootElement.GetProperty("resource").GetProperty(TerraformWriter.ResourceType).GetProperty(TerraformWriter.ResourceName)[0];
                var descriptions = new[] { "network_rule_collection", "application_rule_collection" }
                    .SelectMany(block => group.GetProperty(block)[0].GetProperty("rule").EnumerateArray()).Select(r => r.GetProperty("description").GetString());
                Assert.Equal(expected, descriptions);
            }

            var run = FakeAz.RunScript(RuleExporter.Export(rules, ExportFormat.AzCli, options).Text, AzInputs);
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(expected, run.Calls.Skip(1).Select(c => FakeAz.Flag(c, "--description")));
        }
    }
}
