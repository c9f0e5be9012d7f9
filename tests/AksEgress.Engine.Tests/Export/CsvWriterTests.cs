using System.Text;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>An RFC 4180 reader for the tests: quoted fields, doubled quotes, line breaks inside quotes.</summary>
    internal static class Rfc4180
    {
        public sealed record Field(string Value, bool Quoted);

        public static List<List<Field>> Parse(string text)
        {
            var rows = new List<List<Field>>();
            var row = new List<Field>();
            var value = new StringBuilder();
            var quoted = false;
            var i = 0;
            var atFieldStart = true;
            while (i < text.Length)
            {
                var c = text[i];
                if (atFieldStart && c == '"')
                {
                    quoted = true;
                    atFieldStart = false;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) throw new FormatException("A quoted field is not closed.");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { value.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }
                        value.Append(text[i++]);
                    }
                    if (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r') throw new FormatException($"Text after a closing quote at {i}.");
                    continue;
                }
                atFieldStart = false;
                if (c == ',')
                {
                    row.Add(new Field(value.ToString(), quoted));
                    value.Clear(); quoted = false; atFieldStart = true; i++;
                }
                else if (c == '\n' || c == '\r')
                {
                    row.Add(new Field(value.ToString(), quoted));
                    rows.Add(row);
                    row = new List<Field>();
                    value.Clear(); quoted = false; atFieldStart = true;
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                }
                else
                {
                    if (c == '"') throw new FormatException($"A quote inside an unquoted field at {i}.");
                    value.Append(c); i++;
                }
            }
            if (!atFieldStart || row.Count > 0) { row.Add(new Field(value.ToString(), quoted)); rows.Add(row); }
            return rows;
        }

        /// <summary>Reads every data row back through RuleRecord, looking properties up by header name, as Import-Csv does.</summary>
        public static List<AksEgressRule> ReadRules(string csv)
        {
            var rows = Parse(csv);
            var header = rows[0].Select(f => f.Value).ToList();
            return rows.Skip(1).Select(row =>
            {
                Assert.Equal(header.Count, row.Count);
                return RuleRecord.FromProperties(name =>
                {
                    var at = header.IndexOf(name);
                    return at < 0 ? null : row[at].Value;
                });
            }).ToList();
        }
    }

    public class CsvWriterTests
    {
        private static string Csv(IEnumerable<AksEgressRule> rules) => RuleExporter.Export(rules, ExportFormat.Csv, ExportFixtures.Options()).Text;

        [Theory]
        [MemberData(nameof(RuleListKit.SetNames), MemberType = typeof(RuleListKit))]
        public void MatchesGoldenFile(string set) =>
            Golden.AssertMatches($"{set}.csv", ExportFixtures.Export(set, ExportFormat.Csv).Text);

        [Fact]
        public void HeaderIsEveryRulePropertyInDeclarationOrderThenExportNote()
        {
            var header = Rfc4180.Parse(Csv(ExportFixtures.Rules(ExportFixtures.UsGov)))[0];
            Assert.Equal(RuleListKit.Properties.Select(p => p.Name).Append("ExportNote"), header.Select(f => f.Value));
            Assert.All(header, f => Assert.True(f.Quoted));
        }

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void ImportGivesBackTheSameRules(string set)
        {
            var rules = RuleListKit.Set(set);
            var csv = Csv(rules);
            AssertAllQuoted(csv);
            RuleListKit.AssertSame(RuleListKit.Planned(rules), Rfc4180.ReadRules(csv));
        }

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void OneRowPerRuleWithEnumsByNameAndPortAsDigits(string set)
        {
            var rules = RuleListKit.Planned(RuleListKit.Set(set));
            var rows = Rfc4180.Parse(Csv(RuleListKit.Set(set)));
            var header = rows[0].Select(f => f.Value).ToList();
            Assert.Equal(rules.Count + 1, rows.Count);
            for (var i = 0; i < rules.Count; i++)
            {
                var row = rows[i + 1];
                Assert.Equal(rules[i].Port.ToString(System.Globalization.CultureInfo.InvariantCulture), row[header.IndexOf("Port")].Value);
                Assert.Equal(rules[i].Kind.ToString(), row[header.IndexOf("Kind")].Value);
                Assert.Equal(rules[i].Cloud.ToString(), row[header.IndexOf("Cloud")].Value);
                Assert.Equal(rules[i].ClusterName ?? "", row[header.IndexOf("ClusterName")].Value);
            }
        }

        [Theory]
        [InlineData("=cmd|' /C calc'!A0")]
        [InlineData("-2+3")]
        [InlineData("+1")]
        [InlineData("@SUM(A1:A2)")]
        [InlineData("\t=1")]
        [InlineData("\r=1")]
        public void AFormulaCellStartsWithAnApostropheAndIsReadBackAsItWas(string name)
        {
            var rule = RuleListKit.Sample(r => r.ClusterName = name);
            var csv = Csv(new[] { rule });
            var rows = Rfc4180.Parse(csv);
            var cell = rows[1][rows[0].FindIndex(f => f.Value == "ClusterName")].Value;
            Assert.Equal("'" + name, cell);
            RuleListKit.AssertSame(rule, Assert.Single(Rfc4180.ReadRules(csv)));
        }

        [Fact]
        public void NoCellOfAHostileExportStartsLikeAFormula()
        {
            var rules = ExportFixtures.HostileRules().Concat(new[]
            {
                RuleListKit.Sample(r => { r.ClusterName = "=cmd|' /C calc'!A0"; r.Purpose = "-2+3"; r.Condition = "@x"; r.Alternatives = "+y"; }),
            });
            foreach (var row in Rfc4180.Parse(Csv(rules)))
            {
                Assert.All(row, f => Assert.False(f.Value.Length > 0 && "=+-@\t\r".IndexOf(f.Value[0]) >= 0, $"Cell '{f.Value}' starts like a formula."));
            }
        }

        [Theory]
        [InlineData("'hello")]
        [InlineData("'=already guarded")]
        [InlineData("''-two")]
        [InlineData("it's")]
        public void TextThatReallyStartsWithAnApostropheSurvives(string purpose)
        {
            var rule = RuleListKit.Sample(r => r.Purpose = purpose);
            var csv = Csv(new[] { rule });
            if (purpose == "'hello") Assert.Contains("\"'hello\"", csv);
            RuleListKit.AssertSame(rule, Assert.Single(Rfc4180.ReadRules(csv)));
        }

        [Fact]
        public void QuotesAndLineBreaksStayInsideOneField()
        {
            var rule = RuleListKit.Sample(r => { r.Purpose = "say \"hi\",\nthen\r\nleave"; r.Condition = "a,b"; });
            var csv = Csv(new[] { rule });
            Assert.Contains("\"say \"\"hi\"\",\nthen\r\nleave\"", csv);
            RuleListKit.AssertSame(rule, Assert.Single(Rfc4180.ReadRules(csv)));
        }

        [Fact]
        public void KoreanPurposesSurviveAsUtf8WithoutBom()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var korean = rules.First(r => r.PurposeKo.Any(c => c >= '\uAC00' && c <= '\uD7A3')).PurposeKo;
            var csv = Csv(rules);
            Assert.Contains(korean, csv);
            Assert.NotEqual('\uFEFF', csv[0]);
            var bytes = new UTF8Encoding(false).GetBytes(csv);
            Assert.Equal(csv, new UTF8Encoding(false, true).GetString(bytes));
        }

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void ExportNoteSaysDnsProxyForFqdnNetworkRulesOnly(string set)
        {
            var rules = RuleListKit.Planned(RuleListKit.Set(set));
            var rows = Rfc4180.Parse(Csv(RuleListKit.Set(set)));
            var note = rows[0].FindIndex(f => f.Value == "ExportNote");
            for (var i = 0; i < rules.Count; i++)
            {
                var fqdnNetwork = rules[i].Kind == RuleKind.Network && (rules[i].DestinationType == DestinationType.Fqdn || rules[i].DestinationType == DestinationType.WildcardFqdn);
                Assert.Equal(fqdnNetwork ? ExportPlan.DnsProxyNote : "", rows[i + 1][note].Value);
            }
            if (set == ExportFixtures.Public) Assert.Contains(rows.Skip(1), r => r[note].Value == ExportPlan.DnsProxyNote);
        }

        [Fact]
        public void SamePlanSameBytesWithUnixLineEndsAndAFinalNewline()
        {
            var first = ExportFixtures.Export(ExportFixtures.ChinaPrivate, ExportFormat.Csv).Text;
            Assert.Equal(first, ExportFixtures.Export(ExportFixtures.ChinaPrivate, ExportFormat.Csv).Text);
            Assert.EndsWith("\n", first);
            Assert.DoesNotContain("\r", first);
        }

        [Fact]
        public void DuplicatesAreWrittenOnce()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.UsGov);
            var twice = rules.Concat(rules).ToList();
            Assert.Equal(Csv(rules), Csv(twice));
        }

        /// <summary>The public set with two rules the service confirmed and the sample page's service-only rules appended.</summary>
        internal static IReadOnlyList<AksEgressRule> WithServiceReported()
        {
            var derived = ExportFixtures.Rules(ExportFixtures.Public);
            var page = AksEgress.Engine.Tests.Clusters.ServiceReportedPages.Read(AksEgress.Engine.Tests.Clusters.ServiceReportedPages.Sample);
            var extra = new[]
            {
                new AksEgress.Clusters.ServiceEndpoint { Category = "dns", Port = 53, Protocol = "UDP", IpAddress = "168.63.129.16" },
                new AksEgress.Clusters.ServiceEndpoint { Category = "misc", DomainName = "=cmd.example.com", Port = 8443, Protocol = "Grpc", Description = "-odd" },
            };
            var merged = AksEgress.Clusters.ServiceReportedMerge.Merge(derived, page.Concat(extra).ToList(),
                new AksEgress.Clusters.ServiceMergeContext { Location = "koreacentral", ClusterName = "aks1", ClusterId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1" });
            Assert.Contains(merged, r => r.Origin == RuleOrigin.Catalog);
            Assert.Contains(merged, r => r.Origin == RuleOrigin.CatalogAndService);
            Assert.Contains(merged, r => r.Origin == RuleOrigin.Service);
            return merged;
        }

        [Fact]
        public void OriginIsAColumnAndServiceAndCatalogAndServiceRulesComeBack()
        {
            var rules = WithServiceReported();
            var csv = Csv(rules);
            var rows = Rfc4180.Parse(csv);
            var origin = rows[0].FindIndex(f => f.Value == "Origin");
            Assert.Equal(rows[0].FindIndex(f => f.Value == "Source") + 1, origin);
            var planned = RuleListKit.Planned(rules);
            Assert.Equal(planned.Select(r => r.Origin.ToString()), rows.Skip(1).Select(r => r[origin].Value));
            AssertAllQuoted(csv);
            RuleListKit.AssertSame(planned, Rfc4180.ReadRules(csv));

            var hand = new[]
            {
                RuleListKit.Sample(r => r.Origin = RuleOrigin.Service),
                RuleListKit.Sample(r => { r.Origin = RuleOrigin.CatalogAndService; r.RuleId = "other"; }),
            };
            RuleListKit.AssertSame(hand, Rfc4180.ReadRules(Csv(hand)));
        }

        [Fact]
        public void AFileWithoutAnOriginColumnIsReadAsCatalog()
        {
            var rules = WithServiceReported();
            var rows = Rfc4180.Parse(Csv(rules));
            var header = rows[0].Select(f => f.Value).ToList();
            var origin = header.IndexOf("Origin");
            header.RemoveAt(origin);
            var read = rows.Skip(1).Select(row =>
            {
                var cells = row.Select(f => f.Value).ToList();
                cells.RemoveAt(origin);
                return RuleRecord.FromProperties(name => header.IndexOf(name) is var at && at >= 0 ? cells[at] : null);
            }).ToList();
            var planned = RuleListKit.Planned(rules);
            RuleListKit.AssertSame(planned.Select(r => RuleListKit.Copy(r, c => c.Origin = RuleOrigin.Catalog)).ToList(), read);
        }

        [Fact]
        public void AnEmptyRuleSetIsTheHeaderAlone()
        {
            var csv = Csv(Array.Empty<AksEgressRule>());
            Assert.Single(Rfc4180.Parse(csv));
            Assert.EndsWith("\"ExportNote\"\n", csv);
        }

        private static void AssertAllQuoted(string csv) =>
            Assert.All(Rfc4180.Parse(csv), row => Assert.All(row, f => Assert.True(f.Quoted, $"Field '{f.Value}' is not quoted.")));
    }
}
