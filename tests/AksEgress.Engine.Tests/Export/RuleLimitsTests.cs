using System.Globalization;
using System.Text.RegularExpressions;
using AksEgress.Errors;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>Azure Firewall's limits, held at export for rules from every input path, and the group name rule.</summary>
    public class RuleLimitsTests
    {
        private static readonly ExportFormat[] Deployable = { ExportFormat.AzureFirewallArm, ExportFormat.Bicep, ExportFormat.Terraform, ExportFormat.AzCli };
        private static readonly ExportFormat[] Lists = { ExportFormat.Csv, ExportFormat.Json, ExportFormat.Markdown };

        public static TheoryData<string> InputPaths => new() { "typed", "csv", "json" };

        private static AksEgressRule App(string destination, int port) => new()
        {
            RuleId = "custom-" + destination, Kind = RuleKind.Application, Destination = destination, DestinationType = DestinationType.Fqdn,
            Protocol = RuleProtocol.HTTPS, Port = port, Feature = AksFeature.Core, Location = "eastus",
        };

        /// <summary>The rule as an input path hands it to the export: the object itself, an Import-Csv row (all strings), a ConvertFrom-Json object (a number is a long).</summary>
        private static AksEgressRule Through(string path, AksEgressRule rule) => path switch
        {
            "typed" => rule,
            "csv" => RuleRecord.FromProperties(name => Convert.ToString(typeof(AksEgressRule).GetProperty(name)?.GetValue(rule), CultureInfo.InvariantCulture)),
            _ => RuleRecord.FromProperties(name => name == "Port" ? rule.Port : (object?)typeof(AksEgressRule).GetProperty(name)?.GetValue(rule)?.ToString()),
        };

        [Theory]
        [MemberData(nameof(InputPaths))]
        public void AnApplicationPortAbove64000IsRefusedByNameInEveryDeployableFormatAndTheRestIsExported(string path)
        {
            var rules = new[] { Through(path, App("high.example.com", 64500)), Through(path, App("edge.example.com", 64000)) };
            var texts = new Dictionary<ExportFormat, string>();
            foreach (var format in Deployable)
            {
                var result = RuleExporter.Export(rules, format, ExportFixtures.Options());
                var error = Assert.Single(result.Refused);
                Assert.Equal("ApplicationRulePortOutOfRange", error.ErrorId);
                Assert.Equal(AksEgressErrorKind.InvalidData, error.Kind);
                Assert.Same(rules[0], error.Target);
                Assert.StartsWith("Rule custom-high.example.com (high.example.com HTTPS/64500) is left out of the export:", error.Message);
                Assert.Contains("ports 1 to 64000", error.Message);
                Assert.DoesNotContain("high.example.com", result.Text);
                Assert.Contains("edge.example.com", result.Text);
                texts[format] = result.Text;
            }
            BicepCli.AssertCompilesLikeArm(texts[ExportFormat.Bicep], texts[ExportFormat.AzureFirewallArm]);

            // A rule list is data, not a firewall: it keeps the rule as it is.
            foreach (var format in Lists)
            {
                var result = RuleExporter.Export(rules, format, ExportFixtures.Options());
                Assert.Empty(result.Refused);
                Assert.Contains("high.example.com", result.Text);
            }
        }

        [Theory]
        [InlineData(0, RuleKind.Network, RuleProtocol.TCP, "RulePortOutOfRange")]
        [InlineData(65536, RuleKind.Network, RuleProtocol.UDP, "RulePortOutOfRange")]
        [InlineData(443, RuleKind.Network, RuleProtocol.HTTPS, "RuleProtocolDoesNotMatchKind")]
        [InlineData(443, RuleKind.Application, RuleProtocol.TCP, "RuleProtocolDoesNotMatchKind")]
        public void ATypedRuleNoFormatCanHoldIsRefusedForListsToo(int port, RuleKind kind, RuleProtocol protocol, string errorId)
        {
            var rule = new AksEgressRule { RuleId = "typed", Kind = kind, Destination = "10.0.0.1", DestinationType = DestinationType.IpAddress, Protocol = protocol, Port = port };
            foreach (var deployable in new[] { true, false })
            {
                var refused = new List<AksEgressInputException>();
                var plan = ExportPlanner.Build(new[] { rule }, ExportFixtures.Options(), new List<string>(), deployable, refused);
                Assert.Equal(errorId, Assert.Single(refused).ErrorId);
                Assert.Empty(plan.Rules);
            }
        }

        [Theory]
        [InlineData("two words.example.com")]
        [InlineData("line\nbreak.example.com")]
        public void ADestinationThatIsNotOneNameIsRefusedForAFirewall(string destination)
        {
            var refused = new List<AksEgressInputException>();
            ExportPlanner.Build(new[] { App(destination, 443) }, ExportFixtures.Options(), new List<string>(), deployable: true, refused);
            Assert.Equal("RuleDestinationNotOneName", Assert.Single(refused).ErrorId);
            Assert.DoesNotContain("\n", refused[0].Message);
        }

        [Fact]
        public void WithoutAnErrorListTheRefusalIsAWarning()
        {
            var warnings = new List<string>();
            var plan = ExportPlanner.Build(new[] { App("high.example.com", 64001) }, ExportFixtures.Options(), warnings);
            Assert.Empty(plan.ApplicationRules);
            Assert.Contains(warnings, w => w.Contains("high.example.com HTTPS/64001", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("a")]
        [InlineData("-a-")]
        [InlineData("_")]
        [InlineData("é")]
        [InlineData(".")]
        public void AGroupNameThatCannotBecomeTwoCharactersIsRefused(string name)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ExportPlanner.ValidateOptions(new ExportOptions { CollectionGroupName = name }));
            Assert.Equal("InvalidCollectionGroupName", ex.ErrorId);
            Assert.Contains("2 to 80", ex.Message);
        }

        /// <summary>Every name the export writes passes azurerm's validation (^[^\W_][\w-.]*[\w]$, \w being ASCII in Go) and ARM's 80 characters.</summary>
        [Theory]
        [InlineData("ab", "ab")]
        [InlineData("a_", "a_")]
        [InlineData("a-", null)]
        [InlineData("_ab_", "ab_")]
        [InlineData("aks egress/prod", "aks-egress-prod")]
        [InlineData("클러스터-ab.", "ab")]
        public void WrittenGroupNamesPassAzurermsPattern(string given, string? written)
        {
            var name = FirewallNames.Sanitize(given);
            if (written != null) Assert.Equal(written, name);
            if (name.Length < FirewallNames.MinGroupNameLength) return;
            Assert.Matches(new Regex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]$"), name);
            Assert.True(name.Length <= 80);
        }

        [Fact]
        public void ALongGroupNameIsCutTo80AndARenamedGroupIsWarnedAbout()
        {
            var warnings = new List<string>();
            var plan = ExportPlanner.Build(ExportFixtures.Rules(ExportFixtures.UsGov), new ExportOptions { CollectionGroupName = new string('g', 100), SourceAddresses = new List<string> { "10.0.0.0/8" } }, warnings);
            Assert.Equal(new string('g', 80), plan.CollectionGroupName);
            Assert.Contains(warnings, w => w.Contains("is written as '" + new string('g', 80) + "'", StringComparison.Ordinal));

            var unchanged = new List<string>();
            ExportPlanner.Build(ExportFixtures.Rules(ExportFixtures.UsGov), ExportFixtures.Options(), unchanged);
            Assert.DoesNotContain(unchanged, w => w.Contains("-CollectionGroupName", StringComparison.Ordinal));
        }
    }
}
