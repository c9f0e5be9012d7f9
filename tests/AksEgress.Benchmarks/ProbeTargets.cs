using System.Net;
using System.Security.Cryptography.X509Certificates;
using AksEgress.Probing;
using AksEgress.Tests.Probing.Probes;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// Forty rules as Test-AksEgress receives them, every one aimed at 127.0.0.1: thirty answered by real listeners
    /// (HTTPS with a certificate made here, HTTP, TCP, NTP over UDP) and ten whose port drops SYNs (a BlackHole).
    /// The black-holed rules are spread through the list, so the run also has to keep results in order around them.
    /// </summary>
    internal sealed class ProbeTargets : IDisposable
    {
        // Under .test (reserved, never resolvable), so a probe that escaped the map could not reach anything real.
        private const string Domain = "egress.bench.test";
        // Rule ports that stand for a dropped destination: PortOverrides sends both to the black hole.
        private const int DroppedHttpsPort = 8443;
        private const int DroppedTcpPort = 6443;

        private readonly List<IDisposable> _owned = new();
        private readonly Dictionary<string, IPAddress[]> _hosts = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<int, int> _ports = new();
        private readonly HashSet<string> _blackHoled = new(StringComparer.Ordinal);
        private X509Certificate2? _certificate;

        private ProbeTargets()
        {
        }

        public IReadOnlyList<AksEgressRule> Rules { get; private set; } = Array.Empty<AksEgressRule>();
        /// <summary>How the black hole was made (nftables drop rule or SYN-queue fill), as BlackHole reports it.</summary>
        public string BlackHoleMode { get; private set; } = "";
        public bool IsBlackHoled(string ruleId) => _blackHoled.Contains(ruleId);

        public static async Task<ProbeTargets> StartAsync()
        {
            var targets = new ProbeTargets();
            try
            {
                await targets.OpenAsync();
                return targets;
            }
            catch
            {
                targets.Dispose(); // a half-made set must not leave an nft table or a listener behind
                throw;
            }
        }

        /// <summary>The options Test-AksEgress -TimeoutSec would build, with names, ports and trust aimed at this set.</summary>
        public ProbeOptions Options(int timeoutSec)
        {
            var options = EgressTestSetup.Options(new EgressTestRequest { TimeoutSec = timeoutSec });
            options.Resolver = new MapResolver(_hosts);
            options.PortOverrides = new Dictionary<int, int>(_ports);
            options.CertificateValidator = ProbeCertificates.Pin(_certificate!);
            return options;
        }

        private async Task OpenAsync()
        {
            var hole = await BlackHole.CreateAsync();
            _owned.Add(hole);
            BlackHoleMode = hole.Mode;
            // One wildcard certificate serves every HTTPS host, and the pin still checks the name against it.
            _certificate = ProbeCertificates.SelfSigned("*." + Domain);
            _owned.Add(_certificate);
            var https = Own(ProbeServers.Https(_certificate, ProbeServers.Ok));
            var http = Own(ProbeServers.Http(ProbeServers.Ok));
            var tcp = Own(new LoopbackServer((_, _) => Task.CompletedTask)); // a completed handshake is the whole answer
            var ntp = Own(new UdpResponder(request => UdpResponder.NtpReply(request)));
            _ports[443] = https.Port;
            _ports[80] = http.Port;
            _ports[9000] = tcp.Port;
            _ports[123] = ntp.Port;
            _ports[DroppedHttpsPort] = hole.Port;
            _ports[DroppedTcpPort] = hole.Port;

            var answered = Interleave(
                Many(10, i => Rule("https", i, RuleKind.Application, RuleProtocol.HTTPS, 443)),
                Many(8, i => Rule("http", i, RuleKind.Application, RuleProtocol.HTTP, 80)),
                Many(8, i => Rule("tcp", i, RuleKind.Network, RuleProtocol.TCP, 9000)),
                Many(4, i => Rule("ntp", i, RuleKind.Network, RuleProtocol.UDP, 123)));
            var dropped = Many(10, i => i % 2 == 0
                ? Rule("dropped-https", i, RuleKind.Application, RuleProtocol.HTTPS, DroppedHttpsPort)
                : Rule("dropped-tcp", i, RuleKind.Network, RuleProtocol.TCP, DroppedTcpPort));
            foreach (var rule in dropped) _blackHoled.Add(rule.RuleId);

            // Every fourth rule is black-holed: three answered, one dropped, ten times over.
            var rules = new List<AksEgressRule>();
            for (var i = 0; i < dropped.Count; i++)
            {
                rules.AddRange(answered.Skip(3 * i).Take(3));
                rules.Add(dropped[i]);
            }
            Rules = rules;
        }

        private AksEgressRule Rule(string name, int index, RuleKind kind, RuleProtocol protocol, int port)
        {
            var host = $"{name}-{index:D2}.{Domain}";
            _hosts[host] = new[] { IPAddress.Loopback };
            return new AksEgressRule
            {
                RuleId = $"bench-{name}-{index:D2}", Kind = kind, Destination = host, DestinationType = DestinationType.Fqdn,
                Protocol = protocol, Port = port, Requirement = RuleRequirement.Required, Location = "eastus",
            };
        }

        private static List<AksEgressRule> Many(int count, Func<int, AksEgressRule> make) => Enumerable.Range(1, count).Select(make).ToList();

        /// <summary>One of each kind in turn while any is left, so no kind is bunched at one end of the run.</summary>
        private static List<AksEgressRule> Interleave(params List<AksEgressRule>[] kinds)
        {
            var mixed = new List<AksEgressRule>();
            for (var i = 0; mixed.Count < kinds.Sum(k => k.Count); i++)
                mixed.AddRange(kinds.Where(k => i < k.Count).Select(k => k[i]));
            return mixed;
        }

        private T Own<T>(T disposable) where T : IDisposable
        {
            _owned.Add(disposable);
            return disposable;
        }

        public void Dispose()
        {
            // Listeners first, the black hole (and its nft table) last of all, in reverse order of making.
            for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
            _owned.Clear();
        }
    }
}
