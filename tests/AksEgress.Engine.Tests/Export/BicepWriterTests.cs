using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AksEgress.Export;
using Xunit.Sdk;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>
    /// Every Bicep file these tests write goes through the real Bicep CLI: it must build and lint without a
    /// diagnostic, and build to the JSON of the ARM template written for the same rules and options.
    /// </summary>
    public class BicepWriterTests : IClassFixture<BicepWriterTests.CompiledInOneBatch>
    {
        private const string IpGroup = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes";

        public static IEnumerable<object[]> Sets => ExportFixtures.SetNames.Select(s => new object[] { s });

        public static IEnumerable<object[]> GoldenBicepFiles =>
            Directory.GetFiles(Golden.Directory(), "*.bicep").Order(StringComparer.Ordinal).Select(path => new object[] { Path.GetFileName(path) });

        [Theory]
        [MemberData(nameof(Sets))]
        public void MatchesGoldenFile(string set) =>
            Golden.AssertMatches($"{set}.bicep", Bicep(set));

        [Theory]
        [MemberData(nameof(GoldenBicepFiles))]
        public void GoldenFileCompilesToItsGoldenArmTemplate(string file)
        {
            var bicep = File.ReadAllText(Path.Combine(Golden.Directory(), file));
            var arm = File.ReadAllText(Path.Combine(Golden.Directory(), Path.ChangeExtension(file, ".arm.json")));
            BicepCli.AssertCompilesLikeArm(bicep, arm);
        }

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
            Assert.Contains("work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true", header);
            Assert.Contains("\nparam dnsProxyEnabled bool = false\n", text);
            Assert.Contains("\n            destinationAddresses: dnsProxyEnabled ? [] : ['*']\n            destinationFqdns: dnsProxyEnabled ? ['ntp.ubuntu.com'] : []\n", text);
            Assert.Matches("\n            description: dnsProxyEnabled \\? '[^\n]*DNS proxy on' : '[^\n]*has it off'\n", text);
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
            var text = Checked(ExportFixtures.Rules(ExportFixtures.Public), FqdnTagOptions());
            Assert.Single(Regex.Matches(text, "fqdnTags: \\["));
            Assert.Contains("name: 'aks-fqdn-tag'", text);
            Assert.Contains("'AzureKubernetesService'", text);
            Assert.DoesNotContain("'mcr.microsoft.com'", text);
            Assert.Contains("'dc.services.visualstudio.com'", text);
            Assert.Contains("'ntp.ubuntu.com'", text);
        }

        [Fact]
        public void DnsProxyEnabledMakesTheParameterDefaultTrue()
        {
            var text = Checked(ExportFixtures.Rules(ExportFixtures.ChinaPrivate), DnsProxyOptions());
            Assert.Contains("\nparam dnsProxyEnabled bool = true\n", text);
        }

        [Fact]
        public void SourceIpGroupsReplaceSourceAddresses()
        {
            var text = Checked(ExportFixtures.Rules(ExportFixtures.UsGov), IpGroupOptions());
            Assert.DoesNotContain("sourceAddresses", text);
            Assert.Equal(Regex.Matches(text, "ruleType: ").Count, Regex.Matches(text, "sourceIpGroups: \\[\n *'" + Regex.Escape(IpGroup) + "'\n").Count);
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

            // Literals of the DNS proxy choice count as strings of the template too.
            var armStrings = ArmTemplateWriterTests.AllStrings(arm.RootElement)
                .SelectMany(s => ConditionalValues.IsArm(s) ? new[] { ConditionalValues.Arm(s).WhenTrue, ConditionalValues.Arm(s).WhenFalse }.OfType<string>() : new[] { s })
                .ToHashSet(StringComparer.Ordinal);
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
            var text = Checked(ExportFixtures.HostileRules(), ExportFixtures.Options());
            var literals = BicepLiterals.Scan(text);
            Assert.Contains(literals, l => l.Contains("clusters: " + ExportFixtures.HostileClusterName, StringComparison.Ordinal));
            Assert.DoesNotContain(ExportFixtures.HostileClusterName, text);
        }

        [Fact]
        public void TheHeaderIsAlsoTemplateMetadata()
        {
            var text = Bicep(ExportFixtures.Public);
            var header = text.Split('\n').TakeWhile(l => l.StartsWith("// ", StringComparison.Ordinal)).Select(l => l.Substring(3)).ToList();
            var metadata = Assert.Single(text.Split('\n'), l => l.StartsWith("metadata comments = ", StringComparison.Ordinal));
            Assert.Equal(string.Join(" ", header.Where(l => l != BicepWriter.IntendedHostsComment)), Assert.Single(BicepLiterals.Scan(metadata)));
        }

        [Theory]
        [MemberData(nameof(Sets))]
        public void EveryLineThatNamesAHostTheLinterReportsIsMarkedAndTheHeaderSaysWhy(string set)
        {
            var lines = Bicep(set).Split('\n');
            var marked = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (!BicepEnvironmentUrlRule.Reports(lines[i]) || lines[i].StartsWith("//", StringComparison.Ordinal)) continue;
                var indent = lines[i].Substring(0, lines[i].Length - lines[i].TrimStart(' ').Length);
                Assert.Equal(indent + BicepEnvironmentUrlRule.DisableNextLine, lines[i - 1]);
                marked++;
            }
            Assert.Equal(marked, lines.Count(l => l.Trim() == BicepEnvironmentUrlRule.DisableNextLine));
            Assert.Equal(marked > 0, lines.TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Contains("// " + BicepWriter.IntendedHostsComment));
            // The linter knows the public cloud's hosts only.
            Assert.Equal(set == ExportFixtures.Public, marked > 0);
        }

        [Fact]
        public void WithoutItsSuppressionEveryHostLineGetsTheLinterWarningAndTheCheckFails()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var bare = WithoutSuppressions(Checked(rules, ExportFixtures.Options()));
            var hostLines = bare.Split('\n').Select((line, i) => (line, number: i + 1))
                .Where(l => !l.line.StartsWith("//", StringComparison.Ordinal) && BicepEnvironmentUrlRule.Reports(l.line)).Select(l => l.number).ToList();
            Assert.NotEmpty(hostLines);

            var result = BicepCli.Compile(bare);
            Assert.Equal(hostLines, result.LintedLines(BicepEnvironmentUrlRule.Code).Order());
            Assert.ThrowsAny<XunitException>(() => BicepCli.AssertCompilesLikeArm(bare, Export(rules, ExportFormat.AzureFirewallArm, ExportFixtures.Options())));
        }

        [Fact]
        public void TheCheckFailsWhenTheCompiledJsonDiffersFromTheArmTemplate()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var bicep = Checked(rules, ExportFixtures.Options());
            var arm = Export(rules, ExportFormat.AzureFirewallArm, ExportFixtures.Options());

            // The array form ARM once wrote for an array holding a parameter.
            var createArray = Regex.Replace(arm, @"\[\s*""\[parameters\('apiServerPublicIp'\)\]""\s*\]", "\"[createArray(parameters('apiServerPublicIp'))]\"");
            Assert.NotEqual(arm, createArray);
            Assert.ThrowsAny<XunitException>(() => BicepCli.AssertCompilesLikeArm(bicep, createArray));

            var withoutComments = JsonNode.Parse(arm)!;
            withoutComments["metadata"]!.AsObject().Remove("comments");
            Assert.ThrowsAny<XunitException>(() => BicepCli.AssertCompilesLikeArm(bicep, withoutComments.ToJsonString()));

            var options = ExportFixtures.Options();
            options.Priority = 600;
            Assert.ThrowsAny<XunitException>(() => BicepCli.AssertCompilesLikeArm(bicep, Export(rules, ExportFormat.AzureFirewallArm, options)));
        }

        [Fact]
        public void TheHostsTheWriterMarksAreTheHostsTheLinterReports()
        {
            var result = BicepCli.Compile(HostProbe.Text);
            Assert.Equal(0, result.BuildExitCode);
            Assert.Equal(HostProbe.ReportedLines(), result.LintedLines(BicepEnvironmentUrlRule.Code).Order());
            Assert.All(BicepEnvironmentUrlRule.DisallowedHosts, host => Assert.Contains(HostProbe.LineOf(host), result.LintedLines(BicepEnvironmentUrlRule.Code)));
            Assert.All(BicepEnvironmentUrlRule.ExcludedHosts, host => Assert.DoesNotContain(HostProbe.LineOf(host), result.LintedLines(BicepEnvironmentUrlRule.Code)));
        }

        [Fact]
        public void AGroupNamedAfterAHostIsMarkedAsWell()
        {
            var text = Checked(ExportFixtures.Rules(ExportFixtures.UsGov), HostNamedGroupOptions());
            Assert.Contains("\n  " + BicepEnvironmentUrlRule.DisableNextLine + "\n  name: 'vault.azure.net'\n", text);
        }

        /// <summary>Control characters in a description become spaces, as in every deployable format (<see cref="FirewallText"/>); the rest keeps its value.</summary>
        [Fact]
        public void ControlCharactersBecomeSpacesOtherScriptsAndBracketsKeepTheirValue()
        {
            var text = Checked(UnusualTextRules(), ExportFixtures.Options());
            Assert.Contains("clusters: a b c d e f 클러스터 " + "\U0001F600", text);
            Assert.Contains("'[concat(\\'a\\',\\'b\\')]'", text);
            Assert.Contains("'[z]'", text);
        }

        /// <summary>Placeholders whose parameter names collide: each gets its own parameter, declared once, and its own rule uses it.</summary>
        [Fact]
        public void CollidingPlaceholdersGetOneParameterEach()
        {
            var text = Checked(ExportFixtures.CollidingPlaceholderRules(), ExportFixtures.Options());
            foreach (var name in new[] { "destinationMyDns", "destinationMyDns2", "destinationMyDns3" })
            {
                Assert.Single(Regex.Matches(text, "\nparam " + name + " string\n"));
                Assert.Single(Regex.Matches(text, "destinationAddresses: \\[\n +" + name + "\n"));
            }
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

        private static string Bicep(string set) => Checked(ExportFixtures.Rules(set), ExportFixtures.Options());

        /// <summary>The Bicep export of <paramref name="rules"/>, after the Bicep CLI has built it like the ARM export of the same rules.</summary>
        private static string Checked(IReadOnlyList<AksEgressRule> rules, ExportOptions options)
        {
            var bicep = Export(rules, ExportFormat.Bicep, options);
            BicepCli.AssertCompilesLikeArm(bicep, Export(rules, ExportFormat.AzureFirewallArm, options));
            return bicep;
        }

        private static string Export(IReadOnlyList<AksEgressRule> rules, ExportFormat format, ExportOptions options) =>
            RuleExporter.Export(rules, format, options).Text;

        private static ExportOptions FqdnTagOptions()
        {
            var options = ExportFixtures.Options();
            options.UseFqdnTag = true;
            return options;
        }

        private static ExportOptions DnsProxyOptions()
        {
            var options = ExportFixtures.Options();
            options.DnsProxyEnabled = true;
            return options;
        }

        private static ExportOptions IpGroupOptions() => new() { SourceIpGroups = new List<string> { IpGroup } };

        /// <summary>A collection group name the linter would report.</summary>
        private static ExportOptions HostNamedGroupOptions()
        {
            var options = ExportFixtures.Options();
            options.CollectionGroupName = "vault.azure.net";
            return options;
        }

        /// <summary>Text that JSON, ARM and Bicep each escape their own way: control characters, other scripts, a character outside the BMP, an expression look-alike.</summary>
        private static IReadOnlyList<AksEgressRule> UnusualTextRules() => new[]
        {
            ArmTemplateWriterTests.Rule(RuleKind.Application, "[concat('a','b')]", RuleProtocol.HTTPS, 443, cluster: "a\u0000b\u001bc\u007fd\u0085e\u2028f 클러스터 \U0001F600 <b>&+`"),
            ArmTemplateWriterTests.Rule(RuleKind.Network, "[z]", RuleProtocol.TCP, 9000, DestinationType.IpAddress, cluster: "[x]"),
        };

        /// <summary>The file as it would be without the linter suppressions the writer adds.</summary>
        private static string WithoutSuppressions(string bicep) =>
            string.Join("\n", bicep.Split('\n').Where(line => line.Trim() != BicepEnvironmentUrlRule.DisableNextLine));

        /// <summary>Every text the tests of this class give the Bicep CLI, compiled before the first test in one batch (two starts of bicep instead of two a text).</summary>
        public sealed class CompiledInOneBatch
        {
            public CompiledInOneBatch() => BicepCli.Compile(Texts());

            private static IEnumerable<string> Texts()
            {
                foreach (var set in ExportFixtures.SetNames)
                {
                    yield return Export(ExportFixtures.Rules(set), ExportFormat.Bicep, ExportFixtures.Options());
                }
                yield return Export(ExportFixtures.Rules(ExportFixtures.Public), ExportFormat.Bicep, FqdnTagOptions());
                yield return Export(ExportFixtures.Rules(ExportFixtures.UsGov), ExportFormat.Bicep, IpGroupOptions());
                yield return Export(ExportFixtures.Rules(ExportFixtures.ChinaPrivate), ExportFormat.Bicep, DnsProxyOptions());
                yield return Export(ExportFixtures.Rules(ExportFixtures.UsGov), ExportFormat.Bicep, HostNamedGroupOptions());
                yield return Export(ExportFixtures.HostileRules(), ExportFormat.Bicep, ExportFixtures.Options());
                yield return Export(UnusualTextRules(), ExportFormat.Bicep, ExportFixtures.Options());
                yield return Export(ExportFixtures.CollidingPlaceholderRules(), ExportFormat.Bicep, ExportFixtures.Options());
                yield return WithoutSuppressions(Export(ExportFixtures.Rules(ExportFixtures.Public), ExportFormat.Bicep, ExportFixtures.Options()));
                yield return HostProbe.Text;
                foreach (var file in GoldenBicepFiles) yield return File.ReadAllText(Path.Combine(Golden.Directory(), (string)file[0]));
            }
        }
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
                    // After a literal comes the end of the line, a ')' of a decorator, ' = ' / ' existing' of a declaration, or
                    // the rest of a one-line choice: ' : ' before the other value, ', ' or ']' in a one-line array.
                    var rest = line.Substring(i);
                    Assert.True(rest.Length == 0 || rest == ")" || rest.StartsWith(" = ", StringComparison.Ordinal) || rest.StartsWith(" existing = ", StringComparison.Ordinal)
                        || rest.StartsWith(" : ", StringComparison.Ordinal) || rest.StartsWith(", ", StringComparison.Ordinal) || rest.StartsWith("]", StringComparison.Ordinal),
                        $"line {number}: text after a literal: {line}");
                    literals.Add(value.ToString());
                }
            }
            return literals;
        }
    }

    /// <summary>
    /// A Bicep file of string literals, one a line, that name hosts in every way that matters to the linter rule
    /// no-hardcoded-env-urls: each listed host, other clouds' hosts, hosts that older Bicep versions listed, and
    /// hosts run into letters, digits and punctuation. The literals are Bicep source, escapes included.
    /// </summary>
    internal static class HostProbe
    {
        private static readonly string[] Literals = BicepEnvironmentUrlRule.DisallowedHosts.Concat(BicepEnvironmentUrlRule.ExcludedHosts).Concat(new[]
        {
            "https://Login.MicrosoftOnline.com/tenant",
            "*.core.windows.net",
            "core.windows.net.",
            "core.windows.net:443",
            "_core.windows.net",
            "-core.windows.net",
            "xcore.windows.net",
            "core.windows.netx",
            "1core.windows.net",
            "core.windows.net9",
            @"\u{E9}core.windows.net",
            "écore.windows.net",
            @"a\ncore.windows.net",
            @"a\\core.windows.net",
            "schema.management.azure.com/schemas",
            "schema.management.azure.com.management.azure.com",
            "api.loganalytics.io",
            "trafficmanager.net",
            "asazure.windows.net",
            "westus.asazure.windows.net",
            "login.microsoftonline.us",
            "management.usgovcloudapi.net",
            "core.chinacloudapi.cn",
            "mcr.microsoft.com",
        }).ToArray();

        public static readonly string Text =
            "output probes array = [\n" + string.Concat(Literals.Select(literal => "  '" + literal + "'\n")) + "]\n";

        /// <summary>The 1-based line of the literal that is exactly <paramref name="host"/>.</summary>
        public static int LineOf(string host) => Array.IndexOf(Literals, host) + 2;

        /// <summary>The lines <see cref="BicepEnvironmentUrlRule.Reports"/> says the linter reports.</summary>
        public static IEnumerable<int> ReportedLines() =>
            Literals.Select((literal, i) => (literal, line: i + 2)).Where(l => BicepEnvironmentUrlRule.Reports("  '" + l.literal + "'")).Select(l => l.line);
    }
}
