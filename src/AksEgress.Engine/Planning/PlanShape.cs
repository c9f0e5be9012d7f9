using System;
using System.Collections.Generic;
using AksEgress.Catalog;

namespace AksEgress.Planning
{
    /// <summary>
    /// Everything about a validated plan that decides which rules it gets and how they read, except the
    /// cluster's name, id and exact API-server host (only whether it has one). Clusters of one shape share rules.
    /// </summary>
    internal readonly struct PlanShape : IEquatable<PlanShape>
    {
        private readonly AzureCloudName _cloud;
        private readonly string _location;
        private readonly long _features;
        private readonly int _requirements;
        private readonly int _flags;
        private readonly string _address;
        private readonly string _dns;

        private PlanShape(AzureCloudName cloud, string location, long features, int requirements, int flags, string address, string dns)
        {
            _cloud = cloud;
            _location = location;
            _features = features;
            _requirements = requirements;
            _flags = flags;
            _address = address;
            _dns = dns;
        }

        public static PlanShape Of(ValidatedPlan plan)
        {
            var source = plan.Source;
            long features = 0;
            foreach (var feature in plan.Features) features |= 1L << (int)feature;
            var requirements = 0;
            foreach (var requirement in plan.Requirements) requirements |= 1 << (int)requirement;
            var flags = (source.IncludeLegacy ? 1 : 0) | (source.PrivateCluster ? 2 : 0) | (source.LegacyTunnel ? 4 : 0) | (plan.ApiServerFqdn != null ? 8 : 0);
            return new PlanShape(source.Cloud, plan.Location, features, requirements, flags, plan.ApiServerAddress ?? "", string.Join(",", plan.CustomDnsServers));
        }

        public bool Equals(PlanShape other) =>
            _cloud == other._cloud && _features == other._features && _requirements == other._requirements && _flags == other._flags
            && string.Equals(_location, other._location, StringComparison.Ordinal)
            && string.Equals(_address, other._address, StringComparison.Ordinal)
            && string.Equals(_dns, other._dns, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is PlanShape other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                var hash = (int)_cloud;
                hash = hash * 397 ^ StringComparer.Ordinal.GetHashCode(_location ?? "");
                hash = hash * 397 ^ _features.GetHashCode();
                hash = hash * 397 ^ _requirements;
                hash = hash * 397 ^ _flags;
                hash = hash * 397 ^ StringComparer.Ordinal.GetHashCode(_address ?? "");
                return hash * 397 ^ StringComparer.Ordinal.GetHashCode(_dns ?? "");
            }
        }
    }

    /// <summary>A shape's rules (each with the catalog entry it came from) and the warnings that depend only on the shape.</summary>
    internal sealed class ShapeRules
    {
        public ShapeRules(IReadOnlyList<(CatalogEntry Entry, AksEgressRule Template)> rules, IReadOnlyList<string> warnings)
        {
            Rules = rules;
            Warnings = warnings;
        }

        public IReadOnlyList<(CatalogEntry Entry, AksEgressRule Template)> Rules { get; }
        public IReadOnlyList<string> Warnings { get; }
    }
}
