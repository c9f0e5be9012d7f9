using System.Diagnostics;
using System.Net;
using AksEgress.Probing;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>Options aiming every probe at the test's own listeners: names mapped to 127.0.0.1, rule ports to listener ports.</summary>
    internal static class ProbeKit
    {
        public const string Host = "mcr.microsoft.com";

        // Measured here (2 CPUs, a loaded box): the test host blocks pool threads for up to a second early in a run,
        // and with the default minimum (one thread per CPU) a probe's timeout timer, whose callback needs a pool
        // thread, then fires late. The timing assertions are about the probe, not the pool's slow thread injection.
        static ProbeKit() => EnsurePoolHeadroom();

        public static void EnsurePoolHeadroom()
        {
            ThreadPool.GetMinThreads(out var workers, out var io);
            if (workers < 16)
                ThreadPool.SetMinThreads(16, Math.Max(io, 16));
        }

        public static ProbeOptions Options(TimeSpan timeout, params (int Rule, int Listener)[] ports)
        {
            var options = new ProbeOptions
            {
                Timeout = timeout,
                Resolver = new MapResolver(new Dictionary<string, IPAddress[]>
                {
                    [Host] = [IPAddress.Loopback],
                    ["ntp.ubuntu.com"] = [IPAddress.Loopback],
                    ["packages.microsoft.com"] = [IPAddress.Loopback],
                    ["proxy.corp.example"] = [IPAddress.Loopback],
                }),
            };
            foreach (var (rule, listener) in ports)
                options.PortOverrides[rule] = listener;
            return options;
        }

        public static ProbePlan Plan(ProbeKind kind, string host, int port) => new() { Kind = kind, Host = host, Port = port };

        public static async Task<(ProbeOutcome Outcome, TimeSpan Elapsed, List<ProbeStepTiming> Trace)> RunAsync(ProbePlan plan, ProbeOptions options, CancellationToken cancel = default)
        {
            var trace = new List<ProbeStepTiming>();
            var clock = Stopwatch.StartNew();
            var outcome = await Prober.RunAsync(plan, options, trace, cancel);
            return (outcome, clock.Elapsed, trace);
        }

        public static void AssertFailed(ProbeOutcome outcome, ProbeFailureKind kind, string detailContains)
        {
            Assert.True(outcome.Status == ProbeStatus.Failed && outcome.FailureKind == kind,
                $"expected Failed/{kind}, got {outcome.Status}/{outcome.FailureKind}: {outcome.Detail}");
            Assert.Contains(detailContains, outcome.Detail);
        }

        public static void AssertPassed(ProbeOutcome outcome, string detailContains)
        {
            Assert.True(outcome.Status == ProbeStatus.Passed, $"expected Passed, got {outcome.Status}/{outcome.FailureKind}: {outcome.Detail}");
            Assert.Contains(detailContains, outcome.Detail);
        }
    }
}
