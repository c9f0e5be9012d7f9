using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// Addresses known in advance: tests point well-known names at 127.0.0.1, and -ApiServerAddress-style switches
    /// pin a name the node's DNS would answer differently. Anything else goes to the fallback, or is NXDOMAIN.
    /// </summary>
    public sealed class MapResolver : IHostResolver
    {
        private readonly Dictionary<string, IPAddress[]> _map;
        private readonly IHostResolver? _fallback;

        public MapResolver(IDictionary<string, IPAddress[]> map, IHostResolver? fallback = null)
        {
            if (map == null) throw new ArgumentNullException(nameof(map));
            // Copied, so a caller changing its dictionary later does not change answers mid-run; names are case-insensitive.
            _map = new Dictionary<string, IPAddress[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in map)
                _map[Normalize(pair.Key)] = pair.Value.ToArray();
            _fallback = fallback;
        }

        public Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel)
        {
            cancel.ThrowIfCancellationRequested();
            if (Planning.IpAddressText.TryParseHostLiteral(host, out var literal))
                return Task.FromResult(ResolveResult.Of(new[] { literal }));
            if (_map.TryGetValue(Normalize(host), out var addresses))
                return Task.FromResult(ResolveResult.Of(addresses));
            if (_fallback != null)
                return _fallback.ResolveAsync(host, cancel);
            return Task.FromResult(ResolveResult.Failed("NXDOMAIN (not in the test map)"));
        }

        // "example.com." and "example.com" are the same name.
        private static string Normalize(string host) => host.Trim().TrimEnd('.');
    }
}
