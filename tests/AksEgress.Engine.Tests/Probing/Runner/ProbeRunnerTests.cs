using System.Collections.Concurrent;
using System.Diagnostics;
using AksEgress.Probing;

namespace AksEgress.Tests.Probing.Runner
{
    /// <summary>The runner's promises: bounded concurrency, every rule answered once in order, Ctrl+C stops everything.</summary>
    public sealed class ProbeRunnerTests
    {
        private static List<PlannedProbe> Probes(int count, RuleRequirement requirement = RuleRequirement.Required) =>
            Enumerable.Range(0, count).Select(i => new PlannedProbe(
                new AksEgressRule { RuleId = "r" + i, Destination = "h" + i, Port = 443, Protocol = RuleProtocol.HTTPS, Requirement = requirement },
                new ProbePlan { Kind = ProbeKind.Https, Host = "h" + i, Port = 443 })).ToList();

        [Fact]
        public async Task NeverMoreProbesInFlightThanTheLimitAndEveryRuleAnsweredOnceInOrder()
        {
            var inFlight = 0;
            var peak = 0;
            var random = new Random(7);
            var delays = Enumerable.Range(0, 60).Select(_ => random.Next(1, 25)).ToArray();
            var runner = new ProbeRunner(new ProbeOptions(), 4, async (plan, _, cancel) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref peak, now);
                await Task.Delay(delays[int.Parse(plan.Host[1..])], cancel);
                Interlocked.Decrement(ref inFlight);
                return ProbeOutcome.Passed("HTTP/1.1 200 OK", "127.0.0.1", 1);
            });
            var results = new List<AksEgressTestResult>();
            var progress = new List<int>();

            var summary = await runner.RunAsync(Probes(60), results.Add, (done, total) => progress.Add(done), CancellationToken.None);

            Assert.True(peak <= 4, $"{peak} probes ran at once with a limit of 4");
            Assert.Equal(Enumerable.Range(0, 60).Select(i => "r" + i), results.Select(r => r.RuleId));
            Assert.Equal(Enumerable.Range(1, 60), progress);
            Assert.Equal(60, summary.Passed);
            Assert.True(summary.AllRequiredPassed);
        }

        [Fact]
        public async Task TheRunTakesAboutAsLongAsTheSlowestProbeNotTheirSum()
        {
            var runner = new ProbeRunner(new ProbeOptions(), 16, async (_, _, cancel) =>
            {
                await Task.Delay(300, cancel);
                return ProbeOutcome.Passed("", "", 300);
            });
            var watch = Stopwatch.StartNew();

            await runner.RunAsync(Probes(16), _ => { }, null, CancellationToken.None);

            // 16 probes of 300 ms each, all at once: far below the 4.8 s they would take one by one.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.4), $"took {watch.Elapsed.TotalMilliseconds:F0} ms");
        }

        [Fact]
        public async Task AProbeThatThrowsIsAFailedResultAndTheOthersGoOn()
        {
            var runner = new ProbeRunner(new ProbeOptions(), 2, (plan, _, _) =>
                plan.Host == "h1" ? throw new InvalidOperationException("boom") : Task.FromResult(ProbeOutcome.Passed("", "", 1)));
            var results = new List<AksEgressTestResult>();

            var summary = await runner.RunAsync(Probes(3), results.Add, null, CancellationToken.None);

            Assert.Equal(3, results.Count);
            Assert.Equal(ProbeStatus.Failed, results[1].Status);
            Assert.Contains("boom", results[1].Detail);
            Assert.Equal((2, 1), (summary.Passed, summary.Failed));
            Assert.False(summary.AllRequiredPassed);
        }

        [Fact]
        public async Task ASkippedRequiredRuleIsNotAPassForQuiet()
        {
            var runner = new ProbeRunner(new ProbeOptions(), 2, (plan, _, _) =>
                Task.FromResult(plan.Host == "h0" ? ProbeOutcome.Skipped("UDP 1194 needs a peer") : ProbeOutcome.Passed("", "", 1)));

            var summary = await runner.RunAsync(Probes(2), _ => { }, null, CancellationToken.None);

            Assert.Equal((1, 0, 1), (summary.Passed, summary.Failed, summary.Skipped));
            Assert.False(summary.AllRequiredPassed);
            Assert.Equal("r0 (h0: Skipped)", Assert.Single(summary.RequiredNotPassed));
            Assert.Equal("1 passed, 0 failed, 1 skipped", summary.ToString());
        }

        [Fact]
        public async Task CancellingStopsEveryProbeWithinASecondAndWritesNothingMore()
        {
            var runner = new ProbeRunner(new ProbeOptions(), 8, async (_, _, cancel) =>
            {
                await Task.Delay(Timeout.Infinite, cancel);
                return ProbeOutcome.Passed("", "", 0);
            });
            var results = new ConcurrentBag<AksEgressTestResult>();
            using var cancel = new CancellationTokenSource(200);
            var watch = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(Probes(40), results.Add, null, cancel.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.2), $"returned {watch.Elapsed.TotalMilliseconds:F0} ms after starting (cancelled at 200 ms)");
            Assert.Empty(results);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
