using System.Collections.Generic;
using System.Linq;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Clusters
{
    /// <summary>The rules of one cluster that came down the pipeline, in whatever shape it came.</summary>
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
            ICollection<RuleRequirement> requirements, bool includeLegacy)
        {
            var profile = ClusterProfileReader.Read(cluster);
            var plan = profile.ToPlan(requirements, includeLegacy);
            foreach (var feature in extraFeatures)
            {
                if (!plan.Features.Contains(feature)) plan.Features.Add(feature);
            }

            DerivationResult derived;
            try
            {
                derived = RuleDeriver.Default.Derive(plan);
            }
            catch (AksEgressInputException ex)
            {
                var who = profile.Name ?? profile.Id ?? "(unnamed)";
                throw new AksEgressInputException(ex.ErrorId, $"Cluster '{who}': {ex.Message}", profile.Id ?? profile.Name, ex.Kind);
            }

            var warnings = new List<string>();
            var unseen = profile.Undetectable.Where(f => !extraFeatures.Contains(f)).ToList();
            if (unseen.Count > 0)
            {
                warnings.Add($"Cluster '{profile.Name ?? profile.Id}' came as a {profile.Shape} object, which does not show whether {string.Join(", ", unseen)} {(unseen.Count == 1 ? "is" : "are")} enabled, so those rules are not included. " +
                    $"Pipe 'az aks show' output or Search-AzGraph rows instead, or add them with -Feature. (Re-reading the cluster through ARM is not available yet.)");
            }
            warnings.AddRange(derived.Warnings.Select(w => $"Cluster '{profile.Name ?? profile.Id}': {w}"));
            return new DerivationResult(derived.Rules, warnings);
        }
    }
}
