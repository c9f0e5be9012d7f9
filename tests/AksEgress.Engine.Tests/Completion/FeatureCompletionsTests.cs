using AksEgress.Completion;
using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Completion
{
    public class FeatureCompletionsTests
    {
        private static string[] Names(string? word, params string?[] given) =>
            FeatureCompletions.For(word, given).Select(i => i.ListItemText).ToArray();

        [Fact]
        public void AnEmptyWordOffersEveryFeatureThePlannerAcceptsSortedByName()
        {
            var offered = Names("");
            Assert.Equal(Enum.GetNames<AksFeature>().OrderBy(n => n, StringComparer.OrdinalIgnoreCase), offered);
            Assert.Equal(Enum.GetValues<AksFeature>(), PlanText.ParseFeatures(offered).OrderBy(f => f));
            Assert.Equal(offered, FeatureCompletions.For(null, null).Select(i => i.ListItemText));
        }

        [Theory]
        [InlineData("mon", "Monitoring")]
        [InlineData("MON", "Monitoring")]
        [InlineData("'mon", "Monitoring")]
        [InlineData("w", "WindowsNodePool,WorkloadIdentity")]
        [InlineData("c", "ClusterExtensions,Core,CostAnalysis")]
        [InlineData("co", "Core,CostAnalysis")]
        [InlineData("Core", "Core")]
        public void OffersTheFeaturesThatBeginWithTheWord(string word, string expected) =>
            Assert.Equal(expected.Split(','), Names(word));

        [Theory]
        [InlineData("x")]
        [InlineData("Monitoringx")]
        [InlineData("'x")]
        public void AWordThatNamesNoFeatureGivesNothing(string word) => Assert.Empty(Names(word));

        [Fact]
        public void FeaturesAlreadyInTheListAreNotOfferedAgain()
        {
            Assert.Equal(new[] { "CostAnalysis" }, Names("co", "Core", "co"));
            Assert.Equal(new[] { "ClusterExtensions", "CostAnalysis" }, Names("c", "monitoring", "'CORE'", "c"));
            Assert.DoesNotContain("Monitoring", Names("", "Monitoring", null));
        }

        [Fact]
        public void TheWordBeingCompletedIsNotCountedAsAlreadyGiven()
        {
            // PowerShell binds the word under the cursor too: -Feature Monitoring<Tab> must still offer Monitoring.
            Assert.Equal(new[] { "Monitoring" }, Names("Monitoring", "Monitoring"));
            Assert.Equal(new[] { "Defender" }, Names("Def", "Monitoring", "Def"));
            Assert.Empty(Names("Monitoring", "Monitoring", "Monitoring"));
        }

        [Fact]
        public void AQuotedWordIsCompletedInsideTheSameQuote()
        {
            Assert.Equal("Defender", FeatureCompletions.For("def", null).Single().CompletionText);
            Assert.Equal("'Defender'", FeatureCompletions.For("'def", null).Single().CompletionText);
            // A lone opening quote is an empty word: every feature, each in that quote.
            Assert.All(FeatureCompletions.For("'", null), i => Assert.Equal("'" + i.ListItemText + "'", i.CompletionText));
            Assert.Equal(Enum.GetNames<AksFeature>().Length, FeatureCompletions.For("'", null).Count);
        }

        [Fact]
        public void EveryFeatureHasItsOwnOneLineToolTip()
        {
            var items = FeatureCompletions.For("", null);
            Assert.All(items, i =>
            {
                Assert.False(string.IsNullOrWhiteSpace(i.ToolTip), i.ListItemText);
                Assert.DoesNotContain('\n', i.ToolTip);
                Assert.NotEqual(i.ListItemText, i.ToolTip); // a feature without a line falls back to its bare name
                Assert.InRange(i.ToolTip.Length, 20, 100);
            });
            Assert.Equal(items.Count, items.Select(i => i.ToolTip).Distinct().Count());
        }

        [Fact]
        public void TheDevSpacesToolTipSaysItNeedsIncludeLegacy() =>
            Assert.Contains("-IncludeLegacy", FeatureCompletions.For("DevSpaces", null).Single().ToolTip);
    }
}
