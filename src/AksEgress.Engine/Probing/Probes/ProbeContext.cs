using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace AksEgress.Probing
{
    /// <summary>
    /// One probe's running state: the token bounded by the timeout, the step under way (which names a timeout), where
    /// it is aimed (for the evidence), the resolved addresses and the clock.
    /// </summary>
    internal sealed class ProbeContext
    {
        private readonly Stopwatch _total = Stopwatch.StartNew();
        private readonly Stopwatch _step = Stopwatch.StartNew();
        private readonly IList<ProbeStepTiming>? _trace;

        public ProbeContext(ProbePlan plan, ProbeOptions options, CancellationToken token, IList<ProbeStepTiming>? trace)
        {
            Plan = plan;
            Options = options;
            Token = token;
            _trace = trace;
        }

        public ProbePlan Plan { get; }
        public ProbeOptions Options { get; }
        /// <summary>Cancelled by the caller or by the probe's own timeout; every wait in a probe uses it.</summary>
        public CancellationToken Token { get; }
        public ProbeStep Step { get; private set; } = ProbeStep.Start;
        /// <summary>What the current step talks to ("10.0.0.4:443", "proxy p:3128"), for a timeout's evidence.</summary>
        public string Target { get; set; } = "";
        public string Addresses { get; set; } = "";
        public IHostResolver Resolver => Options.Resolver ?? SystemResolver.Instance;
        public int Port => Options.PortFor(Plan.Port);
        public double ElapsedMs => _total.Elapsed.TotalMilliseconds;
        public TimeSpan Remaining => Options.Timeout - _total.Elapsed;

        /// <summary>Ends the previous step's measurement and starts the next.</summary>
        public void Begin(ProbeStep step, string target = "")
        {
            Finish();
            Step = step;
            Target = target;
            _step.Restart();
        }

        public ProbeOutcome Pass(string detail)
        {
            Finish();
            return ProbeOutcome.Passed(detail, Addresses, ElapsedMs);
        }

        public ProbeOutcome Fail(ProbeFailureKind kind, string detail)
        {
            Finish();
            return ProbeOutcome.Failed(kind, detail, Addresses, ElapsedMs);
        }

        /// <summary>Our timeout fired: the step under way is what did not finish, and it decides the kind.</summary>
        public ProbeOutcome TimedOut()
        {
            var within = "within " + ProbeText.Seconds(Options.Timeout);
            var at = Target.Length > 0 ? " (" + Target + ")" : "";
            switch (Step)
            {
                case ProbeStep.Resolve:
                    return Fail(ProbeFailureKind.DnsFailure, "name resolution of " + Plan.Host + " did not finish " + within);
                case ProbeStep.Connect:
                    return Fail(ProbeFailureKind.TcpTimeout, "no answer to SYN " + within + at);
                case ProbeStep.ProxyConnect:
                    return Fail(ProbeFailureKind.TcpTimeout, "no answer to SYN from the proxy " + within + at);
                case ProbeStep.ProxyHandshake:
                    return Fail(ProbeFailureKind.Timeout, "proxy CONNECT response did not arrive " + within + at);
                case ProbeStep.TlsHandshake:
                    return Fail(ProbeFailureKind.Timeout, "TLS handshake did not finish " + within + at);
                case ProbeStep.HttpExchange:
                    return Fail(ProbeFailureKind.Timeout, "HTTP response did not arrive " + within + at);
                case ProbeStep.NtpExchange:
                    return Fail(ProbeFailureKind.NtpNoReply, "no valid NTP reply " + within + at);
                case ProbeStep.DnsExchange:
                    return Fail(ProbeFailureKind.DnsFailure, "no answer from server " + within + at);
                default:
                    return Fail(ProbeFailureKind.Timeout, "probe did not start " + within);
            }
        }

        private void Finish()
        {
            if (Step != ProbeStep.Start && _step.IsRunning)
                _trace?.Add(new ProbeStepTiming(Step, _step.Elapsed.TotalMilliseconds));
            _step.Stop();
        }
    }
}
