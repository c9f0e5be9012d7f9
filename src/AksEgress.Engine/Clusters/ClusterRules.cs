using System.Collections.Generic;
using System.Linq;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Clusters
{
    /// <summary>The rules of one cluster, whatever shape it came in and however it was read.</summary>
    public static class ClusterRules
    {
        /// <summary>
        /// Reads the cluster, derives its rules and says which features its shape could not show. Throws
        /// AksEgressInputException whose target is the cluster (its id, else its name) and whose message names it.
        /// </summary>
        /// <param name="cluster">The cluster as a property tree (see ClusterProfileReader).</param>
        /// <param name="extraFeatures">Features the operator adds with -Feature, for what the input cannot show.</param>
        /// <param name="requirements">Requirements to return; empty means Required and Recommended.</param>
        /// <param name="includeLegacy">Also return the 2020 edition's rows.</param>
        public static DerivationResult Derive(IReadOnlyDictionary<string, object?> cluster, ICollection<AksFeature> extraFeatures,
            ICollection<RuleRequirement> requirements, bool includeLegacy) =>
            Derive(ClusterProfileReader.Read(cluster), new RuleRequest { ExtraFeatures = extraFeatures, Requirements = requirements, IncludeLegacy = includeLegacy }, null);

        /// <param name="profile">The cluster as read.</param>
        /// <param name="request">What the operator asked for.</param>
        /// <param name="whyNotReread">Why the cluster was not re-read through ARM, for the warning about undetectable features; null when no attempt was possible.</param>
        public static DerivationResult Derive(ClusterProfile profile, RuleRequest request, string? whyNotReread)
        {
            var plan = profile.ToPlan(request.Requirements, request.IncludeLegacy);
            foreach (var feature in request.ExtraFeatures)
            {
                if (!plan.Features.Contains(feature)) plan.Features.Add(feature);
            }

            var who = profile.Name ?? profile.Id ?? "(unnamed)";
            DerivationResult derived;
            try
            {
                derived = RuleDeriver.Default.Derive(plan);
            }
            catch (AksEgressInputException ex)
            {
                throw new AksEgressInputException(ex.ErrorId, $"Cluster '{who}': {ex.Message}", profile.Id ?? profile.Name, ex.Kind);
            }

            var warnings = new List<string>();
            var unseen = profile.Undetectable.Where(f => !request.ExtraFeatures.Contains(f)).ToList();
            if (unseen.Count > 0) warnings.Add(UnseenWarning(profile, who, unseen, whyNotReread));
            warnings.AddRange(derived.Warnings.Select(w => $"Cluster '{who}': {w}"));
            return new DerivationResult(derived.Rules, warnings);
        }

        /// <summary>Says which features the piped shape could not show, why ARM did not fill them in, and what to do.</summary>
        private static string UnseenWarning(ClusterProfile profile, string who, IReadOnlyList<AksFeature> unseen, string? whyNotReread)
        {
            var reread = whyNotReread == null
                ? "It could not be re-read through ARM because it has no Id."
                : $"Re-reading it through ARM was not possible: {whyNotReread.TrimEnd('.')}.";
            var what = profile.Shape == ClusterShape.AzCliOutput
                ? "'az aks show' output from an Azure CLI that does not print securityProfile, azureMonitorProfile or metricsProfile"
                : ClusterShapeText.Describe(profile.Shape);
            var instead = profile.Shape == ClusterShape.AzCliOutput
                ? "update the Azure CLI and pipe 'az aks show' output again"
                : "pipe 'az aks show' output instead";
            var features = string.Join(", ", unseen);
            return $"Cluster '{who}' came as {what}, which does not show whether {features} {(unseen.Count == 1 ? "is" : "are")} enabled, so those rules are not included. " +
                $"{reread} Sign in (Connect-AzAccount) or pass -AccessToken so it can be, {instead}, or add them with -Feature {string.Join(",", unseen)}.";
        }
    }
}
