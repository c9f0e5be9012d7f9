using AksEgress.Errors;
using AksEgress.Export;
using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Export
{
    public class ExportPlannerTests
    {
        private static ExportPlan Plan(IEnumerable<AksEgressRule> rules, ExportOptions? options = null, List<string>? warnings = null, bool deployable = true) =>
            ExportPlanner.Build(rules, options ?? ExportFixtures.Options(), warnings ?? new List<string>(), deployable);

        private static IReadOnlyList<AksEgressRule> Derive(string location, string cluster, params AksFeature[] features) =>
            RuleDeriver.Default.Derive(new RulePlan { Location = location, Features = features.ToList(), ClusterName = cluster }).Rules;

        [Fact]
        public void IdenticalRulesOfSeveralFeaturesAndClustersBecomeOneRuleThatNamesThemAll()
        {
            var rules = Derive("eastus", "aks-b", AksFeature.Monitoring).Concat(Derive("eastus", "aks-a", AksFeature.CostAnalysis)).ToList();
            var plan = Plan(rules);

            var login = Assert.Single(plan.ApplicationRules, r => r.Destination == "login.microsoftonline.com");
            Assert.Equal(new[] { AksFeature.Core, AksFeature.Monitoring, AksFeature.CostAnalysis }, login.Features);
            Assert.Equal(new[] { "aks-a", "aks-b" }, login.Clusters);
            Assert.Contains("features: Core, Monitoring, CostAnalysis", login.Description);
            Assert.Contains("clusters: aks-a, aks-b", login.Description);
            Assert.Equal(plan.ApplicationRules.Count, plan.ApplicationRules.Select(r => (r.Destination, r.Protocol, r.Port)).Distinct().Count());
        }

        [Fact]
        public void MergedRuleKeepsTheStrictestRequirement()
        {
            var required = new AksEgressRule { RuleId = "a", Kind = RuleKind.Application, Destination = "x.example.com", DestinationType = DestinationType.Fqdn, Protocol = RuleProtocol.HTTPS, Port = 443, Requirement = RuleRequirement.Optional };
            var optional = new AksEgressRule { RuleId = "b", Kind = RuleKind.Application, Destination = "X.example.com", DestinationType = DestinationType.Fqdn, Protocol = RuleProtocol.HTTPS, Port = 443, Requirement = RuleRequirement.Required, Feature = AksFeature.Monitoring };
            var merged = Assert.Single(Plan(new[] { required, optional }).ApplicationRules);
            Assert.Equal(RuleRequirement.Required, merged.Requirement);
        }

        [Fact]
        public void OrderDoesNotDependOnInputOrder()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var forward = Plan(rules);
            var backward = Plan(rules.Reverse());
            Assert.Equal(forward.ApplicationRules.Select(r => r.Destination + r.Protocol + r.Port), backward.ApplicationRules.Select(r => r.Destination + r.Protocol + r.Port));
            Assert.Equal(forward.NetworkRules.Select(r => r.Destination + r.Protocol + r.Port), backward.NetworkRules.Select(r => r.Destination + r.Protocol + r.Port));
        }

        [Fact]
        public void FqdnTagReplacesCorePublicHttpsRulesButNotAddOnsOrNetworkRules()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            var plan = Plan(rules, options);

            Assert.True(plan.UsesFqdnTag);
            Assert.DoesNotContain(plan.ApplicationRules, r => r.Destination == "mcr.microsoft.com" || r.Destination == "*.hcp.koreacentral.azmk8s.io");
            Assert.Contains(plan.ApplicationRules, r => r.Destination == "dc.services.visualstudio.com");
            Assert.Contains(plan.ApplicationRules, r => r.Destination == "security.ubuntu.com" && r.Protocol == RuleProtocol.HTTP);
            Assert.Contains(plan.NetworkRules, r => r.Destination == "ntp.ubuntu.com");
        }

        [Fact]
        public void FqdnTagLeavesOtherCloudsExplicitAndSaysWhy()
        {
            var warnings = new List<string>();
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.UsGov), options, warnings);

            Assert.False(plan.UsesFqdnTag);
            Assert.Contains(plan.ApplicationRules, r => r.Destination == "mcr.microsoft.com");
            Assert.Contains(warnings, w => w.Contains("no effect"));
        }

        [Fact]
        public void UnfilledPlaceholdersAreListedForParametersAndWarnedAboutOnce()
        {
            var warnings = new List<string>();
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.Public), warnings: warnings);

            Assert.Equal(new[] { "APIServerPublicIP", "CustomDnsIP" }, plan.Placeholders);
            Assert.Single(warnings, w => w.Contains("APIServerPublicIP and CustomDnsIP") && w.Contains("parameters"));
            Assert.Empty(Plan(ExportFixtures.Rules(ExportFixtures.UsGov)).Placeholders);
        }

        /// <summary>The warning says what the deployable file does without DNS proxy and how to choose; it no longer says the export fails.</summary>
        [Fact]
        public void TheDnsProxyWarningSaysWhatTheDeploymentInputDoes()
        {
            var warnings = new List<string>();
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.Public), warnings: warnings);
            Assert.True(plan.HasFqdnNetworkRules);
            var warning = Assert.Single(warnings, w => w.Contains("DNS proxy", StringComparison.Ordinal));
            Assert.StartsWith("The network rules to FQDNs (ntp.ubuntu.com UDP/123) need DNS proxy on the Azure Firewall policy. The export deploys on any policy:", warning);
            foreach (var name in new[] { "dnsProxyEnabled", "dns_proxy_enabled", "DNS_PROXY_ENABLED", "-DnsProxyEnabled", "defaults to false", "any destination (*)" }) Assert.Contains(name, warning);
            Assert.DoesNotContain("work only", warning);

            var options = ExportFixtures.Options();
            options.DnsProxyEnabled = true;
            var on = new List<string>();
            Plan(ExportFixtures.Rules(ExportFixtures.Public), options, on);
            Assert.Contains(on, w => w.Contains("defaults to true", StringComparison.Ordinal) && w.Contains("fails on a policy without DNS proxy", StringComparison.Ordinal));

            // A rule list is not deployed: it keeps the note the file itself carries.
            var list = new List<string>();
            Plan(ExportFixtures.Rules(ExportFixtures.Public), warnings: list, deployable: false);
            Assert.Single(list, w => w == ExportPlan.DnsProxyNote);
        }

        [Fact]
        public void AnySourceIsWarnedAboutOnlyForDeployableOutput()
        {
            var deployable = new List<string>();
            var list = new List<string>();
            Plan(ExportFixtures.Rules(ExportFixtures.UsGov), new ExportOptions(), deployable);
            Plan(ExportFixtures.Rules(ExportFixtures.UsGov), new ExportOptions(), list, deployable: false);

            Assert.Contains(deployable, w => w.Contains("-SourceAddress") && w.Contains("wide"));
            Assert.DoesNotContain(list, w => w.Contains("-SourceAddress"));
        }

        [Fact]
        public void WildcardNetworkRulesAreLeftOutWithAWarningNotSilently()
        {
            var warnings = new List<string>();
            var legacy = RuleDeriver.Default.Derive(new RulePlan { Location = "eastus", IncludeLegacy = true }).Rules;
            var plan = Plan(legacy, warnings: warnings);

            Assert.DoesNotContain(plan.NetworkRules, r => r.DestinationType == DestinationType.WildcardFqdn);
            Assert.Contains(warnings, w => w.Contains("legacy-tunnel-tcp-22") && w.Contains("AzureCloud.eastus"));
        }

        [Theory]
        [InlineData(99, "InvalidPriority")]
        [InlineData(65001, "InvalidPriority")]
        public void PriorityOutsideAzureRangeIsRejected(int priority, string errorId)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ExportPlanner.ValidateOptions(new ExportOptions { Priority = priority }));
            Assert.Equal(errorId, ex.ErrorId);
        }

        [Theory]
        [InlineData("10.240.0.0/16", true)]
        [InlineData("10.240.0.4", true)]
        [InlineData("fd00::/8", true)]
        [InlineData("*", true)]
        [InlineData("10.240/16", false)]
        [InlineData("10.240.0.0/33", false)]
        [InlineData("subnet-a", false)]
        public void SourceAddressMustBeAnAddressOrCidr(string source, bool valid)
        {
            var options = new ExportOptions { SourceAddresses = new List<string> { source } };
            if (valid) ExportPlanner.ValidateOptions(options);
            else Assert.Equal("InvalidSourceAddress", Assert.Throws<AksEgressInputException>(() => ExportPlanner.ValidateOptions(options)).ErrorId);
        }

        [Fact]
        public void SourceIpGroupMustBeAResourceId()
        {
            var ok = new ExportOptions { SourceIpGroups = new List<string> { "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes" } };
            ExportPlanner.ValidateOptions(ok);
            var bad = new ExportOptions { SourceIpGroups = new List<string> { "aks-nodes" } };
            Assert.Equal("InvalidSourceIpGroup", Assert.Throws<AksEgressInputException>(() => ExportPlanner.ValidateOptions(bad)).ErrorId);
        }

        [Theory]
        [InlineData("aks egress/prod", "aks-egress-prod")]
        [InlineData("--a\"b${x}'; rm -rf /", "a-b-x-rm-rf")]
        [InlineData("ok_name.v2", "ok_name.v2")]
        public void CollectionGroupNamesAreReducedToWhatAzureAccepts(string given, string expected) =>
            Assert.Equal(expected, PlanNamed(given).CollectionGroupName);

        [Fact]
        public void RuleNamesAreUniqueAndValid()
        {
            var names = FirewallNames.ForRules(Plan(ExportFixtures.HostileRules())).Values.ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(names, n => Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$", n));
        }

        [Fact]
        public void PlaceholdersWhoseNamesCollideGetOneNumberedInputEachInEveryFormat()
        {
            var plan = Plan(ExportFixtures.CollidingPlaceholderRules());
            Assert.Equal(ExportFixtures.CollidingPlaceholders, plan.PlaceholderInputs.Select(i => i.Placeholder));
            Assert.Equal(new[] { "destinationMyDns", "destinationMyDns2", "destinationMyDns3" }, plan.PlaceholderInputs.Select(i => i.ArmName));
            Assert.Equal(new[] { "destination_my_dns", "destination_my_dns_2", "destination_my_dns_3" }, plan.PlaceholderInputs.Select(i => i.TerraformName));
            Assert.Equal(new[] { "DESTINATION_MY_DNS", "DESTINATION_MY_DNS_2", "DESTINATION_MY_DNS_3" }, plan.PlaceholderInputs.Select(i => i.ShellName));

            var names = FirewallNames.ForRules(plan).Values.ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Contains("udp-53-My-Dns-2", names);
        }

        private static ExportPlan PlanNamed(string groupName) =>
            Plan(ExportFixtures.Rules(ExportFixtures.UsGov), new ExportOptions { CollectionGroupName = groupName, SourceAddresses = new List<string> { "10.0.0.0/8" } });
    }
}
