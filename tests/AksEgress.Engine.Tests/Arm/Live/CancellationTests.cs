using System.Collections.Concurrent;
using System.Diagnostics;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>Ctrl+C stops a run at once, whatever ARM is doing, and is not reported as a failure of a cluster.</summary>
    public sealed class CancellationTests
    {
        private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

        [Fact]
        public async Task A_fleet_run_waiting_on_a_slow_Resource_Graph_stops_promptly_when_cancelled()
        {
            await using var server = await FakeArmServer.StartAsync();
            for (var i = 0; i < 5; i++) server.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg", "aks" + i));
            server.Faults = r => r.Kind == FakeRequestKind.ResourceGraphQuery ? Fault.Slow(TimeSpan.FromSeconds(30)) : Fault.None;
            var outcomes = new ConcurrentBag<ClusterOutcome>();
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.ForFleetAsync(null, outcomes.Add, null, cancel.Token));

            Assert.True(clock.Elapsed < Promptly, $"took {clock.ElapsedMilliseconds} ms to stop");
            Assert.Empty(outcomes);
            Assert.True(server.Requests.Count <= 1, "the page was asked for again after the cancellation");
        }

        [Fact]
        public async Task A_fleet_run_waiting_on_slow_outbound_lists_stops_promptly_when_cancelled()
        {
            await using var server = await FakeArmServer.StartAsync();
            for (var i = 0; i < 40; i++) server.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg", "aks" + i));
            server.Faults = r => r.Kind == FakeRequestKind.OutboundEndpointsList ? Fault.Slow(TimeSpan.FromSeconds(30)) : Fault.None;
            var outcomes = new ConcurrentBag<ClusterOutcome>();
            var live = new LiveClusterRules(new RuleRequest { IncludeServiceReported = true }, new LiveArm(server, tune: o => o.NetworkTimeout = TimeSpan.FromSeconds(20)).Client);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.ForFleetAsync(null, outcomes.Add, null, cancel.Token));

            Assert.True(clock.Elapsed < Promptly, $"took {clock.ElapsedMilliseconds} ms to stop");
            // A cancelled cluster is not a failed cluster: no error outcome for it.
            Assert.DoesNotContain(outcomes, o => o.Error != null);
        }

        [Fact]
        public async Task A_read_by_id_that_is_cancelled_throws_instead_of_reporting_a_timeout()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.Faults = r => r.Kind == FakeRequestKind.ClusterGet ? Fault.Slow(TimeSpan.FromSeconds(30)) : Fault.None;
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => live.ForResourceIdAsync(id, cancel.Token));

            Assert.True(clock.Elapsed < Promptly, $"took {clock.ElapsedMilliseconds} ms to stop");
        }

        [Fact]
        public async Task A_cancelled_fleet_run_ends_only_after_the_cluster_work_it_started()
        {
            await using var server = await FakeArmServer.StartAsync();
            for (var i = 0; i < 5; i++) server.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg", "aks" + i));
            var live = new LiveClusterRules(new RuleRequest { IncludeServiceReported = true },
                new LiveArm(server, tune: o => o.MaxConcurrentRequests = 1).Client);
            using var cancel = new CancellationTokenSource();
            var firstSinkEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var releaseSink = new ManualResetEventSlim();
            var sinkCalls = 0;
            void Sink(ClusterOutcome outcome)
            {
                // The first cluster's sink call holds the only slot until the test lets it go.
                if (Interlocked.Increment(ref sinkCalls) != 1) return;
                firstSinkEntered.SetResult();
                releaseSink.Wait(TimeSpan.FromSeconds(5));
            }

            var run = live.ForFleetAsync(null, Sink, null, cancel.Token);
            await firstSinkEntered.Task.WaitAsync(TimeSpan.FromSeconds(5));
            cancel.Cancel();
            var endedWhileClusterWorkRan = await Task.WhenAny(run, Task.Delay(1000)) == run;
            releaseSink.Set();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.False(endedWhileClusterWorkRan, "ForFleetAsync ended while a cluster it started was still being handed out");
        }
    }
}
