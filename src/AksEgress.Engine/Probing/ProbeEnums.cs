namespace AksEgress.Probing
{
    /// <summary>What a probe concluded about one rule.</summary>
    public enum ProbeStatus
    {
        Passed,
        Failed,
        Skipped,
    }

    /// <summary>Why a probe failed; each comes with its evidence in Detail.</summary>
    public enum ProbeFailureKind
    {
        None,
        /// <summary>NXDOMAIN, SERVFAIL, no answer, or the DNS query timed out.</summary>
        DnsFailure,
        /// <summary>The TCP handshake got no answer: dropped silently, as a firewall deny on a network rule looks.</summary>
        TcpTimeout,
        /// <summary>The TCP handshake was answered with a reset.</summary>
        TcpRefused,
        /// <summary>The connection closed right after the ClientHello: how Azure Firewall denies HTTPS.</summary>
        TlsClosedAfterHello,
        /// <summary>The certificate does not chain to a trusted root or does not match the host: a TLS-inspecting proxy.</summary>
        TlsIntercepted,
        /// <summary>HTTP 470 with Azure Firewall's "Action: Deny" body, or a proxy's denial.</summary>
        HttpDenied,
        /// <summary>The NTP request got no valid reply.</summary>
        NtpNoReply,
        /// <summary>Any other step did not finish in time.</summary>
        Timeout,
    }

    /// <summary>How a rule is probed.</summary>
    public enum ProbeKind
    {
        /// <summary>DNS, TCP, TLS with SNI, then HEAD / over HTTP/1.1.</summary>
        Https,
        /// <summary>DNS, TCP, then HEAD / over HTTP/1.1.</summary>
        Http,
        /// <summary>DNS where needed, then a TCP connect.</summary>
        Tcp,
        /// <summary>A mode-3 NTP request over UDP and a parsed reply.</summary>
        Ntp,
        /// <summary>A real DNS query sent to the destination (a custom DNS server) over UDP.</summary>
        Dns,
        /// <summary>Cannot be confirmed from here; the plan says why.</summary>
        Skip,
    }
}
