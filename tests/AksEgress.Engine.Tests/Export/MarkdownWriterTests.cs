using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class MarkdownWriterTests
    {
        private static string Markdown(IEnumerable<AksEgressRule> rules) => RuleExporter.Export(rules, ExportFormat.Markdown, ExportFixtures.Options()).Text;

        private const string Header = "| Kind | Destination | Protocol | Port | Requirement | Condition | Purpose | Clusters |";

        /// <summary>The '|' a GFM table reads as cell borders: a backslash escapes the character after it.</summary>
        private static int UnescapedPipes(string line)
        {
            var count = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '\\') { i++; continue; }
                if (line[i] == '|') count++;
            }
            return count;
        }

        private static List<string> TableLines(string markdown) => markdown.Split('\n').Where(l => l.StartsWith("|", StringComparison.Ordinal)).ToList();

        [Theory]
        [MemberData(nameof(RuleListKit.SetNames), MemberType = typeof(RuleListKit))]
        public void MatchesGoldenFile(string set) =>
            Golden.AssertMatches($"{set}.md", ExportFixtures.Export(set, ExportFormat.Markdown).Text);

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void EveryTableRowHasAsManyCellsAsTheHeader(string set)
        {
            var markdown = Markdown(RuleListKit.Set(set));
            var lines = TableLines(markdown);
            Assert.NotEmpty(lines);
            var expected = UnescapedPipes(Header);
            Assert.All(lines, line => Assert.True(UnescapedPipes(line) == expected, $"Row has {UnescapedPipes(line)} borders, the header {expected}: {line}"));
            Assert.All(lines, line => Assert.EndsWith(" |", line));
            // Each table line is whole: nothing after a table but a blank line or the end.
            var all = markdown.Split('\n');
            for (var i = 0; i < all.Length - 1; i++)
            {
                if (all[i].StartsWith("|", StringComparison.Ordinal)) Assert.True(all[i + 1].StartsWith("|", StringComparison.Ordinal) || all[i + 1].Length == 0);
            }
        }

        [Fact]
        public void TheHostileClusterNameDoesNotBreakTheTableAndAppearsEscaped()
        {
            var markdown = Markdown(ExportFixtures.HostileRules());
            var escaped = "a\"b\\${x}'; rm -rf / #\\`\\$(id)\\` %{y} \\\\ \\[z\\] &lt;b&gt;\\|c\\|";
            Assert.Equal(escaped, MarkdownText.Escape(ExportFixtures.HostileClusterName));
            Assert.DoesNotContain(ExportFixtures.HostileClusterName, markdown);
            Assert.DoesNotContain("<b>", markdown);

            var rows = TableLines(markdown).Where(l => l.Contains(escaped)).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row =>
            {
                Assert.Equal(UnescapedPipes(Header), UnescapedPipes(row));
                Assert.EndsWith(" | " + escaped + " |", row);
            });
            Assert.Contains("cluster " + escaped + ".", markdown);
        }

        [Fact]
        public void OneSectionPerFeatureInEnumOrder()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var markdown = Markdown(rules);
            var sections = markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l.Substring(3)).ToList();
            Assert.Equal(rules.Select(r => r.Feature).Distinct().OrderBy(f => f).Select(f => f.ToString()), sections);
            Assert.StartsWith("# AKS egress rules\n\n" + $"{RuleListKit.Planned(rules).Count} rules for cloud AzureCloud, location koreacentral, no named cluster", markdown);
        }

        [Fact]
        public void IdenticalRulesOfSeveralClustersAreOneRowNamingThem()
        {
            var a = ExportFixtures.Rules(ExportFixtures.ChinaPrivate).Select(r => RuleListKit.Copy(r, c => { c.ClusterName = "aks-b"; c.ClusterId = "/b"; }));
            var b = ExportFixtures.Rules(ExportFixtures.ChinaPrivate).Select(r => RuleListKit.Copy(r, c => { c.ClusterName = "aks-a"; c.ClusterId = "/a"; }));
            var merged = TableLines(Markdown(a.Concat(b)));
            var single = TableLines(Markdown(ExportFixtures.Rules(ExportFixtures.ChinaPrivate)));
            Assert.Equal(single.Count, merged.Count);
            Assert.All(merged.Where(l => l != Header && !l.StartsWith("| ---", StringComparison.Ordinal)), l => Assert.EndsWith(" | aks-a, aks-b |", l));
        }

        [Fact]
        public void DnsProxyNoteOnlyWhenANetworkRuleHasAnFqdn()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            Assert.Contains("\n> " + ExportPlan.DnsProxyNote + "\n", Markdown(rules));
            var applicationOnly = rules.Where(r => r.Kind == RuleKind.Application).ToList();
            Assert.DoesNotContain("DNS proxy", Markdown(applicationOnly));
        }

        [Fact]
        public void PlaceholderNoteSaysWhatToFill()
        {
            var markdown = Markdown(ExportFixtures.Rules(ExportFixtures.Public));
            Assert.Contains("> - `APIServerPublicIP`: pass -ApiServerAddress", markdown);
            Assert.Contains("> - `CustomDnsIP`: pass -CustomDnsServer", markdown);
            Assert.DoesNotContain("placeholder", Markdown(ExportFixtures.Rules(ExportFixtures.UsGov)));
        }

        [Theory]
        [InlineData("a|b", "a\\|b")]
        [InlineData("x*y_z", "x\\*y\\_z")]
        [InlineData("<script>&", "&lt;script&gt;&amp;")]
        [InlineData("one\ntwo\r\nthree\rfour", "one<br>two<br>three<br>four")]
        [InlineData("back\\slash `tick`", "back\\\\slash \\`tick\\`")]
        [InlineData("[link](http://x)", "\\[link\\](http://x)")]
        [InlineData("", "")]
        public void TextCellsAreEscaped(string text, string expected) => Assert.Equal(expected, MarkdownText.Escape(text));

        [Theory]
        [InlineData("mcr.microsoft.com", "`mcr.microsoft.com`")]
        [InlineData("*.hcp.eastus.azmk8s.io", "`*.hcp.eastus.azmk8s.io`")]
        [InlineData("a`b", "``a`b``")]
        [InlineData("`a``b", "``` `a``b ```")]
        [InlineData("a|b", "`a\\|b`")]
        [InlineData("a\\|b", "a\\\\\\|b")]
        [InlineData("a\nb", "a<br>b")]
        public void DestinationsAreCodeSpans(string destination, string expected) => Assert.Equal(expected, MarkdownText.Code(destination));

        [Fact]
        public void AnEmptyRuleSetSaysSo() =>
            Assert.Equal("# AKS egress rules\n\n0 rules.\n", Markdown(Array.Empty<AksEgressRule>()));

        [Fact]
        public void SamePlanSameBytes()
        {
            var text = ExportFixtures.Export(ExportFixtures.UsGov, ExportFormat.Markdown).Text;
            Assert.Equal(text, ExportFixtures.Export(ExportFixtures.UsGov, ExportFormat.Markdown).Text);
            Assert.EndsWith("|\n", text);
            Assert.DoesNotContain("\r", text);
        }
    }
}
