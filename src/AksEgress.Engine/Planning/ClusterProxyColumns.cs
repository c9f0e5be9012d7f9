using System.Linq;
using AksEgress.Clusters;

namespace AksEgress.Planning
{
    /// <summary>
    /// A cluster's httpProxyConfig as its rules carry it: three text columns, so a rule list written to CSV and read
    /// back still tells Test-AksEgress which proxy the nodes go through. Credentials never travel: a user name and
    /// password in the proxy address become "***", which also tells the probe that it cannot use that proxy itself.
    /// </summary>
    public sealed class ClusterProxyColumns
    {
        /// <summary>What replaces the user information of a proxy address.</summary>
        public const string HiddenCredentials = "***";

        public string? HttpProxy { get; private set; }
        public string? HttpsProxy { get; private set; }
        public string? NoProxy { get; private set; }

        /// <summary>Null when the cluster has no httpProxyConfig.</summary>
        public static ClusterProxyColumns? From(HttpProxySettings? settings)
        {
            if (settings == null) return null;
            var noProxy = string.Join(",", settings.NoProxy.Select(e => e.Trim()).Where(e => e.Length > 0));
            return new ClusterProxyColumns
            {
                HttpProxy = WithoutCredentials(settings.HttpProxy),
                HttpsProxy = WithoutCredentials(settings.HttpsProxy),
                NoProxy = noProxy.Length == 0 ? null : noProxy,
            };
        }

        public void StampOn(AksEgressRule rule)
        {
            rule.ClusterHttpProxy = HttpProxy;
            rule.ClusterHttpsProxy = HttpsProxy;
            rule.ClusterNoProxy = NoProxy;
        }

        /// <summary>"http://user:secret@proxy:3128/" → "http://***@proxy:3128/"; an address without credentials is kept as given.</summary>
        public static string? WithoutCredentials(string? address)
        {
            if (string.IsNullOrWhiteSpace(address)) return null;
            var text = address!.Trim();
            var scheme = text.IndexOf("://", System.StringComparison.Ordinal);
            var start = scheme < 0 ? 0 : scheme + 3;
            var end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
            if (end < 0) end = text.Length;
            var at = end == start ? -1 : text.LastIndexOf('@', end - 1, end - start);
            return at < 0 ? text : text.Substring(0, start) + HiddenCredentials + text.Substring(at);
        }
    }
}
