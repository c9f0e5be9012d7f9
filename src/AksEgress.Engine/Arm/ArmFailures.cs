using AksEgress.Errors;

namespace AksEgress.Arm
{
    /// <summary>
    /// Turns a failed ARM call into the error the user sees: an ErrorId unique to the call site and reason
    /// (ClusterReadNotFound, FleetQueryThrottled, ...), the cluster as target, and what to check.
    /// </summary>
    public static class ArmFailures
    {
        /// <summary>What to do when no credential works; also said when ARM is not called at all for want of one.</summary>
        internal const string SignInAdvice =
            "Sign in with Connect-AzAccount, pass -AccessToken, or run where a managed identity, environment credentials or the Azure CLI are available.";

        public static AksEgressInputException ToError(ArmRequestException failure, ArmCallSite site, string what, object? target)
        {
            var id = site + failure.Reason.ToString();
            var detail = failure.Message.TrimEnd('.');
            return new AksEgressInputException(id, $"{Describe(site, what)} failed: {detail}. {Advice(failure.Reason, site)}", target, KindOf(failure.Reason));
        }

        private static string Describe(ArmCallSite site, string what)
        {
            switch (site)
            {
                case ArmCallSite.ClusterRead: return $"Reading cluster '{what}' through ARM";
                case ArmCallSite.ExtensionList: return $"Listing the cluster extensions of '{what}'";
                case ArmCallSite.ServiceReported: return $"Reading the service-reported outbound endpoints of '{what}'";
                default: return "The Resource Graph query for AKS clusters";
            }
        }

        private static string Advice(ArmFailureReason reason, ArmCallSite site)
        {
            switch (reason)
            {
                case ArmFailureReason.NotFound:
                    return site == ArmCallSite.FleetQuery
                        ? "Check that Microsoft.ResourceGraph is reachable in this cloud."
                        : "Check the subscription id, resource group and cluster name, and that you are signed in to the tenant and cloud (-Cloud) that hold the cluster.";
                case ArmFailureReason.Forbidden:
                    return site == ArmCallSite.ServiceReported
                        ? "Reading outbound endpoints needs Microsoft.ContainerService/managedClusters/outboundNetworkDependenciesEndpoints/read (for example the Reader role) on the cluster."
                        : "The signed-in identity needs read access (for example the Reader role) on the cluster or its subscription.";
                case ArmFailureReason.Unauthorized:
                    return "The access token was refused: sign in again (Connect-AzAccount) or pass a fresh token for this cloud with -AccessToken.";
                case ArmFailureReason.CredentialUnavailable:
                    return SignInAdvice;
                case ArmFailureReason.NotRegistered:
                    return site == ArmCallSite.ExtensionList
                        ? "The subscription is not registered for Microsoft.KubernetesConfiguration, so no cluster extension can be installed there; register it (Register-AzResourceProvider -ProviderNamespace Microsoft.KubernetesConfiguration) if you use extensions."
                        : "Register the resource provider the message names (Register-AzResourceProvider) and run again.";
                case ArmFailureReason.Throttled:
                    return "ARM kept throttling the requests (429) after waiting as told by Retry-After; run again later or on fewer clusters.";
                case ArmFailureReason.ServiceError:
                case ArmFailureReason.ConnectionFailed:
                case ArmFailureReason.MalformedResponse:
                    return "This looks transient; run the command again for this cluster.";
                case ArmFailureReason.Timeout:
                    return "ARM did not answer in time after several attempts; check the network path to the ARM endpoint and run again.";
                default:
                    return "Check the request values and run again.";
            }
        }

        private static AksEgressErrorKind KindOf(ArmFailureReason reason)
        {
            switch (reason)
            {
                case ArmFailureReason.NotFound: return AksEgressErrorKind.ObjectNotFound;
                case ArmFailureReason.Forbidden: return AksEgressErrorKind.PermissionDenied;
                case ArmFailureReason.Unauthorized:
                case ArmFailureReason.CredentialUnavailable: return AksEgressErrorKind.AuthenticationError;
                case ArmFailureReason.Throttled: return AksEgressErrorKind.LimitsExceeded;
                case ArmFailureReason.Timeout: return AksEgressErrorKind.OperationTimeout;
                case ArmFailureReason.MalformedResponse: return AksEgressErrorKind.InvalidData;
                case ArmFailureReason.BadRequest:
                case ArmFailureReason.NotRegistered: return AksEgressErrorKind.InvalidArgument;
                default: return AksEgressErrorKind.ConnectionError;
            }
        }
    }

    /// <summary>Where an ARM call is made; the first half of the ErrorId.</summary>
    public enum ArmCallSite
    {
        ClusterRead,
        ExtensionList,
        ServiceReported,
        FleetQuery,
    }
}
