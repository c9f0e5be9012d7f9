using System.Text.Json;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm
{
    /// <summary>Piped documents cannot show cluster extensions: the command says so once, not per cluster, and not when asked for.</summary>
    public sealed class ExtensionsNoteTests
    {
        private static IReadOnlyDictionary<string, object?> Tree(string json) =>
            (IReadOnlyDictionary<string, object?>)JsonPropertyTree.Convert(JsonDocument.Parse(json).RootElement)!;

        [Fact]
        public async Task ThreePipedDocumentsGiveOneNoteThatCountsThem()
        {
            var live = new LiveClusterRules(new RuleRequest());
            for (var i = 0; i < 3; i++)
            {
                var outcome = await live.ForPipedAsync(Tree(FakeClusters.Document("00000000-0000-0000-0000-000000000001", "rg", "aks" + i)), CancellationToken.None);
                Assert.Null(outcome.Error);
                Assert.DoesNotContain(outcome.Rules, r => r.Feature == AksFeature.ClusterExtensions);
                Assert.DoesNotContain(outcome.Warnings, w => w.Contains("extension", StringComparison.OrdinalIgnoreCase));
            }

            var note = live.ExtensionsNote();
            Assert.NotNull(note);
            Assert.StartsWith("3 piped cluster document(s)", note);
            Assert.Contains("-Feature ClusterExtensions", note);
        }

        [Fact]
        public async Task NoNoteWhenExtensionsAreAskedForOrKnown()
        {
            var asked = new LiveClusterRules(new RuleRequest { ExtraFeatures = new List<AksFeature> { AksFeature.ClusterExtensions } });
            var outcome = await asked.ForPipedAsync(Tree(FakeClusters.Document("00000000-0000-0000-0000-000000000001", "rg", "aks")), CancellationToken.None);
            Assert.Contains(outcome.Rules, r => r.Feature == AksFeature.ClusterExtensions);
            Assert.Null(asked.ExtensionsNote());

            // A row of our own Resource Graph query carries extensionTypes: the extensions are known.
            var known = new LiveClusterRules(new RuleRequest());
            var row = Tree(FakeClusters.Document("00000000-0000-0000-0000-000000000001", "rg", "aks"));
            ((Dictionary<string, object?>)row)["extensionTypes"] = new List<object?> { "microsoft.flux" };
            var fromRow = await known.ForPipedAsync(row, CancellationToken.None);
            Assert.Contains(fromRow.Rules, r => r.Feature == AksFeature.ClusterExtensions);
            Assert.Null(known.ExtensionsNote());
        }
    }
}
