using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AksEgress.Catalog;
using AksEgress.Probing;
using AksEgress.Tests.Probing.Probes;
using Xunit.Abstractions;

namespace AksEgress.Tests.Probing.Runner
{
    /// <summary>
    /// Ctrl+C during Test-AksEgress while real connects hang on dropped SYNs: the run stops at once, writes nothing more,
    /// and closes its sockets. Rules go the cmdlet's way (EgressTestSetup, ProbeRunner, Prober) to a BlackHole on 127.0.0.1.
    /// </summary>
    public sealed class RunCancellationTests
    {
        // Far beyond any test: nothing but the cancellation can end a probe of a black-holed port.
        private const int TimeoutSec = 30;
        private const int ThrottleLimit = 16;
        private static readonly TimeSpan StopsWithin = TimeSpan.FromSeconds(1);

        private readonly ITestOutputHelper _output;

        public RunCancellationTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task CancellingARunOfBlackHoledConnectsEndsItWithinASecondWritesNothingAndClosesTheSockets()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);
            var rules = Enumerable.Range(1, 20).Select(i => Rule($"dropped-{i:D2}", "127.0.0.1", RuleProtocol.TCP, hole.Port)).ToList();
            var delivered = new ConcurrentQueue<(string RuleId, bool AfterCancel)>();
            using var cancel = new CancellationTokenSource();

            var run = Start(rules, Options(), cancel, delivered, null);
            int? before;
            TimeSpan stopped;
            try
            {
                await Task.Delay(300);
                // 16 connects in flight, the other 4 waiting for a slot: the sockets cancellation has to close.
                before = await WaitForPendingAsync(hole.Port, ThrottleLimit);
                stopped = await CancelAndTimeAsync(cancel, run);
            }
            finally
            {
                cancel.Cancel(); // a failed step must not leave 30-second probes running past the test
            }

            Assert.True(stopped < StopsWithin, $"the run ended {stopped.TotalMilliseconds:F0} ms after cancel");
            Assert.Empty(delivered);
            var after = await WaitForPendingAsync(hole.Port, 0);
            _output.WriteLine($"pending connects to the hole: {Show(before)} before cancel, {Show(after)} after; ended {stopped.TotalMilliseconds:F0} ms after cancel");
            if (before != null)
            {
                Assert.Equal(ThrottleLimit, before);
                Assert.Equal(0, after);
            }
        }

        [Fact]
        public async Task ResultsDeliveredBeforeCancelAreTheInOrderPrefixAndFinishedLaterRulesAreNeverWritten()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);
            using var http = ProbeServers.Http(ProbeServers.Ok);
            using var tcp = new LoopbackServer((_, _) => Task.CompletedTask);
            var options = Options((80, http.Port), (9000, tcp.Port), (6443, hole.Port));
            // 24 rules, every sixth dropped: the five before the first drop can be written, the 15 answered after it only wait.
            var rules = Enumerable.Range(0, 24).Select(i => i % 6 == 5
                ? Rule($"dropped-{i:D2}", Host(i), RuleProtocol.TCP, 6443)
                : Rule($"answered-{i:D2}", Host(i), i % 2 == 0 ? RuleProtocol.HTTP : RuleProtocol.TCP, i % 2 == 0 ? 80 : 9000)).ToList();
            var answered = rules.Count(r => r.RuleId.StartsWith("answered", StringComparison.Ordinal));
            var allAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var delivered = new ConcurrentQueue<(string RuleId, bool AfterCancel)>();
            var statuses = new ConcurrentQueue<ProbeStatus>();
            using var cancel = new CancellationTokenSource();

            var run = Start(rules, options, cancel, delivered, statuses, (finished, _) =>
            {
                if (finished == answered) allAnswered.TrySetResult();
            });
            int? before;
            TimeSpan stopped;
            try
            {
                // Cancel only once every answered rule has its result, so those after a drop are done but held for order.
                await allAnswered.Task.WaitAsync(TimeSpan.FromSeconds(10));
                before = await WaitForPendingAsync(hole.Port, rules.Count - answered);
                stopped = await CancelAndTimeAsync(cancel, run);
            }
            finally
            {
                cancel.Cancel();
            }

            Assert.True(stopped < StopsWithin, $"the run ended {stopped.TotalMilliseconds:F0} ms after cancel");
            Assert.Equal(rules.Take(5).Select(r => r.RuleId), delivered.Select(d => d.RuleId));
            Assert.All(statuses, status => Assert.Equal(ProbeStatus.Passed, status));
            Assert.DoesNotContain(delivered, d => d.AfterCancel);
            var after = await WaitForPendingAsync(hole.Port, 0);
            _output.WriteLine($"pending connects to the hole: {Show(before)} before cancel, {Show(after)} after; ended {stopped.TotalMilliseconds:F0} ms after cancel");
            if (before != null)
            {
                Assert.Equal(rules.Count - answered, before);
                Assert.Equal(0, after);
            }
        }

        private static Task<ProbeSummary> Start(List<AksEgressRule> rules, ProbeOptions options, CancellationTokenSource cancel,
            ConcurrentQueue<(string RuleId, bool AfterCancel)> delivered, ConcurrentQueue<ProbeStatus>? statuses, Action<int, int>? progress = null)
        {
            var probes = EgressTestSetup.Plan(rules, RuleCatalog.Default);
            return new ProbeRunner(options, ThrottleLimit, Prober.RunAsync).RunAsync(probes, result =>
            {
                delivered.Enqueue((result.RuleId, cancel.IsCancellationRequested));
                statuses?.Enqueue(result.Status);
            }, progress, cancel.Token);
        }

        /// <summary>Cancels and returns how long the run took to end after it; the run must end cancelled.</summary>
        private static async Task<TimeSpan> CancelAndTimeAsync(CancellationTokenSource cancel, Task run)
        {
            Assert.False(run.IsCompleted, "the run ended before it was cancelled: " + run.Status);
            var watch = Stopwatch.StartNew();
            cancel.Cancel();
            // The bound keeps a run that ignores cancellation from hanging the suite for the 30 s timeout.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
            return watch.Elapsed;
        }

        /// <summary>What Test-AksEgress -TimeoutSec builds, with names on loopback and the rules' ports sent to the test's.</summary>
        private static ProbeOptions Options(params (int Rule, int Listener)[] ports)
        {
            var options = EgressTestSetup.Options(new EgressTestRequest { TimeoutSec = TimeoutSec, ThrottleLimit = ThrottleLimit });
            options.Resolver = new MapResolver(Enumerable.Range(0, 24).ToDictionary(Host, _ => new[] { IPAddress.Loopback }));
            foreach (var (rule, listener) in ports)
                options.PortOverrides[rule] = listener;
            return options;
        }

        private static string Host(int i) => $"svc-{i:D2}.cancel.test";

        private static AksEgressRule Rule(string id, string destination, RuleProtocol protocol, int port) => new()
        {
            RuleId = id, Kind = protocol == RuleProtocol.TCP ? RuleKind.Network : RuleKind.Application, Destination = destination,
            DestinationType = IPAddress.TryParse(destination, out _) ? DestinationType.IpAddress : DestinationType.Fqdn,
            Protocol = protocol, Port = port, Requirement = RuleRequirement.Required, Location = "eastus",
        };

        /// <summary>Polls until <paramref name="expected"/> connects to the port are pending (or 5 s pass); null where not observable.</summary>
        private static async Task<int?> WaitForPendingAsync(int port, int expected)
        {
            var deadline = Stopwatch.StartNew();
            var count = PendingConnects(port);
            while (count != null && count != expected && deadline.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20);
                count = PendingConnects(port);
            }
            return count;
        }

        /// <summary>Sockets in SYN_SENT to 127.0.0.1:port, as the kernel lists them (Linux); null where /proc/net/tcp is absent.</summary>
        private static int? PendingConnects(int port)
        {
            if (!File.Exists("/proc/net/tcp"))
                return null;
            var remote = "0100007F:" + port.ToString("X4");
            // Columns: sl local_address rem_address st ...; st 02 is SYN_SENT.
            return File.ReadLines("/proc/net/tcp").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Count(fields => fields.Length > 3 && fields[2] == remote && fields[3] == "02");
        }

        private static string Show(int? count) => count?.ToString() ?? "unknown";
    }
}
