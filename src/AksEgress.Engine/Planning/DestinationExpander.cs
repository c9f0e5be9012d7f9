using System.Collections.Generic;
using AksEgress.Catalog;

namespace AksEgress.Planning
{
    /// <summary>Turns a catalog destination template into the concrete destination(s) of one cluster.</summary>
    internal static class DestinationExpander
    {
        public static IEnumerable<(string Destination, DestinationType Type)> Expand(CatalogEntry entry, ValidatedPlan plan)
        {
            if (entry.IsApiServerHost && plan.ApiServerFqdn != null)
            {
                yield return (plan.ApiServerFqdn, DestinationType.Fqdn);
                yield break;
            }

            if (plan.ApiServerAddress != null
                && (entry.PrefersApiServerAddress || entry.DestinationTemplate == Placeholders.ApiServerPublicIp))
            {
                yield return (plan.ApiServerAddress, DestinationType.IpAddress);
                yield break;
            }

            if (entry.DestinationTemplate == Placeholders.CustomDnsIp && plan.CustomDnsServers.Count > 0)
            {
                foreach (var server in plan.CustomDnsServers) yield return (server, DestinationType.IpAddress);
                yield break;
            }

            yield return (entry.DestinationTemplate.Replace("{location}", plan.Location), entry.DestinationType);
        }
    }
}
