using AksEgress.Export;
using static AksEgress.Engine.Tests.Export.FakeAz;

namespace AksEgress.Engine.Tests.Export
{
    public class AzCliWriterTests
    {
        private const string AzPrefix = "network firewall policy rule-collection-group";

        public static TheoryData<string> Sets => new() { ExportFixtures.Public, ExportFixtures.ChinaPrivate, ExportFixtures.UsGov };

        private static ExportPlan Plan(IEnumerable<AksEgressRule> rules, ExportOptions? options = null) =>
            ExportPlanner.Build(rules, options ?? ExportFixtures.Options(), new List<string>());

        private static string Write(ExportPlan plan) => new AzCliWriter().Write(plan);

        private static readonly Dictionary<string, string> Required = new()
        {
            ["RESOURCE_GROUP"] = "rg-fw",
            ["POLICY_NAME"] = "fw-policy",
        };

        private static readonly Dictionary<string, string> WithPlaceholders = new(Required)
        {
            ["API_SERVER_PUBLIC_IP"] = "20.9.9.9",
            ["CUSTOM_DNS_SERVERS"] = "10.0.0.4 10.0.0.5",
        };

        [Theory]
        [MemberData(nameof(Sets))]
        public void MatchesGoldenFile(string set)
        {
            var result = ExportFixtures.Export(set, ExportFormat.AzCli);
            Golden.AssertMatches(set + ".sh", result.Text);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void SamePlanGivesSameBytesWithUnixLineEnds(string set)
        {
            var first = Write(Plan(ExportFixtures.Rules(set)));
            Assert.Equal(first, Write(Plan(ExportFixtures.Rules(set))));
            Assert.StartsWith("#!/usr/bin/env bash\n", first);
            Assert.Contains("\nset -euo pipefail\n", first);
            Assert.DoesNotContain("\r", first);
            Assert.EndsWith("\n", first);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void GoldenFilePassesBashSyntaxCheck(string set)
        {
            var golden = Path.Combine(Golden.Directory(), set + ".sh");
            var text = File.Exists(golden) ? File.ReadAllText(golden) : Write(Plan(ExportFixtures.Rules(set)));
            AssertBashSyntax(text);
        }

        [Fact]
        public void HostileOutputPassesBashSyntaxCheck() =>
            AssertBashSyntax(Write(Plan(ExportFixtures.HostileRules())));

        /// <summary>
        /// Runs the hostile script for real against a fake az. If any value escaped its quotes, the name's
        /// "; rm -rf / #", "`$(id)`" would run: rm and id are fakes too and leave a mark. The name must reach az
        /// unchanged, as (part of) one --description argument.
        /// </summary>
        [Fact]
        public void HostileScriptRunsAndHandsTheNameToAzIntact()
        {
            var plan = Plan(ExportFixtures.HostileRules());
            var run = RunScript(Write(plan), WithPlaceholders);

            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            Assert.False(run.Injected, "a command hidden in the cluster name was executed");
            Assert.Empty(run.WorkingDirectoryEntries);
            AssertCallsDescribePlan(run.Calls, plan);

            var descriptions = run.Calls.Skip(1).Select(c => Flag(c, "--description")).ToList();
            Assert.Contains(descriptions, d => d.EndsWith("clusters: " + ExportFixtures.HostileClusterName, StringComparison.Ordinal));
        }

        [Fact]
        public void PublicScriptRequiresThePlaceholderInputsBeforeCallingAz()
        {
            var script = Write(Plan(ExportFixtures.Rules(ExportFixtures.Public)));

            var noApi = RunScript(script, new Dictionary<string, string>(Required) { ["CUSTOM_DNS_SERVERS"] = "10.0.0.4" });
            Assert.NotEqual(0, noApi.ExitCode);
            Assert.Contains("API_SERVER_PUBLIC_IP", noApi.Stderr);
            Assert.Empty(noApi.Calls);

            var noDns = RunScript(script, new Dictionary<string, string>(Required) { ["API_SERVER_PUBLIC_IP"] = "20.9.9.9" });
            Assert.NotEqual(0, noDns.ExitCode);
            Assert.Contains("CUSTOM_DNS_SERVERS", noDns.Stderr);
            Assert.Empty(noDns.Calls);

            var noGroup = RunScript(script, new Dictionary<string, string>(WithPlaceholders) { ["RESOURCE_GROUP"] = "" });
            Assert.NotEqual(0, noGroup.ExitCode);
            Assert.Contains("RESOURCE_GROUP", noGroup.Stderr);
            Assert.Empty(noGroup.Calls);
        }

        [Fact]
        public void PublicScriptPassesPlaceholderAndSourceInputsAsSeparateArguments()
        {
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.Public));
            var run = RunScript(Write(plan), new Dictionary<string, string>(WithPlaceholders) { ["SOURCE_ADDRESSES"] = "10.1.0.0/16  10.2.0.0/16", ["PRIORITY"] = "777" });

            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan, new[] { "10.1.0.0/16", "10.2.0.0/16" });
            Assert.Equal("777", Flag(run.Calls[0], "--priority"));
            Assert.Contains(run.Calls, c => Values(c, "--destination-addresses").SequenceEqual(new[] { "20.9.9.9" }));
            Assert.Contains(run.Calls, c => Values(c, "--destination-addresses").SequenceEqual(new[] { "10.0.0.4", "10.0.0.5" }));
            // Rule names come from FirewallNames and may spell the placeholder; destinations never do.
            Assert.DoesNotContain(run.Calls, c => Values(c, "--destination-addresses").Concat(Values(c, "--destination-fqdns"))
                .Any(a => a.Contains("APIServerPublicIP") || a.Contains("CustomDnsIP")));
        }

        /// <summary>"My+Dns", "My-Dns" and "My_Dns" all read MY_DNS: each still gets its own environment variable, and its rule its value.</summary>
        [Fact]
        public void CollidingPlaceholdersGetOneInputEach()
        {
            var plan = Plan(ExportFixtures.CollidingPlaceholderRules());
            var script = Write(plan);
            var run = RunScript(script, new Dictionary<string, string>(Required)
            {
                ["DESTINATION_MY_DNS"] = "10.0.0.1",
                ["DESTINATION_MY_DNS_2"] = "10.0.0.2",
                ["DESTINATION_MY_DNS_3"] = "10.0.0.3",
            });
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan);
            Assert.Equal(new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" }, run.Calls.Skip(1).Select(c => Assert.Single(Values(c, "--destination-addresses"))));

            var missing = RunScript(script, new Dictionary<string, string>(Required) { ["DESTINATION_MY_DNS"] = "10.0.0.1", ["DESTINATION_MY_DNS_2"] = "10.0.0.2" });
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("DESTINATION_MY_DNS_3", missing.Stderr);
            Assert.Empty(missing.Calls);
        }

        /// <summary>The script checks the azure-firewall extension before its first change, and says what to do.</summary>
        [Theory]
        [InlineData("0.11.0", false)]
        [InlineData("0.9.9", false)]
        [InlineData("0.12.0", true)]
        [InlineData("0.12.1", true)]
        [InlineData("1.0.0", true)]
        [InlineData("1.5.0", true)]
        [InlineData("10.0.0", true)]
        [InlineData("0.012.000", true)]
        [InlineData("1.2.3b1", true)]
        public void AnOldAzureFirewallExtensionStopsTheScriptBeforeAnyChange(string version, bool runs)
        {
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.UsGov));
            var run = RunScript(Write(plan), Required, version);
            Assert.Single(run.ExtensionQueries);
            Assert.Equal(new[] { "extension", "show", "--name", "azure-firewall", "--query", "version", "--output", "tsv" }, run.ExtensionQueries[0]);
            if (runs)
            {
                Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
                AssertCallsDescribePlan(run.Calls, plan);
                return;
            }
            Assert.Equal(3, run.ExitCode);
            Assert.Contains($"The azure-firewall extension is {version}; this script needs 0.12.0 or later. Update it with: az extension update --name azure-firewall", run.Stderr);
            Assert.Empty(run.Calls);
        }

        [Theory]
        [InlineData(null, "Install it with: az extension add --name azure-firewall")]
        [InlineData("", "reports the version '', which this script cannot read")]
        [InlineData("$(id)", "reports the version '$(id)', which this script cannot read")]
        [InlineData("12", "reports the version '12', which this script cannot read")]
        public void AMissingOrUnreadableExtensionStopsTheScriptBeforeAnyChange(string? version, string message)
        {
            var run = RunScript(Write(Plan(ExportFixtures.Rules(ExportFixtures.UsGov))), Required, version);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains(message, run.Stderr);
            Assert.Empty(run.Calls);
            Assert.False(run.Injected);
        }

        [Fact]
        public void TheHeaderStatesTheExtensionVersionTheFlagsNeed()
        {
            var script = Write(Plan(ExportFixtures.Rules(ExportFixtures.Public)));
            Assert.Contains("# Needs the Azure CLI with its azure-firewall extension 0.12.0 or later", script);
            Assert.Equal("0.12.0", AzCliWriter.MinimumExtensionVersion);
            Assert.DoesNotContain("--rcg-name", script);
        }

        [Theory]
        [InlineData(null, false)]
        [InlineData("false", false)]
        [InlineData("true", true)]
        public void TheDnsProxyInputChoosesTheFqdnOrAnyDestination(string? input, bool dnsProxy)
        {
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.UsGov));
            var inputs = new Dictionary<string, string>(Required);
            if (input != null) inputs["DNS_PROXY_ENABLED"] = input;
            var run = RunScript(Write(plan), inputs);
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan, dnsProxy: dnsProxy);
        }

        [Fact]
        public void DnsProxyEnabledMakesTheInputDefaultTrue()
        {
            var options = ExportFixtures.Options();
            options.DnsProxyEnabled = true;
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.UsGov), options);
            var script = Write(plan);
            Assert.Contains("\nDNS_PROXY_ENABLED=\"${DNS_PROXY_ENABLED:-true}\"\n", script);
            var run = RunScript(script, Required);
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan, dnsProxy: true);
        }

        [Fact]
        public void UsGovScriptHasTheKnownAddressesAndNeedsNoPlaceholderInput()
        {
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.UsGov));
            var script = Write(plan);
            Assert.Contains("'20.1.2.3'", script);
            Assert.DoesNotContain("API_SERVER_PUBLIC_IP", script);
            Assert.DoesNotContain("CUSTOM_DNS_SERVERS", script);

            var run = RunScript(script, Required);
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan);
            Assert.Contains(run.Calls, c => Values(c, "--destination-addresses").SequenceEqual(new[] { "20.1.2.3" }));
            Assert.Equal("500", Flag(run.Calls[0], "--priority"));
        }

        [Theory]
        [InlineData("PRIORITY", "99", "PRIORITY must be a whole number from 100 to 65000")]
        [InlineData("PRIORITY", "65001", "PRIORITY must be a whole number from 100 to 65000")]
        [InlineData("PRIORITY", "5OO", "PRIORITY must be a whole number from 100 to 65000")]
        [InlineData("PRIORITY", " ", "PRIORITY must be a whole number from 100 to 65000")]
        [InlineData("DNS_PROXY_ENABLED", "yes", "DNS_PROXY_ENABLED must be true or false")]
        [InlineData("DNS_PROXY_ENABLED", "TRUE", "DNS_PROXY_ENABLED must be true or false")]
        [InlineData("DNS_PROXY_ENABLED", "$(id)", "DNS_PROXY_ENABLED must be true or false")]
        public void ABadInputStopsBeforeAz(string name, string value, string message)
        {
            var run = RunScript(Write(Plan(ExportFixtures.Rules(ExportFixtures.UsGov))), new Dictionary<string, string>(Required) { [name] = value });
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(message, run.Stderr);
            Assert.Empty(run.Calls);
            Assert.Empty(run.ExtensionQueries);
            Assert.False(run.Injected);
        }

        [Fact]
        public void FqdnTagAndIpGroupsAreUsedWhenChosen()
        {
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            options.SourceIpGroups = new List<string> { "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes" };
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.Public), options);
            var script = Write(plan);
            Assert.DoesNotContain("--source-addresses", script);

            var run = RunScript(script, WithPlaceholders);
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan, options.SourceIpGroups.ToArray());
            var tag = Assert.Single(run.Calls, c => Flag(c, "--rule-name", "--name") == FirewallNames.FqdnTagRuleName);
            Assert.Equal(new[] { ExportPlan.FqdnTag }, Values(tag, "--fqdn-tags"));
            Assert.Equal(new[] { "Https=443" }, Values(tag, "--protocols"));
        }

        [Fact]
        public void NoSourceMeansAnySourceByDefault()
        {
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.UsGov), new ExportOptions());
            var run = RunScript(Write(plan), Required);
            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.Stderr}");
            AssertCallsDescribePlan(run.Calls, plan, new[] { "*" });
            Assert.Empty(run.WorkingDirectoryEntries);
        }

        [Theory]
        [InlineData("plain", "'plain'")]
        [InlineData("it's", "'it'\\''s'")]
        [InlineData("$(id) `id` \"x\" \\ ${y}", "'$(id) `id` \"x\" \\ ${y}'")]
        [InlineData("nul\0gone", "'nulgone'")]
        public void ShellWordsAreSingleQuoted(string value, string expected) =>
            Assert.Equal(expected, ShellText.Quote(value));

        // ---- helpers ----

        /// <summary>
        /// The az calls are: create the group, then one per rule in plan order, the first of each collection
        /// creating the collection. Every value is checked against the plan.
        /// </summary>
        private static void AssertCallsDescribePlan(IReadOnlyList<string[]> calls, ExportPlan plan, IReadOnlyList<string>? sources = null, bool dnsProxy = false)
        {
            sources ??= plan.Options.SourceIpGroups.Count > 0 ? plan.Options.SourceIpGroups.ToList()
                : plan.Options.SourceAddresses.Count > 0 ? plan.Options.SourceAddresses.ToList() : new List<string> { "*" };
            var sourceFlag = plan.Options.SourceIpGroups.Count > 0 ? "--source-ip-groups" : "--source-addresses";
            var names = FirewallNames.ForRules(plan);
            var application = plan.ApplicationRules.Count + (plan.UsesFqdnTag ? 1 : 0);
            Assert.Equal(1 + plan.NetworkRules.Count + application, calls.Count);

            var create = calls[0];
            Assert.Equal((AzPrefix + " create").Split(' '), create.Take(5));
            Assert.Equal("rg-fw", Flag(create, "--resource-group"));
            Assert.Equal("fw-policy", Flag(create, "--policy-name"));
            Assert.Equal(plan.CollectionGroupName, Flag(create, "--name"));
            Assert.All(calls, c => Assert.Equal("none", Flag(c, "--output")));

            var index = 1;
            void AssertRule(string collection, int priority, string ruleType, bool first, string name, string description)
            {
                var call = calls[index++];
                Assert.Equal("rg-fw", Flag(call, "--resource-group"));
                Assert.Equal("fw-policy", Flag(call, "--policy-name"));
                Assert.Equal(plan.CollectionGroupName, Flag(call, "--rule-collection-group-name"));
                Assert.Equal(ruleType, Flag(call, "--rule-type"));
                Assert.Equal(description, Flag(call, "--description"));
                Assert.Equal(sources, Values(call, sourceFlag));
                if (first)
                {
                    Assert.Equal((AzPrefix + " collection add-filter-collection").Split(' '), call.Take(6));
                    Assert.Equal(collection, Flag(call, "--name"));
                    Assert.Equal(priority.ToString(System.Globalization.CultureInfo.InvariantCulture), Flag(call, "--collection-priority"));
                    Assert.Equal("Allow", Flag(call, "--action"));
                    Assert.Equal(name, Flag(call, "--rule-name"));
                }
                else
                {
                    Assert.Equal((AzPrefix + " collection rule add").Split(' '), call.Take(7));
                    Assert.Equal(collection, Flag(call, "--collection-name"));
                    Assert.Equal(name, Flag(call, "--name"));
                }
            }

            for (var i = 0; i < plan.NetworkRules.Count; i++)
            {
                var rule = plan.NetworkRules[i];
                var call = calls[index];
                AssertRule(FirewallNames.NetworkCollectionName, FirewallNames.NetworkCollectionPriority, "NetworkRule", i == 0, names[rule],
                    rule.FirewallDescriptionFor(dnsProxy));
                Assert.Equal(new[] { rule.Protocol.ToString() }, Values(call, "--ip-protocols"));
                Assert.Equal(new[] { rule.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Values(call, "--destination-ports"));
                if (rule.IsFqdn)
                {
                    // The FQDN with DNS proxy, any destination without: never both.
                    Assert.Equal(dnsProxy ? new[] { rule.Destination } : Array.Empty<string>(), Values(call, "--destination-fqdns"));
                    Assert.Equal(dnsProxy ? Array.Empty<string>() : new[] { "*" }, Values(call, "--destination-addresses"));
                }
                else if (rule.DestinationType != DestinationType.Placeholder) Assert.Equal(new[] { rule.Destination }, Values(call, "--destination-addresses"));
            }
            var firstApplication = true;
            if (plan.UsesFqdnTag)
            {
                AssertRule(FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority, "ApplicationRule", true, FirewallNames.FqdnTagRuleName, plan.FqdnTagDescription);
                firstApplication = false;
            }
            foreach (var rule in plan.ApplicationRules)
            {
                var call = calls[index];
                AssertRule(FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority, "ApplicationRule", firstApplication, names[rule], rule.Description);
                firstApplication = false;
                Assert.Equal(new[] { (rule.Protocol == RuleProtocol.HTTP ? "Http=" : "Https=") + rule.Port }, Values(call, "--protocols"));
                Assert.Equal(new[] { rule.Destination }, Values(call, "--target-fqdns"));
            }
        }
    }
}
