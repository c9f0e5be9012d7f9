using AksEgress.Completion;
using AksEgress.Regions;

namespace AksEgress.Engine.Tests.Completion
{
    public class LocationCompletionsTests
    {
        private static string[] Names(string? word, string? cloud) =>
            LocationCompletions.For(word, cloud).Select(i => i.ListItemText).ToArray();

        [Theory]
        [InlineData("korea", "AzureCloud", "koreacentral,koreasouth")]
        [InlineData("china", "AzureChinaCloud", "chinaeast,chinaeast2,chinaeast3,chinanorth,chinanorth2,chinanorth3")]
        [InlineData("chinanorth", "AzureChinaCloud", "chinanorth,chinanorth2,chinanorth3")]
        [InlineData("usgov", "AzureUSGovernment", "usgovarizona,usgoviowa,usgovtexas,usgovvirginia")]
        [InlineData("usdod", "AzureUSGovernment", "usdodcentral,usdodeast")]
        [InlineData("west us", "AzureCloud", "westus,westus2,westus3")]
        [InlineData("East US 2", "AzureCloud", "eastus2,eastus2euap")]
        [InlineData("uae", "AzureCloud", "uaecentral,uaenorth")]
        public void OffersTheRegionsOfTheBoundCloudThatBeginWithTheWord(string word, string cloud, string expected) =>
            Assert.Equal(expected.Split(','), Names(word, cloud));

        [Theory]
        [InlineData("china", "AzureCloud")]
        [InlineData("usgov", "AzureCloud")]
        [InlineData("korea", "AzureChinaCloud")]
        [InlineData("east", "AzureUSGovernment")]
        public void NeverOffersARegionOfAnotherCloud(string word, string cloud) => Assert.Empty(Names(word, cloud));

        [Fact]
        public void AnEmptyWordOffersEveryRegionOfTheCloudSortedByName()
        {
            foreach (var cloud in Enum.GetValues<AzureCloudName>())
            {
                var expected = RegionDirectory.Default.RegionsOf(cloud).OrderBy(r => r, StringComparer.Ordinal);
                Assert.Equal(expected, Names("", cloud.ToString()));
                Assert.Equal(expected, Names(null, cloud.ToString()));
            }
        }

        [Fact]
        public void TheUsGovernmentCloudOffersOnlyItsOwnRegions()
        {
            var all = Names("", "AzureUSGovernment");
            Assert.Equal(RegionDirectory.Default.RegionsOf(AzureCloudName.AzureUSGovernment).Count, all.Length);
            Assert.All(all, r => Assert.True(r.StartsWith("usgov", StringComparison.Ordinal) || r.StartsWith("usdod", StringComparison.Ordinal), r));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("Mars")]
        [InlineData("AzureChina")]
        [InlineData("7")]
        public void AMissingOrUnknownCloudMeansAzureCloud(string? cloud) =>
            Assert.Equal(Names("korea", "AzureCloud"), Names("korea", cloud));

        [Theory]
        [InlineData("azurechinacloud")]
        [InlineData("AZUREchinaCLOUD")]
        public void TheCloudIsReadWhateverItsCase(string cloud) =>
            Assert.Equal(Names("", "AzureChinaCloud"), Names("", cloud));

        [Theory]
        [InlineData("KOREA")]
        [InlineData("Korea")]
        [InlineData("'korea")]
        [InlineData("\"korea")]
        [InlineData("'korea'")]
        public void TheWordMatchesWhateverItsCaseAndQuotes(string word) =>
            Assert.Equal(new[] { "koreacentral", "koreasouth" }, Names(word, "AzureCloud"));

        [Theory]
        [InlineData("'Korea Cen", "koreacentral")]
        [InlineData("'Korea Central'", "koreacentral")]
        [InlineData("KoreaCen", "koreacentral")]
        [InlineData("south", "southafricanorth,southafricawest,southcentralus,southeastasia,southindia")]
        public void TheDisplayNameAndTheArmNameBothMatch(string word, string expected) =>
            Assert.Equal(expected.Split(','), Names(word, "AzureCloud"));

        [Fact]
        public void AQuotedWordIsCompletedInsideTheSameQuote()
        {
            Assert.Equal("koreacentral", LocationCompletions.For("koreac", null).Single().CompletionText);
            Assert.Equal("'koreacentral'", LocationCompletions.For("'koreac", null).Single().CompletionText);
            Assert.Equal("\"koreacentral\"", LocationCompletions.For("\"koreac", null).Single().CompletionText);
        }

        [Fact]
        public void TheToolTipGivesTheDisplayNameAndTheCloud()
        {
            Assert.Equal("Korea Central (AzureCloud)", LocationCompletions.For("koreacentral", null).Single().ToolTip);
            Assert.Equal("USGov Virginia (AzureUSGovernment)", LocationCompletions.For("usgovv", "AzureUSGovernment").Single().ToolTip);
            Assert.Equal("China East 2 (AzureChinaCloud)", LocationCompletions.For("chinaeast2", "AzureChinaCloud").Single().ToolTip);
        }

        [Fact]
        public void AWordThatMatchesNoRegionGivesNothing()
        {
            foreach (var word in new[] { "'", "\"", "''", " ", "$x", "-", "zz", "korea central 2" })
                Assert.Empty(LocationCompletions.For(word + "zz", "AzureCloud"));
        }
    }
}
