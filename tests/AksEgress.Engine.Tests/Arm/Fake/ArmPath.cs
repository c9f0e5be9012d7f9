using Microsoft.AspNetCore.Http;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// What a request path names: routing is done by hand on the segments because the ARM paths are few, fixed and
    /// case-insensitive, which endpoint routing templates would make harder to read, not easier.
    /// </summary>
    /// <param name="ClusterId">The cluster part of the path, as sent; null when the path is not about a cluster.</param>
    internal sealed record ArmPath(
        FakeRequestKind Kind, string? ClusterId, string SubscriptionId, string ResourceGroup, string Name)
    {
        private const StringComparison Ci = StringComparison.OrdinalIgnoreCase;

        private static readonly ArmPath Unknown = new(FakeRequestKind.Unknown, null, "", "", "");

        /// <summary>Routes a request; a known path with the wrong method is Unknown, as it has no answer here.</summary>
        public static ArmPath Route(string method, string path)
        {
            var segments = path.Trim('/').Split('/');
            if (HttpMethods.IsPost(method) && Matches(segments, 0, "providers", "Microsoft.ResourceGraph", "resources")
                && segments.Length == 3)
                return Unknown with { Kind = FakeRequestKind.ResourceGraphQuery };
            if (!HttpMethods.IsGet(method) || !TryCluster(segments, out var cluster))
                return Unknown;
            return segments.Length switch
            {
                8 => cluster with { Kind = FakeRequestKind.ClusterGet },
                9 when segments[8].Equals("outboundNetworkDependenciesEndpoints", Ci) =>
                    cluster with { Kind = FakeRequestKind.OutboundEndpointsList },
                11 when Matches(segments, 8, "providers", "Microsoft.KubernetesConfiguration", "extensions") =>
                    cluster with { Kind = FakeRequestKind.ExtensionsList },
                _ => Unknown,
            };
        }

        /// <summary>Parses a managedClusters resource id; false for anything else.</summary>
        public static bool TryParseClusterId(string id, out ArmPath cluster)
        {
            var segments = id.Trim('/').Split('/');
            return TryCluster(segments, out cluster) && segments.Length == 8;
        }

        private static bool TryCluster(string[] s, out ArmPath cluster)
        {
            cluster = Unknown;
            if (s.Length < 8 || !Matches(s, 0, "subscriptions") || !Matches(s, 2, "resourceGroups")
                || !Matches(s, 4, "providers", "Microsoft.ContainerService", "managedClusters")
                || s[1].Length == 0 || s[3].Length == 0 || s[7].Length == 0)
                return false;
            cluster = new ArmPath(FakeRequestKind.Unknown, "/" + string.Join('/', s, 0, 8), s[1], s[3], s[7]);
            return true;
        }

        private static bool Matches(string[] segments, int start, params string[] expected)
        {
            if (segments.Length < start + expected.Length)
                return false;
            for (var i = 0; i < expected.Length; i++)
                if (!segments[start + i].Equals(expected[i], Ci))
                    return false;
            return true;
        }
    }
}
