using System.Text.Json.Nodes;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// What the fake knows: clusters in insertion order (Resource Graph pages depend on a stable order), their
    /// extensions, outbound endpoint pages, denials and attempt counters. One lock guards all of it because every
    /// operation is short and tests add data while requests run.
    /// </summary>
    internal sealed class FakeArmState
    {
        private static readonly StringComparer Ci = StringComparer.OrdinalIgnoreCase;

        private readonly object _gate = new();
        private readonly List<StoredCluster> _clusters = [];
        private readonly Dictionary<string, int> _index = new(Ci);
        private readonly Dictionary<string, List<string>> _extensions = new(Ci);
        private readonly Dictionary<string, string[]> _outboundPages = new(Ci);
        private readonly HashSet<string> _denied = new(Ci);
        private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);

        /// <summary>Adds a cluster, or replaces the one with the same id in its original place.</summary>
        public void AddCluster(string armJson)
        {
            var cluster = StoredCluster.Parse(armJson);
            lock (_gate)
            {
                if (_index.TryGetValue(cluster.Path.ClusterId!, out var at))
                    _clusters[at] = cluster;
                else
                {
                    _index.Add(cluster.Path.ClusterId!, _clusters.Count);
                    _clusters.Add(cluster);
                }
            }
        }

        public void AddExtensions(string clusterId, string[] extensionTypes)
        {
            var key = Key(clusterId);
            lock (_gate)
            {
                if (!_extensions.TryGetValue(key, out var list))
                    _extensions.Add(key, list = []);
                list.AddRange(extensionTypes);
            }
        }

        public void SetOutboundEndpoints(string clusterId, string[] pagesJson)
        {
            // Checked here so a bad page fails the test that set it up, not a request later on.
            foreach (var page in pagesJson)
                if (JsonNode.Parse(page) is not JsonObject)
                    throw new ArgumentException("Each outbound endpoints page must be a JSON object.", nameof(pagesJson));
            var key = Key(clusterId);
            lock (_gate)
                _outboundPages[key] = [.. pagesJson];
        }

        public void Deny(string clusterId)
        {
            var key = Key(clusterId);
            lock (_gate)
                _denied.Add(key);
        }

        public StoredCluster? Find(string clusterId)
        {
            lock (_gate)
                return _index.TryGetValue(clusterId, out var at) ? _clusters[at] : null;
        }

        public bool IsDenied(string clusterId)
        {
            lock (_gate)
                return _denied.Contains(clusterId);
        }

        public string[] ExtensionTypes(string clusterId)
        {
            lock (_gate)
                return _extensions.TryGetValue(clusterId, out var list) ? [.. list] : [];
        }

        public string[]? OutboundPages(string clusterId)
        {
            lock (_gate)
                return _outboundPages.TryGetValue(clusterId, out var pages) ? pages : null;
        }

        /// <summary>The clusters in insertion order, only those in the given subscriptions when there are any.</summary>
        public List<StoredCluster> Clusters(IReadOnlySet<string>? subscriptions)
        {
            lock (_gate)
                return subscriptions is null or { Count: 0 }
                    ? [.. _clusters]
                    : _clusters.FindAll(c => subscriptions.Contains(c.Path.SubscriptionId));
        }

        /// <summary>Counts one more request with this identity and returns the 1-based count.</summary>
        public int NextAttempt(string requestIdentity)
        {
            lock (_gate)
            {
                _attempts.TryGetValue(requestIdentity, out var count);
                return _attempts[requestIdentity] = count + 1;
            }
        }

        private static string Key(string clusterId) =>
            ArmPath.TryParseClusterId(clusterId, out var path)
                ? path.ClusterId!
                : throw new ArgumentException($"'{clusterId}' is not a managedClusters resource id.", nameof(clusterId));
    }
}
