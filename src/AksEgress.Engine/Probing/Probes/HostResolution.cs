using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>The DNS step: a literal address needs none; a failed lookup ends the probe with the resolver's evidence.</summary>
    internal static class HostResolution
    {
        /// <param name="evidencePrefix">Put before a failure's evidence, to say whose name failed ("proxy p: ").</param>
        public static async Task<IReadOnlyList<IPAddress>> ResolveAsync(ProbeContext context, string host, string evidencePrefix = "")
        {
            if (Planning.IpAddressText.TryParseHostLiteral(host, out var literal))
            {
                context.Addresses = literal.ToString();
                return new[] { literal };
            }

            context.Begin(ProbeStep.Resolve, host);
            var result = await context.Resolver.ResolveAsync(host, context.Token).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new ProbeFailure(ProbeFailureKind.DnsFailure, evidencePrefix + (result.Failure ?? "no address for " + host));
            context.Addresses = string.Join(",", result.Addresses.Select(a => a.ToString()));
            return result.Addresses;
        }
    }
}
