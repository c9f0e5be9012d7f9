using System;
using System.Text.RegularExpressions;
using AksEgress.Errors;

namespace AksEgress.Arm
{
    /// <summary>Builds and checks the ARM id of an AKS cluster before any request is made with it.</summary>
    public static class ClusterResourceId
    {
        private const string Example = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1";

        // One spelling of each rule, shared by the id check and the -ResourceGroupName/-Name checks.
        private const string GroupText = @"[-\w\.\(\)]{1,90}";
        private const string NameText = @"[A-Za-z0-9][-A-Za-z0-9_]{0,62}";

        private static readonly Regex IdPattern = new Regex(
            $@"^/subscriptions/(?<sub>[^/?#%\s]+)/resourceGroups/(?<rg>{GroupText})/providers/Microsoft\.ContainerService/managedClusters/(?<name>{NameText})/?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex GroupPattern = new Regex($"^{GroupText}$", RegexOptions.CultureInvariant);
        private static readonly Regex NamePattern = new Regex($"^{NameText}$", RegexOptions.CultureInvariant);

        /// <summary>The id as given (trailing slash and spaces removed) when it names a managed cluster.</summary>
        public static string Parse(string? text)
        {
            var id = (text ?? "").Trim().TrimEnd('/');
            var match = IdPattern.Match(id);
            if (!match.Success)
            {
                throw new AksEgressInputException("InvalidClusterResourceId",
                    $"'{text}' is not the resource id of an AKS cluster. It must look like {Example} (the Id property of Get-AzAksCluster, or 'id' of az aks show).",
                    text);
            }
            var subscription = match.Groups["sub"];
            return id.Substring(0, subscription.Index) + CheckSubscription(subscription.Value, text) + id.Substring(subscription.Index + subscription.Length);
        }

        /// <summary>The id of cluster <paramref name="name"/> in a resource group of a subscription.</summary>
        public static string From(string subscriptionId, string resourceGroupName, string name)
        {
            subscriptionId = CheckSubscription(subscriptionId, subscriptionId);
            if (!GroupPattern.IsMatch(resourceGroupName ?? "") || resourceGroupName!.EndsWith(".", StringComparison.Ordinal))
            {
                throw new AksEgressInputException("InvalidResourceGroupName",
                    $"'{resourceGroupName}' is not a valid resource group name: use 1-90 letters, digits, '-', '_', '.', '(' or ')', not ending in '.'.",
                    resourceGroupName);
            }
            if (!NamePattern.IsMatch(name ?? ""))
            {
                throw new AksEgressInputException("InvalidClusterName",
                    $"'{name}' is not a valid AKS cluster name: use 1-63 letters, digits, '-' or '_', starting with a letter or digit.",
                    name);
            }
            return $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/{name}";
        }

        /// <summary>
        /// Subscription ids are GUIDs; catching a typo here saves a confusing 404 later. The GUID goes into URLs in ARM's
        /// own form (00000000-0000-0000-0000-000000000000, lower case): "{...}", "(...)" and 32 bare hex digits, which
        /// Guid.TryParse also takes, are normalised to it rather than sent as typed.
        /// </summary>
        public static string CheckSubscription(string? subscriptionId, object? target)
        {
            var text = (subscriptionId ?? "").Trim();
            foreach (var format in new[] { "D", "B", "P", "N" })
            {
                if (Guid.TryParseExact(text, format, out var guid)) return guid.ToString("D");
            }
            throw new AksEgressInputException("InvalidSubscriptionId",
                $"'{subscriptionId}' is not a subscription id. Use the subscription's GUID, e.g. 00000000-0000-0000-0000-000000000000 (Get-AzSubscription, or 'az account show --query id').",
                target);
        }

        /// <summary>The last segment of a cluster id: the cluster's name.</summary>
        public static string NameOf(string id)
        {
            var trimmed = id.TrimEnd('/');
            return trimmed.Substring(trimmed.LastIndexOf('/') + 1);
        }
    }
}
