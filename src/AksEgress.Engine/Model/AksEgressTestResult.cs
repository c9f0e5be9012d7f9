using AksEgress.Probing;

namespace AksEgress
{
    /// <summary>
    /// What Test-AksEgress found for one rule. Scalars only, so Export-Csv gives one value per cell.
    /// </summary>
    public sealed class AksEgressTestResult
    {
        public string RuleId { get; set; } = "";
        public AksFeature Feature { get; set; }
        public RuleRequirement Requirement { get; set; }
        /// <summary>The rule's destination as the rule names it (a wildcard, a service tag, a placeholder...).</summary>
        public string Destination { get; set; } = "";
        /// <summary>The concrete host or address probed (a wildcard's representative); empty when skipped without one.</summary>
        public string TestedHost { get; set; } = "";
        public RuleProtocol Protocol { get; set; }
        public int Port { get; set; }
        public ProbeStatus Status { get; set; }
        public ProbeFailureKind FailureKind { get; set; }
        /// <summary>The evidence: DNS rcode, HTTP status line, certificate issuer, the step that timed out, or why it was skipped.</summary>
        public string Detail { get; set; } = "";
        public string ResolvedAddresses { get; set; } = "";
        public double LatencyMs { get; set; }
        /// <summary>The cluster the rule was derived for, when it came from one.</summary>
        public string? ClusterName { get; set; }

        public override string ToString() => $"{Status} {RuleId} {TestedHost}:{Port}";
    }
}
