namespace AksEgress.Probing
{
    /// <summary>The result of one probe: its status, the failure kind and evidence, and what was resolved.</summary>
    public sealed class ProbeOutcome
    {
        public ProbeStatus Status { get; set; }
        public ProbeFailureKind FailureKind { get; set; }
        /// <summary>Evidence: the DNS rcode, the HTTP status line, the certificate issuer, the step that timed out, the skip reason.</summary>
        public string Detail { get; set; } = "";
        /// <summary>The addresses the host resolved to, comma-separated (one string, for CSV).</summary>
        public string ResolvedAddresses { get; set; } = "";
        public double LatencyMs { get; set; }

        public static ProbeOutcome Passed(string detail, string addresses, double latencyMs) =>
            new ProbeOutcome { Status = ProbeStatus.Passed, Detail = detail, ResolvedAddresses = addresses, LatencyMs = latencyMs };

        public static ProbeOutcome Failed(ProbeFailureKind kind, string detail, string addresses, double latencyMs) =>
            new ProbeOutcome { Status = ProbeStatus.Failed, FailureKind = kind, Detail = detail, ResolvedAddresses = addresses, LatencyMs = latencyMs };

        public static ProbeOutcome Skipped(string reason) =>
            new ProbeOutcome { Status = ProbeStatus.Skipped, Detail = reason };
    }
}
