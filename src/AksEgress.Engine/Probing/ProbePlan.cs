namespace AksEgress.Probing
{
    /// <summary>How one rule is probed: the kind, the concrete host (a wildcard's representative), the port, or why it is skipped.</summary>
    public sealed class ProbePlan
    {
        public ProbeKind Kind { get; set; }
        /// <summary>The host or address actually probed; empty when skipped without one.</summary>
        public string Host { get; set; } = "";
        public int Port { get; set; }
        /// <summary>Why the rule is skipped (Kind Skip), as shown to the user.</summary>
        public string SkipReason { get; set; } = "";

        public static ProbePlan Skip(string reason) => new ProbePlan { Kind = ProbeKind.Skip, SkipReason = reason };
    }
}
