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
            var rulesInOrder = plan.NetworkRules.Concat(plan.ApplicationRules).ToList();
            var expected = rulesInOrder.Select(r => r.FirewallDescriptionFor(false)).ToList();
            var expectedWithProxy = rulesInOrder.Select(r => r.FirewallDescriptionFor(true)).ToList();
            Assert.All(expected.Concat(expectedWithProxy), d => Assert.True(d.Length <= FirewallText.MaxDescriptionLength && !d.Any(char.IsControl), d));
            Assert.Contains(expected, d => d.Length == FirewallText.MaxDescriptionLength && d.EndsWith("has it off", StringComparison.Ordinal) && d.Contains("...; ", StringComparison.Ordinal));
            Assert.Contains(expectedWithProxy, d => d.Length == FirewallText.MaxDescriptionLength && d.EndsWith("has DNS proxy on", StringComparison.Ordinal));
            Assert.Contains(expected, d => d.EndsWith("clusters: a b c d e f g\u00e9", StringComparison.Ordinal));
            Assert.Contains(expected, d => d.EndsWith("clusters: tab here", StringComparison.Ordinal));

            var arm = RuleExporter.Export(rules, ExportFormat.AzureFirewallArm, options).Text;
            using (var doc = JsonDocument.Parse(arm))
            {
                var descriptions = doc.RootElement.GetProperty("resources")[0].GetProperty("properties").GetProperty("ruleCollections").EnumerateArray()
                    .SelectMany(c => c.GetProperty("rules").EnumerateArray()).Select(r => r.GetProperty("description").GetString()!).ToList();
                Assert.Equal(expected, descriptions.Select(d => ConditionalValues.ArmText(d, enabled: false)));
                Assert.Equal(expectedWithProxy, descriptions.Select(d => ConditionalValues.ArmText(d, enabled: true)));
            }
            BicepCli.AssertCompilesLikeArm(RuleExporter.Export(rules, ExportFormat.Bicep, options).Text, arm);

            using (var hcl = Hcl2Json.Parse(RuleExporter.Export(rules, ExportFormat.Terraform, options).Text))
            {
                var group = hcl.RootElement.GetProperty("resource").GetProperty(TerraformWriter.ResourceType).GetProperty(TerraformWriter.ResourceName)[0];
                var descriptions = new[] { "network_rule_collection", "application_rule_collection" }
                    .SelectMany(block => group.GetProperty(block)[0].GetProperty("rule").EnumerateArray()).Select(r => r.GetProperty("description").GetString()!).ToList();
                foreach (var enabled in new[] { false, true })
                {
                    Assert.Equal(enabled ? expectedWithProxy : expected, descriptions.Select(d => !d.StartsWith("${", StringComparison.Ordinal) ? d
                        : (string)(enabled ? ConditionalValues.Terraform(d).WhenTrue : ConditionalValues.Terraform(d).WhenFalse)));
                }
            }

            var script = RuleExporter.Export(rules, ExportFormat.AzCli, options).Text;
            foreach (var enabled in new[] { false, true })
            {
                var run = FakeAz.RunScript(script, new Dictionary<string, string>(AzInputs) { ["DNS_PROXY_ENABLED"] = enabled ? "true" : "false" });
                Assert.True(run.ExitCode == 0, run.Stderr);
                Assert.Equal(enabled ? expectedWithProxy : expected, run.Calls.Skip(1).Select(c => FakeAz.Flag(c, "--description")));
            }
        }
    }
}
