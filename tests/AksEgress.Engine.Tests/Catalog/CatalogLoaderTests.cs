using System.Text;
using AksEgress.Catalog;

namespace AksEgress.Engine.Tests.Catalog
{
    /// <summary>The one-pass loader on small catalogs written here, including the paths the shipped file never takes.</summary>
    public class CatalogLoaderTests
    {
        private const string Tables = "\"tables\": { \"t/1\": { \"document\": \"doc.txt\", \"section\": \"Heading\" } }";
        private const string Purposes = "\"purposes\": { \"p\": { \"en\": \"Why\", \"ko\": \"이유\" } }";

        /// <summary>A valid row as JSON; <paramref name="fields"/> ("name: raw JSON value") replace or add fields.</summary>
        private static string Rule(string id = "r1", string destination = "example.com", params string[] fields)
        {
            var row = new Dictionary<string, string>
            {
                ["id"] = $"\"{id}\"", ["clouds"] = "[\"AzureCloud\"]", ["feature"] = "\"Core\"", ["kind"] = "\"Application\"",
                ["destination"] = $"\"{destination}\"", ["protocol"] = "\"HTTPS\"", ["port"] = "443", ["purpose"] = "\"p\"", ["sources"] = "[\"t/1\"]",
            };
            foreach (var field in fields)
            {
                var colon = field.IndexOf(':');
                row[field.Substring(0, colon).Trim()] = field.Substring(colon + 1).Trim();
            }
            return "{ " + string.Join(", ", row.Select(p => $"\"{p.Key}\": {p.Value}")) + " }";
        }

        private static RuleCatalog Load(params string[] rules) =>
            RuleCatalog.Load(Encoding.UTF8.GetBytes($"{{ {Tables}, {Purposes}, \"rules\": [ {string.Join(", ", rules)} ] }}"));

        [Fact]
        public void ReadsEveryFieldOfARow()
        {
            var entry = Assert.Single(Load(Rule("r1", "example.com", "alternatives: \"alt\"", "note: \"n\"", "requirement: \"Optional\"", "conditions: [\"NotPrivateCluster\", \"CustomDnsOnly\"]", "apiServerHost: true")).Entries);

            Assert.Equal("r1", entry.Id);
            Assert.Equal("example.com", entry.DestinationTemplate);
            Assert.Equal(DestinationType.Fqdn, entry.DestinationType);
            Assert.Equal(RuleRequirement.Optional, entry.Requirement);
            Assert.Equal(new[] { RuleCondition.NotPrivateCluster, RuleCondition.CustomDnsOnly }, entry.Conditions);
            Assert.True(entry.IsApiServerHost);
            Assert.Equal(("alt", "n", "Why", "이유"), (entry.Alternatives, entry.Note, entry.PurposeEn, entry.PurposeKo));
            Assert.Equal(new[] { "t/1" }, entry.SourceTables);
            Assert.Equal("doc.txt > Heading", entry.SourceText);
        }

        [Fact]
        public void EscapedStringsAreUnescaped()
        {
            var entry = Assert.Single(Load(Rule(destination: "\\u002A.example.com")).Entries);
            Assert.Equal("*.example.com", entry.DestinationTemplate);
            Assert.Equal(DestinationType.WildcardFqdn, entry.DestinationType);
        }

        [Theory]
        [InlineData("sources: [\"t/9\"]", "unknown source table 't/9'")]
        [InlineData("purpose: \"q\"", "'q' has none")]
        [InlineData("port: 70000", "port 70000")]
        [InlineData("protocol: \"UDP\"", "Application rule with protocol UDP")]
        [InlineData("clouds: []", "names no cloud")]
        [InlineData("clouds: [\"AzureGermany\"]", "clouds 'AzureGermany'")]
        [InlineData("destination: \"10.0.0.4\"", "IpAddress")]
        [InlineData("colour: \"red\"", "unknown field 'colour'")]
        public void ABadRowIsRejectedWithWhatIsWrong(string field, string expected)
        {
            var ex = Assert.Throws<CatalogFormatException>(() => Load(Rule("r1", "example.com", field)));
            Assert.Contains(expected, ex.Message);
        }

        [Fact]
        public void DuplicateIdsAreRejected()
        {
            var ex = Assert.Throws<CatalogFormatException>(() => Load(Rule("same"), Rule("same", "other.example.com")));
            Assert.Contains("'same' appears twice", ex.Message);
        }

        [Fact]
        public void RulesBeforeTablesAreRejectedWithTheReason()
        {
            var json = $"{{ \"rules\": [ {Rule()} ], {Tables}, {Purposes} }}";
            var ex = Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(Encoding.UTF8.GetBytes(json)));
            Assert.Contains("must come before 'rules'", ex.Message);
        }

        [Fact]
        public void ABlankPurposeIsRejected()
        {
            var json = $"{{ {Tables}, \"purposes\": {{ \"p\": {{ \"en\": \"Why\", \"ko\": \" \" }} }}, \"rules\": [ {Rule()} ] }}";
            var ex = Assert.Throws<CatalogFormatException>(() => RuleCatalog.Load(Encoding.UTF8.GetBytes(json)));
            Assert.Contains("Purpose 'p'", ex.Message);
        }
    }
}
