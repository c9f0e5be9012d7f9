using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class BicepWriterTests
    {
        public static IEnumerable<object[]> Sets => ExportFixtures.SetNames.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(Sets))]
        public void MatchesGoldenFile(string set) =>
            Golden.AssertMatches($"{set}.bicep", ExportFixtures.Export(set, ExportFormat.Bicep).Text);

        [Fact]
        public void DeclaresTheParametersAndTheGroupAsAChildOfTheExistingPolicy()
        {
            var text = Bicep(ExportFixtures.Public);
            Assert.Contains("\nparam firewallPolicyName string\n", text);
            Assert.Contains("\nparam ruleCollectionGroupPriority int = 500\n", text);
            Assert.Contains("\nparam sourceAddresses array = [\n  '10.240.0.0/16'\n]\n", text);
            Assert.Contains("\nparam apiServerPublicIp string\n", text);
            Assert.Contains("\nparam customDnsServers array\n", text);
            Assert.Contains("\nresource policy 'Microsoft.Network/firewallPolicies@2023-09-01' existing = {\n  name: firewallPolicyName\n}\n", text);
            Assert.Contains("\nresource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {\n  parent: policy\n  name: 'aks-egress'\n  properties: {\n    priority: ruleCollectionGroupPriority\n", text);
            Assert.Contains("destinationAddresses: [\n              apiServerPublicIp\n            ]", text);
            Assert.Contains("destinationAddresses: customDnsServers\n", text);
            // Every parameter says what to pass.
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("param ", StringComparison.Ordinal)) continue;
                var j = i - 1;
                while (lines[j].StartsWith("@m", StringComparison.Ordinal)) j--;
                Assert.StartsWith("@description('", lines[j]);
            }
        }

        [Fact]
        public void FilledPlaceholdersAreAddressesAndNoParameters()
        {
            var text = Bicep(ExportFixtures.UsGov);
            Assert.DoesNotContain("param apiServerPublicIp", text);
            Assert.DoesNotContain("param customDnsServers", text);
            Assert.Contains("'20.1.2.3'", text);
            Assert.Contains("'10.0.0.4'", text);
            Assert.Contains("'10.0.0.5'", text);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void TheHeaderSaysWhatTheFileIsAndThatDnsProxyIsNeeded(string set)
        {
            var text = Bicep(set);
            var header = string.Join("\n", text.Split('\n').TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)));
            Assert.Contains("Azure Kubernetes Service", header);
            Assert.Contains(ExportPlan.DnsProxyNote, header);
            Assert.Contains("destinationFqdns: [\n              'ntp.ubuntu.com'\n            ]", text);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void NoPlaceholderTextIsADestination(string set)
        {
            var literals = BicepLiterals.Scan(Bicep(set));
            Assert.DoesNotContain(literals, l => l == "APIServerPublicIP" || l == "CustomDnsIP");
        }

        [Fact]
        public void FqdnTagRuleReplacesTheCoreFqdns()
        {
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            var text = ExportFixtures.Export(ExportFixtures.Public, ExportFormat.Bicep, options).Text;
            Assert.Single(Regex.Matches(text, "fqdnTags: \\["));
            Assert.Contains("name: 'aks-fqdn-tag'", text);
            Assert.Contains("'AzureKubernetesService'", text);
            Assert.DoesNotContain("'mcr.microsoft.com'", text);
            Assert.Contains("'dc.services.visualstudio.com'", text);
            Assert.Contains("'ntp.ubuntu.com'", text);
        }

        [Fact]
        public void SourceIpGroupsReplaceSourceAddresses()
        {
            const string group = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes";
            var text = ExportFixtures.Export(ExportFixtures.UsGov, ExportFormat.Bicep, new ExportOptions { SourceIpGroups = new List<string> { group } }).Text;
            Assert.DoesNotContain("sourceAddresses", text);
            Assert.Equal(Regex.Matches(text, "ruleType: ").Count, Regex.Matches(text, "sourceIpGroups: \\[\n *'" + Regex.Escape(group) + "'\n").Count);
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void DescribesTheSameFirewallAsTheArmTemplate(string set)
        {
            var bicepNames = Regex.Matches(Bicep(set), "^ +name: '([^']*)'$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
            using var arm = JsonDocument.Parse(ExportFixtures.Export(set, ExportFormat.AzureFirewallArm).Text);
            var armNames = new List<string>();
            foreach (var collection in arm.RootElement.GetProperty("resources")[0].GetProperty("properties").GetProperty("ruleCollections").EnumerateArray())
            {
                armNames.Add(collection.GetProperty("name").GetString()!);
                armNames.AddRange(collection.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
            }
            Assert.Equal("aks-egress", bicepNames[0]);
            Assert.Equal(armNames, bicepNames.Skip(1));

            var armStrings = ArmTemplateWriterTests.AllStrings(arm.RootElement).ToHashSet(StringComparer.Ordinal);
            var literals = BicepLiterals.Scan(Bicep(set));
            Assert.All(literals.Where(l => l.Contains("features:", StringComparison.Ordinal)), l => Assert.Contains(l, armStrings));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void SameInputGivesTheSameBytesWithTwoSpaceIndentation(string set)
        {
            var first = Bicep(set);
            Assert.Equal(first, Bicep(set));
            Assert.DoesNotContain("\r", first);
            Assert.DoesNotContain("\t", first);
            Assert.EndsWith("}\n", first);
            Assert.All(first.Split('\n'), line => Assert.Equal(0, (line.Length - line.TrimStart(' ').Length) % 2));
            BicepLiterals.Scan(first);
        }

        [Fact]
        public void HostileClusterNameStaysInsideItsStringLiteral()
        {
            var text = RuleExporter.Export(ExportFixtures.HostileRules(), ExportFormat.Bicep, ExportFixtures.Options()).Text;
            var literals = BicepLiterals.Scan(text);
            Assert.Contains(literals, l => l.Contains("clusters: " + ExportFixtures.HostileClusterName, StringComparison.Ordinal));
            Assert.DoesNotContain(ExportFixtures.HostileClusterName, text);
        }

        [Theory]
        [InlineData("plain", "'plain'")]
        [InlineData("it's", @"'it\'s'")]
        [InlineData(@"a\b", @"'a\\b'")]
        [InlineData("${x} $y $", @"'\${x} $y $'")]
        [InlineData("a\nb\rc\td", @"'a\nb\rc\td'")]
        [InlineData("a\u0000b\u001bc\u007fd\u0085e", @"'a\u{0}b\u{1B}c\u{7F}d\u{85}e'")]
        [InlineData("a\u2028b", @"'a\u{2028}b'")]
        public void LiteralEscapesWhatBicepReads(string value, string literal) =>
            Assert.Equal(literal, BicepWriter.Literal(value));

        [Theory]
        [InlineData("x: 'a\\'b'", true)]
        [InlineData("x: 'a\\${b}'", true)]
        [InlineData("// it's ${fine} in a comment", true)]
        [InlineData("x: 'a'b'", false)]
        [InlineData("x: 'a${b}'", false)]
        [InlineData("x: 'open", false)]
        [InlineData("x: 'ends with backslash\\", false)]
        public void TheLiteralCheckerCatchesWhatItShould(string line, bool valid)
        {
            if (valid) BicepLiterals.Scan(line);
            else Assert.ThrowsAny<Exception>(() => BicepLiterals.Scan(line));
        }

        private static string Bicep(string set) => ExportFixtures.Export(set, ExportFormat.Bicep).Text;
    }

    /// <summary>
    /// Reads the single-quoted string literals of a Bicep file, failing when a literal does not close on its line,
    /// when an unescaped ${ would interpolate, or when a quote the writer meant as text ends a literal early (which
    /// shows as text after the literal that Bicep would not accept here).
    /// </summary>
    internal static class BicepLiterals
    {
        public static List<string> Scan(string text)
        {
            var literals = new List<string>();
            var number = 0;
            foreach (var line in text.Split('\n'))
            {
                number++;
                Assert.DoesNotContain("'''", line);
                var i = 0;
                while (i < line.Length)
                {
                    var c = line[i];
                    if (c == '/' && i + 1 < line.Length && line[i + 1] == '/') break;
                    if (c != '\'')
                    {
                        i++;
                        continue;
                    }
                    var value = new StringBuilder();
                    i++;
                    var closed = false;
                    while (i < line.Length)
                    {
                        var d = line[i];
                        if (d == '\\')
                        {
                            Assert.True(i + 1 < line.Length, $"line {number}: backslash at the end of a literal");
                            var e = line[i + 1];
                            switch (e)
                            {
                                case 'n': value.Append('\n'); break;
                                case 'r': value.Append('\r'); break;
                                case 't': value.Append('\t'); break;
                                case '\\': case '\'': case '$': value.Append(e); break;
                                case 'u':
                                    var end = line.IndexOf('}', i);
                                    Assert.True(line[i + 2] == '{' && end > 0, $"line {number}: bad unicode escape");
                                    value.Append(char.ConvertFromUtf32(Convert.ToInt32(line.Substring(i + 3, end - i - 3), 16)));
                                    i = end - 1;
                                    break;
                                default: Assert.Fail($"line {number}: unknown escape \\{e}"); break;
                            }
                            i += 2;
                            continue;
                        }
                        if (d == '$' && i + 1 < line.Length && line[i + 1] == '{') Assert.Fail($"line {number}: unescaped ${{ in a literal: {line}");
                        if (d == '\'')
                        {
                            closed = true;
                            i++;
                            break;
                        }
                        value.Append(d);
                        i++;
                    }
                    Assert.True(closed, $"line {number}: literal does not close on its line: {line}");
                    // After a literal comes the end of the line, a ')' of a decorator, or ' = ' / ' existing' of a declaration.
                    var rest = line.Substring(i);
                    Assert.True(rest.Length == 0 || rest == ")" || rest.StartsWith(" = ", StringComparison.Ordinal) || rest.StartsWith(" existing = ", StringComparison.Ordinal),
                        $"line {number}: text after a literal: {line}");
                    literals.Add(value.ToString());
                }
            }
            return literals;
        }
    }
}
