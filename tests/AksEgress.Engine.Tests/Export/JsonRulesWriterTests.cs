using System.Text.Json;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class JsonRulesWriterTests
    {
        private static string Json(IEnumerable<AksEgressRule> rules) => RuleExporter.Export(rules, ExportFormat.Json, ExportFixtures.Options()).Text;

        /// <summary>Reads every object back through RuleRecord, the values as ConvertFrom-Json gives them (strings, numbers, null).</summary>
        private static List<AksEgressRule> ReadRules(string json)
        {
            using var document = JsonDocument.Parse(json);
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            return document.RootElement.EnumerateArray().Select(element => RuleRecord.FromProperties(name =>
            {
                if (!element.TryGetProperty(name, out var value)) return null;
                switch (value.ValueKind)
                {
                    case JsonValueKind.String: return value.GetString();
                    case JsonValueKind.Number: return value.GetInt64();
                    case JsonValueKind.Null: return null;
                    default: throw new InvalidOperationException($"{name} is a JSON {value.ValueKind}.");
                }
            })).ToList();
        }

        [Theory]
        [MemberData(nameof(RuleListKit.SetNames), MemberType = typeof(RuleListKit))]
        public void MatchesGoldenFile(string set) =>
            Golden.AssertMatches($"{set}.json", ExportFixtures.Export(set, ExportFormat.Json).Text);

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void ParsingGivesBackTheSameRules(string set)
        {
            var rules = RuleListKit.Set(set);
            RuleListKit.AssertSame(RuleListKit.Planned(rules), ReadRules(Json(rules)));
        }

        [Theory]
        [InlineData("=cmd|' /C calc'!A0")]
        [InlineData("-2+3")]
        [InlineData("'hello")]
        [InlineData("say \"hi\"\\\n\t</script>")]
        [InlineData("클러스터")]
        public void AwkwardTextIsReadBackAsItWas(string name)
        {
            var rule = RuleListKit.Sample(r => { r.ClusterName = name; r.Purpose = name; });
            RuleListKit.AssertSame(rule, Assert.Single(ReadRules(Json(new[] { rule }))));
        }

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void PropertiesFollowTheCsvColumnsWithTypedValues(string set)
        {
            var rules = RuleListKit.Planned(RuleListKit.Set(set));
            using var document = JsonDocument.Parse(Json(RuleListKit.Set(set)));
            var objects = document.RootElement.EnumerateArray().ToList();
            Assert.Equal(rules.Count, objects.Count);
            var columns = RuleListKit.Properties.Select(p => p.Name).Append("ExportNote").ToList();
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                var element = objects[i];
                var fqdnNetwork = rule.Kind == RuleKind.Network && (rule.DestinationType == DestinationType.Fqdn || rule.DestinationType == DestinationType.WildcardFqdn);
                var expectedNames = fqdnNetwork ? columns : columns.Take(columns.Count - 1).ToList();
                Assert.Equal(expectedNames, element.EnumerateObject().Select(p => p.Name));

                Assert.Equal(JsonValueKind.Number, element.GetProperty("Port").ValueKind);
                Assert.Equal(rule.Port, element.GetProperty("Port").GetInt32());
                Assert.Equal(rule.Kind.ToString(), element.GetProperty("Kind").GetString());
                Assert.Equal(rule.Edition.ToString(), element.GetProperty("Edition").GetString());
                Assert.Equal(rule.ClusterName == null ? JsonValueKind.Null : JsonValueKind.String, element.GetProperty("ClusterName").ValueKind);
                Assert.Equal(rule.ClusterId == null ? JsonValueKind.Null : JsonValueKind.String, element.GetProperty("ClusterId").ValueKind);
                if (fqdnNetwork) Assert.Equal(ExportPlan.DnsProxyNote, element.GetProperty("ExportNote").GetString());
            }
        }

        [Fact]
        public void PlanningSetHasNullClusterAndKoreanStaysReadable()
        {
            var rules = ExportFixtures.Rules(ExportFixtures.Public);
            var json = Json(rules);
            Assert.Contains("\"ClusterName\": null,", json);
            var korean = rules.First(r => r.PurposeKo.Any(c => c >= '\uAC00' && c <= '\uD7A3')).PurposeKo;
            Assert.Contains(JsonSerializer.Serialize(korean, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), json);
            Assert.Contains(korean.Substring(0, 2), json);
        }

        [Fact]
        public void IndentedByTwoSpacesWithUnixLineEndsAndAFinalNewline()
        {
            var json = ExportFixtures.Export(ExportFixtures.UsGov, ExportFormat.Json).Text;
            Assert.StartsWith("[\n  {\n    \"RuleId\": ", json);
            Assert.EndsWith("\n  }\n]\n", json);
            Assert.DoesNotContain("\r", json);
            Assert.Equal(json, ExportFixtures.Export(ExportFixtures.UsGov, ExportFormat.Json).Text);
        }

        [Fact]
        public void OriginIsAPropertyAndServiceAndCatalogAndServiceRulesComeBack()
        {
            var rules = CsvWriterTests.WithServiceReported();
            var json = Json(rules);
            var planned = RuleListKit.Planned(rules);
            using (var document = JsonDocument.Parse(json))
            {
                var objects = document.RootElement.EnumerateArray().ToList();
                Assert.Equal(planned.Select(r => r.Origin.ToString()), objects.Select(o => o.GetProperty("Origin").GetString()));
                Assert.All(objects, o =>
                {
                    var names = o.EnumerateObject().Select(p => p.Name).ToList();
                    Assert.Equal(names.IndexOf("Source") + 1, names.IndexOf("Origin"));
                });
            }
            RuleListKit.AssertSame(planned, ReadRules(json));

            var hand = new[]
            {
                RuleListKit.Sample(r => r.Origin = RuleOrigin.Service),
                RuleListKit.Sample(r => { r.Origin = RuleOrigin.CatalogAndService; r.RuleId = "other"; }),
            };
            RuleListKit.AssertSame(hand, ReadRules(Json(hand)));
        }

        [Fact]
        public void AnObjectWithoutOriginIsReadAsCatalog()
        {
            var rules = CsvWriterTests.WithServiceReported();
            var withoutOrigin = System.Text.Json.Nodes.JsonNode.Parse(Json(rules))!.AsArray();
            foreach (var node in withoutOrigin) Assert.True(node!.AsObject().Remove("Origin"));
            var read = ReadRules(withoutOrigin.ToJsonString());
            RuleListKit.AssertSame(RuleListKit.Planned(rules).Select(r => RuleListKit.Copy(r, c => c.Origin = RuleOrigin.Catalog)).ToList(), read);
        }

        [Fact]
        public void AnEmptyRuleSetIsAnEmptyArray() =>
            Assert.Equal("[]\n", Json(Array.Empty<AksEgressRule>()));
    }
}
