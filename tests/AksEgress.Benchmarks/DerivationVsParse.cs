using System.Diagnostics;
using System.Text.Json;
using AksEgress.Clusters;
using AksEgress.Planning;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// Derivation against parsing, for a fleet of 'az aks show' documents (see ClusterDocuments).
    /// Parse = the document's UTF-8 bytes to the property tree the engine reads: JsonDocument.Parse +
    /// JsonPropertyTree.Convert, the document then disposed; exactly what ClusterProfileReader.Read(JsonElement) and
    /// ResourceGraphClusters (per row of a page) do before reading.
    /// Derivation = that tree to the cluster's rule list: ClusterProfileReader.Read(tree) + ClusterRules.Derive(profile,
    /// new RuleRequest(), null), which calls RuleDeriver.Default.Derive; the request is shared, as in one command.
    /// </summary>
    internal sealed class DerivationVsParse
    {
        /// <summary>Documents per call in <see cref="DeriveChunk"/> / <see cref="ParseChunk"/>.</summary>
        public const int Chunk = 100;

        private readonly byte[][] _documents;
        private readonly RuleRequest _request = new();
        private IReadOnlyDictionary<string, object?>[]? _trees;
        private int _deriveAt;
        private int _parseAt;

        public DerivationVsParse(int count)
        {
            if (count % Chunk != 0) throw new ArgumentOutOfRangeException(nameof(count), $"A multiple of {Chunk}.");
            _documents = ClusterDocuments.Build(count);
        }

        public int Count => _documents.Length;
        public long Bytes => _documents.Sum(d => (long)d.Length);
        /// <summary>Keeps the results observable.</summary>
        public long Sink { get; private set; }

        public IReadOnlyDictionary<string, object?> Parse(int index) => Parse(_documents[index]);

        public void Derive(IReadOnlyDictionary<string, object?> tree)
        {
            var profile = ClusterProfileReader.Read(tree);
            Sink += ClusterRules.Derive(profile, _request, null).Rules.Count;
        }

        /// <summary>Builds every document's tree ahead, for <see cref="DeriveChunk"/>; <see cref="DropTrees"/> lets them go.</summary>
        public void BuildTrees() => _trees = Array.ConvertAll(_documents, Parse);

        public void DropTrees() => _trees = null;

        /// <summary>Read + derive the next <see cref="Chunk"/> trees built by <see cref="BuildTrees"/>.</summary>
        public void DeriveChunk()
        {
            var trees = _trees ?? throw new InvalidOperationException("BuildTrees first.");
            var start = _deriveAt;
            _deriveAt = (start + Chunk) % trees.Length;
            for (var i = start; i < start + Chunk; i++) Derive(trees[i]);
        }

        /// <summary>Parse the next <see cref="Chunk"/> documents into trees, in the same order as <see cref="DeriveChunk"/>.</summary>
        public void ParseChunk()
        {
            var start = _parseAt;
            _parseAt = (start + Chunk) % _documents.Length;
            long nodes = 0;
            for (var i = start; i < start + Chunk; i++) nodes += Parse(_documents[i]).Count;
            Sink += nodes;
        }

        private static IReadOnlyDictionary<string, object?> Parse(byte[] utf8)
        {
            using var document = JsonDocument.Parse(utf8);
            return (IReadOnlyDictionary<string, object?>)JsonPropertyTree.Convert(document.RootElement)!;
        }

        /// <summary>
        /// Every document through each stage in turn, one document at a time, timing each stage and counting the bytes
        /// it allocates: where the time of each side goes. Also counts the fleet's distinct plan shapes.
        /// </summary>
        public Breakdown Profile(int passes)
        {
            // Parse = stages 0 + 1, derivation = stages 2 + 3; 4 and 5 time again, separately, the two parts of stage 3.
            var stages = new Stage[]
            {
                new("JsonDocument.Parse"), new("JsonPropertyTree.Convert"), new("ClusterProfileReader.Read"), new("ClusterRules.Derive"),
                new("  of which ClusterProfile.ToPlan"), new("  of which RuleDeriver.Derive"),
            };
            var shapes = new HashSet<string>(StringComparer.Ordinal);
            var shapesWithFqdn = new HashSet<string>(StringComparer.Ordinal);
            long rules = 0, warnings = 0;
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var bytes in _documents)
                {
                    var document = Time(stages[0], () => JsonDocument.Parse(bytes));
                    var tree = Time(stages[1], () => (IReadOnlyDictionary<string, object?>)JsonPropertyTree.Convert(document.RootElement)!);
                    document.Dispose();
                    var profile = Time(stages[2], () => ClusterProfileReader.Read(tree));
                    var whole = Time(stages[3], () => ClusterRules.Derive(profile, _request, null));
                    var plan = Time(stages[4], () => profile.ToPlan(_request.Requirements, _request.IncludeLegacy));
                    Time(stages[5], () => RuleDeriver.Default.Derive(plan));
                    rules += whole.Rules.Count;
                    warnings += whole.Warnings.Count;
                    if (pass == 0)
                    {
                        var shape = $"{plan.Cloud}|{plan.Location}|{string.Join(",", plan.Features.OrderBy(f => f))}|{plan.OsSku}|{plan.PrivateCluster}";
                        shapes.Add(shape);
                        shapesWithFqdn.Add(shape + "|" + plan.ApiServerFqdn);
                    }
                }
            }
            var documents = (double)_documents.Length * passes;
            return new Breakdown(stages.Select(s => (s.Name, s.Micros / documents, s.Bytes / documents)).ToList(),
                rules / documents, warnings / documents, shapes.Count, shapesWithFqdn.Count);
        }

        private static T Time<T>(Stage stage, Func<T> work)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var result = work();
            stage.Micros += Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000.0;
            stage.Bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            return result;
        }

        private sealed class Stage(string name)
        {
            public string Name { get; } = name;
            public double Micros { get; set; }
            public double Bytes { get; set; }
        }

        internal sealed record Breakdown(IReadOnlyList<(string Stage, double Micros, double Bytes)> Stages, double RulesPerCluster,
            double WarningsPerCluster, int PlanShapes, int PlanShapesWithFqdn);
    }
}
