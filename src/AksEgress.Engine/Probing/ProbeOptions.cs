using System;
using System.Collections.Generic;
using System.Net.Security;

namespace AksEgress.Probing
{
    /// <summary>
    /// How probes run. Everything that decides where a probe goes is injectable, so tests aim every probe at
    /// listeners they started on 127.0.0.1.
    /// </summary>
    public sealed class ProbeOptions
    {
        /// <summary>The bound of one probe, all steps together (-TimeoutSec).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The resolver for host names (the system's unless -DnsServer or a test says otherwise).</summary>
        public IHostResolver? Resolver { get; set; }

        /// <summary>Port overrides: a rule's port → the port actually connected to (tests' listeners).</summary>
        public IDictionary<int, int> PortOverrides { get; set; } = new Dictionary<int, int>();

        /// <summary>Replaces the system's certificate validation (tests trust the certificate they made). Null: the system's.</summary>
        public RemoteCertificateValidationCallback? CertificateValidator { get; set; }

        /// <summary>An HTTP proxy (http://host:port) that HTTP and HTTPS probes go through with CONNECT; null for none.</summary>
        public Uri? Proxy { get; set; }

        /// <summary>Hosts, domains (".example.com" or "example.com") and addresses that bypass the proxy.</summary>
        public IList<string> NoProxy { get; set; } = new List<string>();

        /// <summary>
        /// Whether a rule that carries its cluster's httpProxyConfig is probed through that proxy. Ignored when
        /// <see cref="Proxy"/> is set (-Proxy wins).
        /// </summary>
        public bool UseClusterProxy { get; set; } = true;

        /// <summary>The port a rule's port is really probed on.</summary>
        public int PortFor(int port) => PortOverrides.TryGetValue(port, out var other) ? other : port;
    }
}
