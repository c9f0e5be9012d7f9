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
        /// <summary>
        /// The proxy of the rule's cluster (its httpProxyConfig) that an HTTP or HTTPS probe goes through, when no
        /// -Proxy was given; null: direct.
        /// </summary>
        public System.Uri? ClusterProxy { get; set; }
        /// <summary>The cluster's noProxy entries: hosts that bypass <see cref="ClusterProxy"/>.</summary>
        public System.Collections.Generic.IReadOnlyList<string> ClusterNoProxy { get; set; } = new string[0];

        public static ProbePlan Skip(string reason) => new ProbePlan { Kind = ProbeKind.Skip, SkipReason = reason };
    }
}
