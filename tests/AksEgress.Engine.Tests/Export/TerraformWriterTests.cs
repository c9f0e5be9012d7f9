using System.Text.Json;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class TerraformWriterTests
    {
        public static TheoryData<string> Sets => new() { ExportFixtures.Public, ExportFixtures.ChinaPrivate, ExportFixtures.UsGov };

        private static ExportPlan Plan(IEnumerable<AksEgressRule> rules, ExportOptions? options = null) =>
            ExportPlanner.Build(rules, options ?? ExportFixtures.Options(), new List<string>());

        private static string Write(ExportPlan plan) => new TerraformWriter().Write(plan);

        [Theory]
        [MemberData(nameof(Sets))]
        public void MatchesGoldenFile(string set)
        {
            var result = ExportFixtures.Export(set, ExportFormat.Terraform);
            Golden.AssertMatches(set + ".tf", result.Text);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void SamePlanGivesSameBytesWithUnixLineEnds(string set)
        {
            var plan = Plan(ExportFixtures.Rules(set));
            var first = Write(plan);
            Assert.Equal(first, Write(Plan(ExportFixtures.Rules(set))));
            Assert.DoesNotContain("\r", first);
            Assert.EndsWith("}\n", first);
            Assert.DoesNotContain("\n\n\n", first);
        }

        /// <summary>The golden file itself goes through HashiCorp's parser, and what it parses to is the plan.</summary>
        [Theory]
        [MemberData(nameof(Sets))]
        public void GoldenFileParsesWithTheHclParserIntoThePlannedFirewall(string set)
        {
            var plan = Plan(ExportFixtures.Rules(set));
            var golden = Path.Combine(Golden.Directory(), set + ".tf");
            var text = File.Exists(golden) ? File.ReadAllText(golden) : Write(plan);
            using var json = Hcl2Json.Parse(text);
            AssertDescribesPlan(json.RootElement, plan);

            if (plan.HasFqdnNetworkRules)
            {
                var header = text.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
                Assert.Contains(header, l => l.Contains("work only in a firewall policy with DNS proxy on. With var.dns_proxy_enabled true", StringComparison.Ordinal));
                var variable = Variable(json.RootElement, "dns_proxy_enabled");
                Assert.Equal("${bool}", variable.GetProperty("type").GetString());
                Assert.False(variable.GetProperty("default").GetBoolean());
            }
        }

        /// <summary>The file plans on its own: it names the provider, its versions and its configuration, as HCL the parser reads.</summary>
        [Theory]
        [MemberData(nameof(Sets))]
        public void GoldenFileDeclaresTheProviderAndVersionsItNeeds(string set)
        {
            var golden = Path.Combine(Golden.Directory(), set + ".tf");
            var text = File.Exists(golden) ? File.ReadAllText(golden) : Write(Plan(ExportFixtures.Rules(set)));
            using var json = Hcl2Json.Parse(text);
            var root = json.RootElement;

            var terraform = Assert.Single(root.GetProperty("terraform").EnumerateArray());
            Assert.Equal(">= 0.13", terraform.GetProperty("required_version").GetString());
            var azurerm = Assert.Single(terraform.GetProperty("required_providers").EnumerateArray()).GetProperty("azurerm");
            Assert.Equal("hashicorp/azurerm", azurerm.GetProperty("source").GetString());
            Assert.Equal(">= 3.75.0, < 5.0.0", azurerm.GetProperty("version").GetString());
            Assert.Equal(TerraformWriter.AzurermVersions, azurerm.GetProperty("version").GetString());

            var provider = Assert.Single(root.GetProperty("provider").GetProperty("azurerm").EnumerateArray());
            Assert.Equal(JsonValueKind.Object, Assert.Single(provider.GetProperty("features").EnumerateArray()).ValueKind);
            Assert.Equal("${split(\"/\", var.firewall_policy_id)[2]}", provider.GetProperty("subscription_id").GetString());

            var validation = Assert.Single(Variable(root, "firewall_policy_id").GetProperty("validation").EnumerateArray());
            Assert.Contains("var.firewall_policy_id", validation.GetProperty("condition").GetString());

            var header = string.Join("\n", text.Split('\n').TakeWhile(l => l.StartsWith('#')));
            Assert.Contains("hashicorp/azurerm provider >= 3.75.0, < 5.0.0", header);
            Assert.Contains("terraform init && terraform apply -var firewall_policy_id=", header);
        }

        [Theory]
        [InlineData("/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-fw/providers/Microsoft.Network/firewallPolicies/fw-policy", true)]
        [InlineData("/SUBSCRIPTIONS/s/resourcegroups/rg/providers/microsoft.network/firewallpolicies/p", true)]
        [InlineData("fw-policy", false)]
        [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p/ruleCollectionGroups/g", false)]
        [InlineData("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/p", false)]
        public void ThePolicyIdValidationTakesPolicyIdsOnly(string id, bool valid) =>
            // The pattern uses only what RE2 (Terraform) and .NET read alike.
            Assert.Equal(valid, System.Text.RegularExpressions.Regex.IsMatch(id, TerraformWriter.PolicyIdPattern));

        [Fact]
        public void PlaceholdersBecomeVariablesWithoutDefaultAndNeverLiteralDestinations()
        {
            using var json = Hcl2Json.Parse(Write(Plan(ExportFixtures.Rules(ExportFixtures.Public))));
            var root = json.RootElement;
            var api = Variable(root, "api_server_public_ip");
            Assert.Equal("${string}", api.GetProperty("type").GetString());
            Assert.False(api.TryGetProperty("default", out _));
            var dns = Variable(root, "custom_dns_servers");
            Assert.Equal("${list(string)}", dns.GetProperty("type").GetString());
            Assert.False(dns.TryGetProperty("default", out _));

            var network = Rules(root, "network_rule_collection");
            Assert.Contains(network, r => r.TryGetProperty("destination_addresses", out var d) && d.ValueKind == JsonValueKind.Array
                && d.EnumerateArray().Select(e => e.GetString()).SequenceEqual(new[] { "${var.api_server_public_ip}" }));
            Assert.Contains(network, r => r.TryGetProperty("destination_addresses", out var d) && d.ValueKind == JsonValueKind.String
                && d.GetString() == "${var.custom_dns_servers}");
            foreach (var rule in network)
            {
                var destinations = rule.TryGetProperty("destination_addresses", out var d) ? d.GetRawText() : "";
                if (rule.TryGetProperty("destination_fqdns", out var f)) destinations += f.GetRawText();
                Assert.DoesNotContain("APIServerPublicIP", destinations);
                Assert.DoesNotContain("CustomDnsIP", destinations);
            }
        }

        /// <summary>"My+Dns", "My-Dns" and "My_Dns" all read my_dns: each still gets one variable of its own (a second declaration of one name fails terraform init).</summary>
        [Fact]
        public void CollidingPlaceholdersGetOneVariableEach()
        {
            var plan = Plan(ExportFixtures.CollidingPlaceholderRules());
            using var json = Hcl2Json.Parse(Write(plan));
            var root = json.RootElement;
            AssertDescribesPlan(root, plan);
            var names = new[] { "destination_my_dns", "destination_my_dns_2", "destination_my_dns_3" };
            foreach (var name in names) Assert.Equal("${list(string)}", Variable(root, name).GetProperty("type").GetString());
            Assert.Equal(names.Select(n => "${var." + n + "}"), Rules(root, "network_rule_collection").Select(r => r.GetProperty("destination_addresses").GetString()));
        }

        [Fact]
        public void DnsProxyEnabledMakesTheVariableDefaultTrue()
        {
            var options = ExportFixtures.Options();
            options.DnsProxyEnabled = true;
            using var json = Hcl2Json.Parse(Write(Plan(ExportFixtures.Rules(ExportFixtures.UsGov), options)));
            Assert.True(Variable(json.RootElement, "dns_proxy_enabled").GetProperty("default").GetBoolean());
        }

        [Fact]
        public void KnownAddressesNeedNoVariables()
        {
            var text = Write(Plan(ExportFixtures.Rules(ExportFixtures.UsGov)));
            Assert.DoesNotContain("api_server_public_ip", text);
            Assert.DoesNotContain("custom_dns_servers", text);
            Assert.Contains("\"20.1.2.3\"", text);
            Assert.Contains("\"10.0.0.5\"", text);
        }

        /// <summary>
        /// The hostile cluster name must reach the parser as plain text. hcl2json prints Terraform's JSON
        /// syntax, where a literal "${" or "%{" is written "$${" / "%%{" again (an unescaped one would come out
        /// as "${x}", an interpolation of x, and "%{y}" would not parse at all). So the raw string must be the
        /// name with those two sequences doubled, and undoing exactly that gives the name back byte for byte.
        /// </summary>
        [Fact]
        public void HostileClusterNameSurvivesTheRealParserExactly()
        {
            var plan = Plan(ExportFixtures.HostileRules());
            using var json = Hcl2Json.Parse(Write(plan));
            var root = json.RootElement;
            AssertDescribesPlan(root, plan);

            var written = Rules(root, "network_rule_collection").Concat(Rules(root, "application_rule_collection"))
                .Select(r => r.GetProperty("description").GetString()!).ToList();
            var hostile = ExportFixtures.HostileClusterName;
            // The DNS proxy choice is an expression; its literals must read back whole, with the name in them.
            var choices = written.Where(d => d.StartsWith("${var.", StringComparison.Ordinal)).Select(ConditionalValues.Terraform).ToList();
            Assert.NotEmpty(choices);
            Assert.All(choices, c => Assert.Contains("clusters: " + hostile, (string)c.WhenFalse, StringComparison.Ordinal));
            var descriptions = written.Select(d => d.StartsWith("${var.", StringComparison.Ordinal) ? (string)ConditionalValues.Terraform(d).WhenFalse : TerraformJsonUnescape(d)).ToList();
            Assert.Contains(written, d => d.Contains(TerraformJsonEscape(hostile), StringComparison.Ordinal));
            Assert.DoesNotContain(written.Where(d => !d.StartsWith("${var.", StringComparison.Ordinal)), d => d.Replace("$${", "").Contains("${", StringComparison.Ordinal));

            var expected = ExpectedDescriptions(plan);
            Assert.Equal(expected, descriptions);
            Assert.Contains(expected, d => d.EndsWith("clusters: " + hostile, StringComparison.Ordinal));
        }

        [Fact]
        public void FqdnTagAndIpGroupsAreUsedWhenChosen()
        {
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            options.SourceIpGroups = new List<string> { "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes" };
            var plan = Plan(ExportFixtures.Rules(ExportFixtures.Public), options);
            Assert.True(plan.UsesFqdnTag);
            using var json = Hcl2Json.Parse(Write(plan));
            var root = json.RootElement;
            AssertDescribesPlan(root, plan);

            var tag = Assert.Single(Rules(root, "application_rule_collection"), r => r.GetProperty("name").GetString() == FirewallNames.FqdnTagRuleName);
            Assert.Equal(new[] { ExportPlan.FqdnTag }, tag.GetProperty("destination_fqdn_tags").EnumerateArray().Select(e => e.GetString()));
            var protocol = Assert.Single(tag.GetProperty("protocols").EnumerateArray());
            Assert.Equal("Https", protocol.GetProperty("type").GetString());
            Assert.Equal(443, protocol.GetProperty("port").GetInt32());

            Assert.Equal(options.SourceIpGroups, Variable(root, "source_ip_groups").GetProperty("default").EnumerateArray().Select(e => e.GetString()));
            Assert.False(root.GetProperty("variable").TryGetProperty("source_addresses", out _));
        }

        [Fact]
        public void NoSourceMeansAnySourceByDefault()
        {
            using var json = Hcl2Json.Parse(Write(Plan(ExportFixtures.Rules(ExportFixtures.UsGov), new ExportOptions())));
            Assert.Equal(new[] { "*" }, Variable(json.RootElement, "source_addresses").GetProperty("default").EnumerateArray().Select(e => e.GetString()));
        }

        [Fact]
        public void EmptyCollectionsAreLeftOut()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.UsGov).Where(r => r.Kind == RuleKind.Network).ToList();
            using var json = Hcl2Json.Parse(Write(Plan(rules)));
            var group = Group(json.RootElement);
            Assert.True(group.TryGetProperty("network_rule_collection", out _));
            Assert.False(group.TryGetProperty("application_rule_collection", out _));
        }

        [Theory]
        [InlineData("plain", "\"plain\"")]
        [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
        [InlineData("${x} %{y} $x %x $${z}", "\"$${x} %%{y} $x %x $$${z}\"")]
        [InlineData("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\"")]
        [InlineData("bell\u0007nul\0del\u007f", "\"bellnuldel\"")]
        public void HclStringsEscapeEverythingSpecial(string value, string expected) =>
            Assert.Equal(expected, HclText.Quote(value));

        [Fact]
        public void EscapedTemplateSequencesParseBackToTheText()
        {
            // "$${" after a literal '$' must still be one escape: $$${ is '$' followed by a literal "${".
            var text = "a$${b} c%%{d} ${e}";
            using var json = Hcl2Json.Parse("locals {\n  x = " + HclText.Quote(text) + "\n}\n");
            var parsed = json.RootElement.GetProperty("locals")[0].GetProperty("x").GetString()!;
            Assert.Equal(TerraformJsonEscape(text), parsed);
        }

        // ---- helpers ----

        private static void AssertDescribesPlan(JsonElement root, ExportPlan plan)
        {
            var group = Group(root);
            Assert.Equal(plan.CollectionGroupName, group.GetProperty("name").GetString());
            Assert.Equal("${var.firewall_policy_id}", group.GetProperty("firewall_policy_id").GetString());
            Assert.Equal("${var.rule_collection_group_priority}", group.GetProperty("priority").GetString());
            Assert.Equal(plan.Options.Priority, Variable(root, "rule_collection_group_priority").GetProperty("default").GetInt32());
            Assert.Equal("${string}", Variable(root, "firewall_policy_id").GetProperty("type").GetString());

            var names = FirewallNames.ForRules(plan);
            var useGroups = plan.Options.SourceIpGroups.Count > 0;
            var sourceAttribute = useGroups ? "source_ip_groups" : "source_addresses";

            var network = Rules(root, "network_rule_collection");
            Assert.Equal(plan.NetworkRules.Count, network.Count);
            if (plan.NetworkRules.Count > 0) AssertCollection(group, "network_rule_collection", FirewallNames.NetworkCollectionName, FirewallNames.NetworkCollectionPriority);
            for (var i = 0; i < network.Count; i++)
            {
                var expected = plan.NetworkRules[i];
                var rule = network[i];
                Assert.Equal(names[expected], rule.GetProperty("name").GetString());
                Assert.Equal(new[] { expected.Protocol.ToString() }, rule.GetProperty("protocols").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal(new[] { expected.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) }, rule.GetProperty("destination_ports").EnumerateArray().Select(e => e.GetString()));
                Assert.Equal("${var." + sourceAttribute + "}", rule.GetProperty(sourceAttribute).GetString());
                if (expected.IsFqdn)
                {
                    // The FQDN with DNS proxy, any destination without: chosen by the variable.
                    var fqdns = ConditionalValues.Terraform(rule.GetProperty("destination_fqdns").GetString()!);
                    var addresses = ConditionalValues.Terraform(rule.GetProperty("destination_addresses").GetString()!);
                    Assert.Equal("dns_proxy_enabled", fqdns.Input);
                    Assert.Equal(new[] { expected.Destination }, (string[])fqdns.WhenTrue);
                    Assert.Empty((string[])fqdns.WhenFalse);
                    Assert.Empty((string[])addresses.WhenTrue);
                    Assert.Equal(new[] { "*" }, (string[])addresses.WhenFalse);
                    var description = ConditionalValues.Terraform(rule.GetProperty("description").GetString()!);
                    Assert.Equal(expected.FirewallDescriptionFor(true), description.WhenTrue);
                    Assert.Equal(expected.FirewallDescriptionFor(false), description.WhenFalse);
                }
                else if (expected.DestinationType != DestinationType.Placeholder)
                {
                    Assert.Equal(new[] { expected.Destination }, rule.GetProperty("destination_addresses").EnumerateArray().Select(e => e.GetString()));
                }
            }

            var application = Rules(root, "application_rule_collection");
            Assert.Equal(plan.ApplicationRules.Count + (plan.UsesFqdnTag ? 1 : 0), application.Count);
            if (application.Count > 0) AssertCollection(group, "application_rule_collection", FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority);
            var explicitRules = application.Where(r => r.GetProperty("name").GetString() != FirewallNames.FqdnTagRuleName).ToList();
            Assert.Equal(plan.ApplicationRules.Count, explicitRules.Count);
            for (var i = 0; i < explicitRules.Count; i++)
            {
                var expected = plan.ApplicationRules[i];
                var rule = explicitRules[i];
                Assert.Equal(names[expected], rule.GetProperty("name").GetString());
                Assert.Equal(new[] { expected.Destination }, rule.GetProperty("destination_fqdns").EnumerateArray().Select(e => e.GetString()));
                var protocol = Assert.Single(rule.GetProperty("protocols").EnumerateArray());
                Assert.Equal(expected.Protocol == RuleProtocol.HTTP ? "Http" : "Https", protocol.GetProperty("type").GetString());
                Assert.Equal(expected.Port, protocol.GetProperty("port").GetInt32());
                Assert.Equal("${var." + sourceAttribute + "}", rule.GetProperty(sourceAttribute).GetString());
            }

            var variables = root.GetProperty("variable");
            Assert.Equal(plan.Placeholders.Contains("APIServerPublicIP"), variables.TryGetProperty("api_server_public_ip", out _));
            Assert.Equal(plan.Placeholders.Contains("CustomDnsIP"), variables.TryGetProperty("custom_dns_servers", out _));
            if (!useGroups)
            {
                var sources = plan.Options.SourceAddresses.Count > 0 ? plan.Options.SourceAddresses : new List<string> { "*" };
                Assert.Equal(sources, Variable(root, "source_addresses").GetProperty("default").EnumerateArray().Select(e => e.GetString()));
            }
        }

        private static void AssertCollection(JsonElement group, string block, string name, int priority)
        {
            var collection = Assert.Single(group.GetProperty(block).EnumerateArray());
            Assert.Equal(name, collection.GetProperty("name").GetString());
            Assert.Equal(priority, collection.GetProperty("priority").GetInt32());
            Assert.Equal("Allow", collection.GetProperty("action").GetString());
        }

        private static IReadOnlyList<string> ExpectedDescriptions(ExportPlan plan)
        {
            var list = plan.NetworkRules.Select(r => r.FirewallDescription).ToList();
            if (plan.UsesFqdnTag) list.Add(plan.FqdnTagDescription);
            list.AddRange(plan.ApplicationRules.Select(r => r.Description));
            return list;
        }

        private static JsonElement Group(JsonElement root) =>
            Assert.Single(root.GetProperty("resource").GetProperty(TerraformWriter.ResourceType).GetProperty(TerraformWriter.ResourceName).EnumerateArray());

        private static List<JsonElement> Rules(JsonElement root, string block)
        {
            if (!Group(root).TryGetProperty(block, out var collections)) return new List<JsonElement>();
            return Assert.Single(collections.EnumerateArray()).GetProperty("rule").EnumerateArray().ToList();
        }

        private static JsonElement Variable(JsonElement root, string name) =>
            Assert.Single(root.GetProperty("variable").GetProperty(name).EnumerateArray());

        /// <summary>Text as Terraform's JSON syntax (hcl2json's output) writes a literal string: "${" and "%{" doubled.</summary>
        private static string TerraformJsonEscape(string text) => text.Replace("${", "$${").Replace("%{", "%%{");

        private static string TerraformJsonUnescape(string text) => text.Replace("$${", "${").Replace("%%{", "%{");
    }
}
