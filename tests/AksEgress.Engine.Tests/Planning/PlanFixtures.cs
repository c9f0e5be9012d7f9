using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Planning
{
    /// <summary>Small helpers that run the shipped deriver the way the cmdlet does.</summary>
    internal static class PlanFixtures
    {
        public static DerivationResult Derive(string location, AzureCloudName cloud = AzureCloudName.AzureCloud, System.Action<RulePlan>? configure = null)
        {
            var plan = new RulePlan { Cloud = cloud, Location = location };
            configure?.Invoke(plan);
            return RuleDeriver.Default.Derive(plan);
        }

        public static HashSet<(string Destination, RuleProtocol Protocol, int Port)> Tuples(this DerivationResult result) =>
            result.Rules.Select(r => (r.Destination, r.Protocol, r.Port)).ToHashSet();

        public static bool Has(this DerivationResult result, string destination, RuleProtocol protocol, int port) =>
            result.Rules.Any(r => r.Destination == destination && r.Protocol == protocol && r.Port == port);
    }
}
