using System;
using System.Linq;
using AksEgress.Planning;

namespace AksEgress.Probing
{
    /// <summary>
    /// Sends a rule's HTTP and HTTPS probes through its cluster's proxy (the ClusterHttpProxy/ClusterHttpsProxy
    /// columns), as the nodes' traffic goes, unless -Proxy or -IgnoreClusterProxy says otherwise.
    /// </summary>
    internal static class ClusterProxyRoute
    {
        public static ProbePlan Apply(ProbePlan plan, AksEgressRule rule, ProbeOptions options)
        {
            if (options.Proxy != null || !options.UseClusterProxy) return plan;
            var (text, name) = plan.Kind == ProbeKind.Https ? (rule.ClusterHttpsProxy, "httpsProxy")
                : plan.Kind == ProbeKind.Http ? (rule.ClusterHttpProxy, "httpProxy")
                : (null, "");
            // Like curl and the nodes' HTTPS_PROXY, an HTTPS probe does not fall back to httpProxy.
            if (string.IsNullOrWhiteSpace(text)) return plan;

            var noProxy = (rule.ClusterNoProxy ?? "").Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToArray();
            if (text!.Contains(ClusterProxyColumns.HiddenCredentials + "@"))
            {
                return ProbePlan.Skip($"The cluster's {name} '{text}' needs credentials, which rules never carry. " +
                    "Test through a proxy address that needs none with -Proxy, or probe directly with -IgnoreClusterProxy.");
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var proxy) || proxy.Scheme != Uri.UriSchemeHttp || proxy.Port <= 0)
            {
                return ProbePlan.Skip($"The cluster's {name} '{text}' is not an http://host:port proxy, the only kind Test-AksEgress can tunnel through. " +
                    "Give one with -Proxy, or probe directly with -IgnoreClusterProxy.");
            }
            plan.ClusterProxy = proxy;
            plan.ClusterNoProxy = noProxy;
            return plan;
        }
    }
}
