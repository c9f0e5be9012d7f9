using System.Text.RegularExpressions;
using System.Text.Json;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class ArmTemplateWriterTests
    {
        private const string GroupType = "Microsoft.Network/firewallPolicies/ruleCollectionGroups";

        public static IEnumerable<object[]> Sets => ExportFixtures.SetNames.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Sets))]
        public void MatchesGoldenFile(string set) =>
            Golden.AssertMatches($"{set}.arm.json", ExportFixtures.Export(set, ExportFormat.AzureFirewallArm).Text);

        [Fact]
        public void TheOnlyResourceIsARuleCollectionGroupOfThePolicyParameter()
        {
            using var doc = Arm(ExportFixtures.Public);
            var root = doc.RootElement;
            Assert.Equal("https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", root.GetProperty("$schema").GetString());
            Assert.Equal("1.0.0.0", root.GetProperty("contentVersion").GetString());
            var resource = Assert.Single(root.GetProperty("resources").EnumerateArray());
            Assert.Equal(GroupType, resource.GetProperty("type").GetString());
            Assert.Equal("2023-09-01", resource.GetProperty("apiVersion").GetString());
            Assert.Equal("[format('{0}/{1}', parameters('firewallPolicyName'), 'aks-egress')]", resource.GetProperty("name").GetString());
            Assert.Equal("[parameters('ruleCollectionGroupPriority')]", resource.GetProperty("properties").GetProperty("priority").GetString());

            var parameters = root.GetProperty("parameters");
            Assert.Equal("string", parameters.GetProperty("firewallPolicyName").GetProperty("type").GetString());
            Assert.False(parameters.GetProperty("firewallPolicyName").TryGetProperty("defaultValue", out _));
            Assert.Equal("int", parameters.GetProperty("ruleCollectionGroupPriority").GetProperty("type").GetString());
            Assert.Equal(500, parameters.GetProperty("ruleCollectionGroupPriority").GetProperty("defaultValue").GetInt32());
            Assert.Equal(new[] { "10.240.0.0/16" }, Strings(parameters.GetProperty("sourceAddresses").GetProperty("defaultValue")));
            Assert.All(parameters.EnumerateObject(), p => Assert.False(string.IsNullOrEmpty(p.Value.GetProperty("metadata").GetProperty("description").GetString())));
        }

        [Fact]
        public void PriorityAndGroupNameComeFromTheOptions()
        {
            var options = ExportFixtures.Options();
            options.Priority = 1234;
            options.CollectionGroupName = "aks egress/prod";
            using var doc = Arm(ExportFixtures.UsGov, options);
            Assert.Equal(1234, doc.RootElement.GetProperty("parameters").GetProperty("ruleCollectionGroupPriority").GetProperty("defaultValue").GetInt32());
            Assert.Equal("[format('{0}/{1}', parameters('firewallPolicyName'), 'aks-egress-prod')]", Group(doc).GetProperty("name").GetString());
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void CollectionsAreAllowFilterCollectionsWithFixedNamesAndPriorities(string set)
        {
            using var doc = Arm(set);
            var collections = Collections(doc);
            Assert.Equal(new[] { FirewallNames.NetworkCollectionName, FirewallNames.ApplicationCollectionName }, collections.Select(c => c.GetProperty("name").GetString()));
            Assert.Equal(new[] { FirewallNames.NetworkCollectionPriority, FirewallNames.ApplicationCollectionPriority }, collections.Select(c => c.GetProperty("priority").GetInt32()));
            Assert.All(collections, c =>
            {
                Assert.Equal("FirewallPolicyFilterRuleCollection", c.GetProperty("ruleCollectionType").GetString());
                Assert.Equal("Allow", c.GetProperty("action").GetProperty("type").GetString());
                Assert.NotEmpty(c.GetProperty("rules").EnumerateArray());
            });
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void ApplicationRulesHaveProtocolsAndTargets(string set)
        {
            using var doc = Arm(set);
            var rules = Rules(doc, FirewallNames.ApplicationCollectionName);
            Assert.NotEmpty(rules);
            Assert.All(rules, rule =>
            {
                Assert.Equal("ApplicationRule", rule.GetProperty("ruleType").GetString());
                Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$", rule.GetProperty("name").GetString());
                var protocol = Assert.Single(rule.GetProperty("protocols").EnumerateArray());
                Assert.Contains(protocol.GetProperty("protocolType").GetString(), new[] { "Http", "Https" });
                Assert.Equal(JsonValueKind.Number, protocol.GetProperty("port").ValueKind);
                var hasTargets = rule.TryGetProperty("targetFqdns", out var targets);
                var hasTags = rule.TryGetProperty("fqdnTags", out var tags);
                Assert.True(hasTargets ^ hasTags);
                Assert.Single((hasTargets ? targets : tags).EnumerateArray());
                Assert.True(rule.TryGetProperty("sourceAddresses", out _));
            });
            Assert.Contains(rules, r => Strings(r.GetProperty("protocols")[0].GetProperty("protocolType")).Single() == "Https"
                && r.GetProperty("protocols")[0].GetProperty("port").GetInt32() == 443);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void NetworkRulesHaveIpProtocolsStringPortsAndOneKindOfDestination(string set)
        {
            using var doc = Arm(set);
            var rules = Rules(doc, FirewallNames.NetworkCollectionName);
            Assert.NotEmpty(rules);
            Assert.All(rules, rule =>
            {
                Assert.Equal("NetworkRule", rule.GetProperty("ruleType").GetString());
                Assert.Contains(Assert.Single(Strings(rule.GetProperty("ipProtocols"))), new[] { "TCP", "UDP" });
                var port = Assert.Single(rule.GetProperty("destinationPorts").EnumerateArray());
                Assert.Equal(JsonValueKind.String, port.ValueKind);
                Assert.Matches("^[0-9]{1,5}$", port.GetString());
                // One kind of destination, or both chosen by the DNS proxy input: then exactly one of them is empty.
                var addresses = rule.TryGetProperty("destinationAddresses", out var a);
                var fqdns = rule.TryGetProperty("destinationFqdns", out var f);
                if (addresses && fqdns)
                {
                    var byAddress = ConditionalValues.Arm(a.GetString()!);
                    var byFqdn = ConditionalValues.Arm(f.GetString()!);
                    Assert.Equal("dnsProxyEnabled", byAddress.Input);
                    Assert.Equal(new[] { 0, 1 }, new[] { ((string[])byAddress.WhenTrue).Length, ((string[])byAddress.WhenFalse).Length });
                    Assert.Equal(new[] { 1, 0 }, new[] { ((string[])byFqdn.WhenTrue).Length, ((string[])byFqdn.WhenFalse).Length });
                }
                else
                {
                    Assert.True(addresses ^ fqdns);
                }
            });
        }

        /// <summary>
        /// Azure refuses destinationFqdns in a policy without DNS proxy, so the FQDN rule is chosen at deployment by the
        /// bool parameter dnsProxyEnabled: the FQDN with it, any destination on the same protocol and port without, and
        /// the description says which.
        /// </summary>
        [Theory]
        [MemberData(nameof(Sets))]
        public void FqdnNetworkRuleIsChosenByTheDnsProxyParameterAndTheTemplateSaysSo(string set)
        {
            using var doc = Arm(set);
            var ntp = Assert.Single(Rules(doc, FirewallNames.NetworkCollectionName), r => r.GetProperty("name").GetString() == "udp-123-ntp.ubuntu.com");
            Assert.Equal(new[] { "UDP" }, Strings(ntp.GetProperty("ipProtocols")));
            Assert.Equal(new[] { "123" }, Strings(ntp.GetProperty("destinationPorts")));
            Assert.Equal("[if(parameters('dnsProxyEnabled'), createArray(), createArray('*'))]", ntp.GetProperty("destinationAddresses").GetString());
            Assert.Equal("[if(parameters('dnsProxyEnabled'), createArray('ntp.ubuntu.com'), createArray())]", ntp.GetProperty("destinationFqdns").GetString());
            var description = ConditionalValues.Arm(ntp.GetProperty("description").GetString()!);
            Assert.Equal("dnsProxyEnabled", description.Input);
            Assert.EndsWith("the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on", (string)description.WhenTrue);
            Assert.EndsWith("any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off", (string)description.WhenFalse);

            var parameter = doc.RootElement.GetProperty("parameters").GetProperty("dnsProxyEnabled");
            Assert.Equal("bool", parameter.GetProperty("type").GetString());
            Assert.False(parameter.GetProperty("defaultValue").GetBoolean());
            var comments = doc.RootElement.GetProperty("metadata").GetProperty("comments").GetString()!;
            Assert.Contains("Azure Kubernetes Service", comments);
            Assert.Contains("(ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true", comments);
            Assert.Contains("It defaults to false here.", comments);
            Assert.DoesNotContain(ExportPlan.DnsProxyNote, comments);
        }

        [Fact]
        public void DnsProxyEnabledMakesTheParameterDefaultTrue()
        {
            var options = ExportFixtures.Options();
            options.DnsProxyEnabled = true;
            using var doc = Arm(ExportFixtures.UsGov, options);
            Assert.True(doc.RootElement.GetProperty("parameters").GetProperty("dnsProxyEnabled").GetProperty("defaultValue").GetBoolean());
            Assert.Contains("It defaults to true here.", doc.RootElement.GetProperty("metadata").GetProperty("comments").GetString());
        }

        [Fact]
        public void WithoutFqdnNetworkRulesTheCommentsDoNotMentionDnsProxy()
        {
            var rules = new[] { Rule(RuleKind.Application, "mcr.microsoft.com", RuleProtocol.HTTPS, 443) };
            using var doc = JsonDocument.Parse(Write(rules));
            var comments = doc.RootElement.GetProperty("metadata").GetProperty("comments").GetString()!;
            Assert.Contains("Azure Kubernetes Service", comments);
            Assert.DoesNotContain("DNS proxy", comments);
            Assert.False(doc.RootElement.GetProperty("parameters").TryGetProperty("dnsProxyEnabled", out _));
        }

        [Fact]
        public void UnfilledPlaceholdersBecomeParametersWithoutDefault()
        {
            using var doc = Arm(ExportFixtures.Public);
            var parameters = doc.RootElement.GetProperty("parameters");
            var api = parameters.GetProperty("apiServerPublicIp");
            Assert.Equal("string", api.GetProperty("type").GetString());
            Assert.False(api.TryGetProperty("defaultValue", out _));
            Assert.Contains("API server", api.GetProperty("metadata").GetProperty("description").GetString());
            var dns = parameters.GetProperty("customDnsServers");
            Assert.Equal("array", dns.GetProperty("type").GetString());
            Assert.False(dns.TryGetProperty("defaultValue", out _));
            Assert.Contains("DNS", dns.GetProperty("metadata").GetProperty("description").GetString());

            var network = Rules(doc, FirewallNames.NetworkCollectionName);
            // The string parameter is one item of the array, the array parameter is the whole array: the JSON bicep build writes.
            Assert.Contains(network, r => r.TryGetProperty("destinationAddresses", out var a) && a.ValueKind == JsonValueKind.Array
                && Strings(a).SequenceEqual(new[] { "[parameters('apiServerPublicIp')]" }));
            var dnsRules = network.Where(r => r.TryGetProperty("destinationAddresses", out var a) && a.ValueKind == JsonValueKind.String && !r.TryGetProperty("destinationFqdns", out _)).ToList();
            Assert.NotEmpty(dnsRules);
            Assert.All(dnsRules, r => Assert.Equal("[parameters('customDnsServers')]", r.GetProperty("destinationAddresses").GetString()));
            Assert.Contains("apiServerPublicIp", doc.RootElement.GetProperty("metadata").GetProperty("comments").GetString());
        }

        [Fact]
        public void CollidingPlaceholdersGetOneParameterEachAndEachRuleItsOwn()
        {
            using var doc = JsonDocument.Parse(Write(ExportFixtures.CollidingPlaceholderRules()));
            var parameters = doc.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("destination", StringComparison.Ordinal)).ToList();
            Assert.Equal(new[] { "destinationMyDns", "destinationMyDns2", "destinationMyDns3" }, parameters);
            var used = Rules(doc, FirewallNames.NetworkCollectionName).Select(r => Assert.Single(Strings(r.GetProperty("destinationAddresses")))).ToList();
            Assert.Equal(parameters.Select(p => $"[parameters('{p}')]"), used);
        }

        [Fact]
        public void FilledPlaceholdersAreAddressesAndNoParameters()
        {
            using var doc = Arm(ExportFixtures.UsGov);
            var parameters = doc.RootElement.GetProperty("parameters");
            Assert.False(parameters.TryGetProperty("apiServerPublicIp", out _));
            Assert.False(parameters.TryGetProperty("customDnsServers", out _));
            var addresses = Rules(doc, FirewallNames.NetworkCollectionName)
                .Where(r => r.TryGetProperty("destinationAddresses", out _) && !r.TryGetProperty("destinationFqdns", out _))
                .SelectMany(r => Strings(r.GetProperty("destinationAddresses"))).ToList();
            Assert.Contains("20.1.2.3", addresses);
            Assert.Contains("10.0.0.4", addresses);
            Assert.Contains("10.0.0.5", addresses);
            Assert.DoesNotContain(addresses, a => a.StartsWith("[", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void NoPlaceholderTextIsADestination(string set)
        {
            using var doc = Arm(set);
            Assert.DoesNotContain(AllStrings(doc.RootElement), s => s == "APIServerPublicIP" || s == "CustomDnsIP");
        }

        [Fact]
        public void FqdnTagReplacesTheCoreFqdnsWithOneTagRule()
        {
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            using var doc = Arm(ExportFixtures.Public, options);
            var application = Rules(doc, FirewallNames.ApplicationCollectionName);
            var tag = Assert.Single(application, r => r.TryGetProperty("fqdnTags", out _));
            Assert.Equal(FirewallNames.FqdnTagRuleName, tag.GetProperty("name").GetString());
            Assert.Equal(new[] { "AzureKubernetesService" }, Strings(tag.GetProperty("fqdnTags")));
            var protocol = Assert.Single(tag.GetProperty("protocols").EnumerateArray());
            Assert.Equal("Https", protocol.GetProperty("protocolType").GetString());
            Assert.Equal(443, protocol.GetProperty("port").GetInt32());
            Assert.Equal(new[] { "[parameters('sourceAddresses')]" }, new[] { tag.GetProperty("sourceAddresses").GetString() });
            Assert.Contains("AzureKubernetesService", tag.GetProperty("description").GetString());

            var targets = application.Where(r => r.TryGetProperty("targetFqdns", out _)).SelectMany(r => Strings(r.GetProperty("targetFqdns"))).ToList();
            Assert.DoesNotContain("mcr.microsoft.com", targets);
            Assert.Contains("dc.services.visualstudio.com", targets);
            Assert.Contains(Rules(doc, FirewallNames.NetworkCollectionName), r => r.TryGetProperty("destinationFqdns", out var f) && f.GetString()!.Contains("'ntp.ubuntu.com'", StringComparison.Ordinal));
        }

        [Fact]
        public void FqdnTagRuleNamesTheClustersItServes()
        {
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            var text = RuleExporter.Export(ExportFixtures.Rules(ExportFixtures.ChinaPrivate).Concat(Derive("eastus", "aks-pub")), ExportFormat.AzureFirewallArm, options).Text;
            using var doc = JsonDocument.Parse(text);
            var tag = Assert.Single(Rules(doc, FirewallNames.ApplicationCollectionName), r => r.TryGetProperty("fqdnTags", out _));
            Assert.EndsWith("clusters: aks-pub", tag.GetProperty("description").GetString());
        }

        [Fact]
        public void SourceIpGroupsReplaceSourceAddresses()
        {
            const string group = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes";
            var options = new ExportOptions { SourceIpGroups = new List<string> { group } };
            using var doc = Arm(ExportFixtures.Public, options);
            Assert.False(doc.RootElement.GetProperty("parameters").TryGetProperty("sourceAddresses", out _));
            var rules = Rules(doc, FirewallNames.NetworkCollectionName).Concat(Rules(doc, FirewallNames.ApplicationCollectionName)).ToList();
            Assert.NotEmpty(rules);
            Assert.All(rules, r =>
            {
                Assert.Equal(new[] { group }, Strings(r.GetProperty("sourceIpGroups")));
                Assert.False(r.TryGetProperty("sourceAddresses", out _));
            });
        }

        [Fact]
        public void WithoutSourcesTheDefaultIsAnySource()
        {
            using var doc = Arm(ExportFixtures.UsGov, new ExportOptions());
            Assert.Equal(new[] { "*" }, Strings(doc.RootElement.GetProperty("parameters").GetProperty("sourceAddresses").GetProperty("defaultValue")));
            Assert.All(Rules(doc, FirewallNames.NetworkCollectionName), r => Assert.Equal("[parameters('sourceAddresses')]", r.GetProperty("sourceAddresses").GetString()));
        }

        [Fact]
        public void ACollectionWithoutRulesIsLeftOut()
        {
            using var app = JsonDocument.Parse(Write(new[] { Rule(RuleKind.Application, "mcr.microsoft.com", RuleProtocol.HTTPS, 443) }));
            Assert.Equal(new[] { FirewallNames.ApplicationCollectionName }, Collections(app).Select(c => c.GetProperty("name").GetString()));
            using var net = JsonDocument.Parse(Write(new[] { Rule(RuleKind.Network, "AzureCloud.eastus", RuleProtocol.TCP, 9000, DestinationType.ServiceTag) }));
            var collection = Assert.Single(Collections(net));
            Assert.Equal(FirewallNames.NetworkCollectionName, collection.GetProperty("name").GetString());
            var rule = Assert.Single(collection.GetProperty("rules").EnumerateArray());
            Assert.Equal(new[] { "AzureCloud.eastus" }, Strings(rule.GetProperty("destinationAddresses")));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void SameInputGivesTheSameBytesWithUnixLineEnds(string set)
        {
            var first = ExportFixtures.Export(set, ExportFormat.AzureFirewallArm).Text;
            var second = ExportFixtures.Export(set, ExportFormat.AzureFirewallArm).Text;
            Assert.Equal(first, second);
            Assert.DoesNotContain("\r", first);
            Assert.EndsWith("}\n", first);
            Assert.False(first.EndsWith("\n\n", StringComparison.Ordinal));
        }

        [Fact]
        public void HostileClusterNameSurvivesAsTextAndIsNeverAnExpression()
        {
            var text = RuleExporter.Export(ExportFixtures.HostileRules(), ExportFormat.AzureFirewallArm, ExportFixtures.Options()).Text;
            using var doc = JsonDocument.Parse(text);
            var strings = AllStrings(doc.RootElement).ToList();
            var carrying = strings.Where(s => s.Contains(ExportFixtures.HostileClusterName, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(carrying);
            Assert.Contains(Rules(doc, FirewallNames.ApplicationCollectionName), r => r.GetProperty("description").GetString()!.Contains("clusters: " + ExportFixtures.HostileClusterName, StringComparison.Ordinal));
            // The name is a literal everywhere: a plain string, or a quoted literal of the DNS proxy choice that reads back whole.
            var literals = carrying.Where(s => !IsExpression(s)).ToList();
            Assert.All(literals, s => Assert.True(!s.StartsWith("[", StringComparison.Ordinal) || s.StartsWith("[[", StringComparison.Ordinal), s));
            Assert.DoesNotContain(carrying, IsExpression);
            var choices = strings.Where(ConditionalValues.IsArm).Select(ConditionalValues.Arm).Where(c => c.WhenFalse is string).ToList();
            Assert.Contains(choices, c => ((string)c.WhenFalse).EndsWith("clusters: " + ExportFixtures.HostileClusterName + "; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off", StringComparison.Ordinal));
            // Only the expressions the writer builds itself are evaluated.
            Assert.All(strings.Where(IsExpression), s => Assert.True(ConditionalValues.IsArm(s) ? ConditionalValues.Arm(s).Input == "dnsProxyEnabled"
                : Regex.IsMatch(s, @"^\[(parameters\('[A-Za-z]+'\)|format\('\{0\}/\{1\}', parameters\('firewallPolicyName'\), '[A-Za-z0-9._-]+'\))\]$"), s));
        }

        [Fact]
        public void ExpressionsKeepTheirQuotesReadableAndArraysHoldingOneAreIndented()
        {
            var text = ExportFixtures.Export(ExportFixtures.Public, ExportFormat.AzureFirewallArm).Text;
            Assert.Contains("\"sourceAddresses\": \"[parameters('sourceAddresses')]\",\n", text);
            Assert.Contains("\"destinationAddresses\": [\n                  \"[parameters('apiServerPublicIp')]\"\n                ],\n", text);
            Assert.DoesNotContain("\\u0027", text);
        }

        [Fact]
        public void LiteralThatLooksLikeAnExpressionGetsItsBracketDoubled()
        {
            using var doc = JsonDocument.Parse(Write(new[] { Rule(RuleKind.Application, "[concat('a','b')]", RuleProtocol.HTTPS, 443) }));
            var rule = Assert.Single(Rules(doc, FirewallNames.ApplicationCollectionName));
            Assert.Equal(new[] { "[[concat('a','b')]" }, Strings(rule.GetProperty("targetFqdns")));
        }

        [Theory]
        [InlineData("[z]", "[[z]")]
        [InlineData("[[z]", "[[[z]")]
        [InlineData("[]", "[[]")]
        [InlineData("[z", "[z")]
        [InlineData("a [z]", "a [z]")]
        [InlineData("", "")]
        public void EscapeLiteralFollowsArmRules(string literal, string escaped) =>
            Assert.Equal(escaped, ArmTemplateWriter.EscapeLiteral(literal));

        [Fact]
        public void LongDescriptionsAreCutButKeepTheDnsProxyNote()
        {
            var rules = Enumerable.Range(0, 60).Select(i => Rule(RuleKind.Network, "ntp.ubuntu.com", RuleProtocol.UDP, 123, cluster: $"cluster-{i:00}-" + new string('x', 30))).ToList();
            var text = Write(rules);
            Assert.Equal(text, Write(rules));
            using var doc = JsonDocument.Parse(text);
            var description = ConditionalValues.Arm(Assert.Single(Rules(doc, FirewallNames.NetworkCollectionName)).GetProperty("description").GetString()!);
            foreach (var variant in new[] { (string)description.WhenTrue, (string)description.WhenFalse })
            {
                Assert.Equal(1024, variant.Length);
                Assert.Contains("...; ", variant);
                Assert.StartsWith("Required; features: Core; clusters: cluster-00-", variant);
            }
            Assert.EndsWith("has DNS proxy on", (string)description.WhenTrue);
            Assert.EndsWith("has it off", (string)description.WhenFalse);
        }

        // ---- helpers ----

        internal static AksEgressRule Rule(RuleKind kind, string destination, RuleProtocol protocol, int port, DestinationType type = DestinationType.Fqdn, string? cluster = null) =>
            new() { RuleId = "custom", Kind = kind, Destination = destination, DestinationType = type, Protocol = protocol, Port = port, ClusterName = cluster, Feature = AksFeature.Core };

        private static IReadOnlyList<AksEgressRule> Derive(string location, string cluster) =>
            AksEgress.Planning.RuleDeriver.Default.Derive(new AksEgress.Planning.RulePlan { Location = location, ClusterName = cluster }).Rules;

        private static string Write(IEnumerable<AksEgressRule> rules) =>
            RuleExporter.Export(rules, ExportFormat.AzureFirewallArm, ExportFixtures.Options()).Text;

        private static JsonDocument Arm(string set, ExportOptions? options = null) =>
            JsonDocument.Parse(ExportFixtures.Export(set, ExportFormat.AzureFirewallArm, options).Text);

        private static JsonElement Group(JsonDocument doc) => doc.RootElement.GetProperty("resources")[0];

        private static List<JsonElement> Collections(JsonDocument doc) =>
            Group(doc).GetProperty("properties").GetProperty("ruleCollections").EnumerateArray().ToList();

        private static List<JsonElement> Rules(JsonDocument doc, string collection) =>
            Collections(doc).Where(c => c.GetProperty("name").GetString() == collection).SelectMany(c => c.GetProperty("rules").EnumerateArray()).ToList();

        private static IEnumerable<string> Strings(JsonElement element) =>
            element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!) : new[] { element.GetString()! };

        private static bool IsExpression(string s) => s.StartsWith("[", StringComparison.Ordinal) && !s.StartsWith("[[", StringComparison.Ordinal) && s.EndsWith("]", StringComparison.Ordinal);

        internal static IEnumerable<string> AllStrings(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    yield return element.GetString()!;
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                        foreach (var s in AllStrings(item)) yield return s;
                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        yield return property.Name;
                        foreach (var s in AllStrings(property.Value)) yield return s;
                    }
                    break;
            }
        }
    }
}
