using System.Collections.Generic;
using System.Linq;
using AksEgress.Errors;

namespace AksEgress.Arm
{
    /// <summary>Turns the live parameter sets' values into what ARM is asked for, checked before any request.</summary>
    public static class LiveTargets
    {
        /// <summary>The id of -ResourceGroupName/-Name in -SubscriptionId, else in the Az context's subscription.</summary>
        public static string ByName(IReadOnlyList<string>? subscriptionIds, string? contextSubscriptionId, string resourceGroupName, string name)
        {
            if (subscriptionIds != null && subscriptionIds.Count > 1)
            {
                throw new AksEgressInputException("SubscriptionIdNotSingle",
                    $"-SubscriptionId names {subscriptionIds.Count} subscriptions, but -ResourceGroupName and -Name point at one cluster. Give one subscription id, or use -All -SubscriptionId to search several.",
                    string.Join(",", subscriptionIds));
            }
            var subscription = subscriptionIds != null && subscriptionIds.Count == 1 ? subscriptionIds[0] : contextSubscriptionId;
            if (string.IsNullOrWhiteSpace(subscription))
            {
                throw new AksEgressInputException("SubscriptionIdRequired",
                    $"No subscription is known for cluster '{name}' in resource group '{resourceGroupName}'. Pass -SubscriptionId, or sign in with Connect-AzAccount and pick one with Set-AzContext.",
                    name);
            }
            return ClusterResourceId.From(subscription!.Trim(), resourceGroupName, name);
        }

        /// <summary>-Offline promises no ARM call; -IncludeServiceReported needs one.</summary>
        public static void CheckOffline(bool offline, bool includeServiceReported)
        {
            if (offline && includeServiceReported)
            {
                throw new AksEgressInputException("OfflineWithServiceReported",
                    "-Offline and -IncludeServiceReported cannot be used together: the service-reported endpoints come from an ARM call. Leave out one of them.",
                    "IncludeServiceReported");
            }
        }

        /// <summary>
        /// -All:$false selects the All parameter set (the switch is its only mandatory parameter) but says "not all":
        /// a switch given as false is off, so nothing is searched and the user is told what to give instead.
        /// </summary>
        public static void CheckAll(bool all)
        {
            if (!all)
            {
                throw new AksEgressInputException("AllSwitchOff",
                    "-All was given as $false, which asks for no clusters, so no subscription was searched. To read every cluster you can see, give -All " +
                    "(or -All:$true); for one cluster give -ResourceGroupName and -Name, or -ResourceId, or pipe cluster objects.",
                    "All");
            }
        }

        /// <summary>The subscriptions -All searches: the ones given (checked, without repeats), or null for every one the caller can see.</summary>
        public static IReadOnlyList<string>? FleetSubscriptions(IReadOnlyList<string>? subscriptionIds)
        {
            if (subscriptionIds == null || subscriptionIds.Count == 0) return null;
            return subscriptionIds
                .Select(s => ClusterResourceId.CheckSubscription(s?.Trim(), s))
                .Distinct(System.StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
    }
}
