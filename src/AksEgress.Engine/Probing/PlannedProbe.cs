namespace AksEgress.Probing
{
    /// <summary>A rule and how it will be probed.</summary>
    public sealed class PlannedProbe
    {
        public PlannedProbe(AksEgressRule rule, ProbePlan plan)
        {
            Rule = rule;
            Plan = plan;
        }

        public AksEgressRule Rule { get; }
        public ProbePlan Plan { get; }

        public AksEgressTestResult ToResult(ProbeOutcome outcome) => new AksEgressTestResult
        {
            RuleId = Rule.RuleId,
            Feature = Rule.Feature,
            Requirement = Rule.Requirement,
            Destination = Rule.Destination,
            TestedHost = Plan.Host,
            Protocol = Rule.Protocol,
            Port = Rule.Port,
            Status = outcome.Status,
            FailureKind = outcome.FailureKind,
            Detail = outcome.Detail,
            ResolvedAddresses = outcome.ResolvedAddresses,
            LatencyMs = System.Math.Round(outcome.LatencyMs, 1),
            ClusterName = Rule.ClusterName,
        };
    }
}
