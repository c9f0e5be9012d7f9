using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>
    /// Transient trouble on the way to ARM costs a retry, not the cluster; lasting trouble is one error naming what
    /// went wrong, after a bounded number of attempts.
    /// </summary>
    public sealed class RetryTests
    {
        /// <summary>Short enough to keep the suite quick where every attempt is slowed anyway.</summary>
        private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);

        private static async Task<(ClusterOutcome Outcome, LiveArm Arm, string Id)> ReadWith(FakeArmServer server, Func<FakeRequest, Fault> faults,
            Action<ArmClientOptions>? tune = null)
        {
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.Faults = faults;
            var arm = new LiveArm(server, tune: tune);
            var outcome = await new LiveClusterRules(new RuleRequest(), arm.Client).ForResourceIdAsync(id, CancellationToken.None);
            return (outcome, arm, id);
        }

        private static Func<FakeRequest, Fault> OnClusterGet(Func<int, Fault> byAttempt) =>
            r => r.Kind == FakeRequestKind.ClusterGet ? byAttempt(r.Attempt) : Fault.None;

        private static void AssertRead(ClusterOutcome outcome)
        {
            Assert.Null(outcome.Error);
            Assert.Contains(outcome.Rules, r => r.Destination == "aks-basic-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io");
        }

        private static void AssertFailed(ClusterOutcome outcome, string errorId, string id)
        {
            Assert.Equal(errorId, outcome.Error?.ErrorId);
            Assert.Equal(id, outcome.Error!.Target);
            Assert.Empty(outcome.Rules);
            Assert.Contains("'aks-basic'", outcome.Error.Message);
        }

        [Fact]
        public async Task A_throttled_read_waits_as_long_as_Retry_After_says_then_succeeds()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, _, _) = await ReadWith(server, OnClusterGet(a => a == 1 ? Fault.TooManyRequests(1) : Fault.None));

            AssertRead(outcome);
            var gets = server.Requests.Of(FakeRequestKind.ClusterGet);
            Assert.Equal(2, gets.Count);
            Assert.Equal(new[] { 429, 200 }, gets.Select(r => r.Status));
            // LiveArm's own back-off starts at 20 ms (about 100 ms at most over three retries): only Retry-After explains a second.
            var gap = gets[1].ReceivedAt - gets[0].ReceivedAt;
            Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"the retry came {gap.TotalMilliseconds:F0} ms after the 429 with Retry-After: 1");
        }

        [Fact]
        public async Task A_Retry_After_longer_than_MaxRetryDelay_is_not_waited_for_and_is_that_clusters_throttled_error()
        {
            await using var server = await FakeArmServer.StartAsync();

            // 30 s asked, 1 s allowed: a runbook must not hang on one cluster's throttling.
            var started = DateTimeOffset.UtcNow;
            var (outcome, _, id) = await ReadWith(server, OnClusterGet(_ => Fault.TooManyRequests(30)), o => o.MaxRetryDelay = TimeSpan.FromSeconds(1));

            AssertFailed(outcome, "ClusterReadThrottled", id);
            Assert.Single(server.Requests.Of(FakeRequestKind.ClusterGet));
            Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20), "the 30 s Retry-After was waited for");
        }

        [Fact]
        public async Task Throttled_on_every_attempt_is_ClusterReadThrottled()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, _, id) = await ReadWith(server, OnClusterGet(_ => Fault.TooManyRequests(0)), o => o.MaxRetries = 2);

            AssertFailed(outcome, "ClusterReadThrottled", id);
            Assert.Contains("429", outcome.Error!.Message);
            Assert.Contains("Retry-After", outcome.Error.Message);
            Assert.Equal(3, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
        }

        [Fact]
        public async Task Two_server_errors_then_success_is_a_success()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, arm, _) = await ReadWith(server, OnClusterGet(a => a <= 2 ? Fault.ServerError() : Fault.None));

            AssertRead(outcome);
            Assert.Equal(new[] { 500, 500, 200 }, server.Requests.Of(FakeRequestKind.ClusterGet).Select(r => r.Status));
            Assert.Equal(4, arm.Client.RequestCount); // three reads and the extension list
        }

        [Fact]
        public async Task A_server_error_on_every_attempt_is_ClusterReadServiceError_after_MaxRetries_plus_one_attempts()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, arm, id) = await ReadWith(server, OnClusterGet(_ => Fault.ServerError(503)));

            AssertFailed(outcome, "ClusterReadServiceError", id);
            Assert.Contains("503", outcome.Error!.Message);
            Assert.Contains("run the command again", outcome.Error.Message);
            Assert.Equal(arm.Client.Options.MaxRetries + 1, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
            Assert.Empty(server.Requests.Of(FakeRequestKind.ExtensionsList));
        }

        [Fact]
        public async Task A_slow_first_answer_times_out_and_the_retry_succeeds()
        {
            await using var server = await FakeArmServer.StartAsync();

            // The limit is generous for a loopback answer, so only the slowed first attempt runs into it.
            var (outcome, _, _) = await ReadWith(server, OnClusterGet(a => a == 1 ? Fault.Slow(TimeSpan.FromSeconds(3)) : Fault.None),
                o => o.NetworkTimeout = TimeSpan.FromSeconds(1));

            AssertRead(outcome);
            var gets = server.Requests.Of(FakeRequestKind.ClusterGet);
            Assert.Equal(2, gets.Count);
            Assert.Equal(0, gets[0].Status); // the client gave up on it
            Assert.Equal(200, gets[1].Status);
        }

        [Fact]
        public async Task Slow_on_every_attempt_is_ClusterReadTimeout()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, arm, id) = await ReadWith(server, OnClusterGet(_ => Fault.Slow(TimeSpan.FromSeconds(2))),
                o => o.NetworkTimeout = ShortTimeout);

            AssertFailed(outcome, "ClusterReadTimeout", id);
            Assert.Contains("network path", outcome.Error!.Message);
            Assert.Equal(AksEgress.Errors.AksEgressErrorKind.OperationTimeout, outcome.Error.Kind);
            Assert.Equal(arm.Client.Options.MaxRetries + 1, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
        }

        [Fact]
        public async Task A_truncated_first_answer_is_asked_again()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, _, _) = await ReadWith(server, OnClusterGet(a => a == 1 ? Fault.TruncatedJson() : Fault.None));

            AssertRead(outcome);
            Assert.Equal(2, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
        }

        [Fact]
        public async Task Truncated_on_every_attempt_is_ClusterReadMalformedResponse()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, arm, id) = await ReadWith(server, OnClusterGet(_ => Fault.TruncatedJson()));

            AssertFailed(outcome, "ClusterReadMalformedResponse", id);
            Assert.Contains("not valid JSON", outcome.Error!.Message);
            Assert.Equal(arm.Client.Options.MalformedResponseRetries + 1, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
        }

        [Fact]
        public async Task A_dropped_first_connection_is_retried()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, _, _) = await ReadWith(server, OnClusterGet(a => a == 1 ? Fault.DropConnection() : Fault.None));

            AssertRead(outcome);
            Assert.Equal(2, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
        }

        [Fact]
        public async Task Dropped_on_every_attempt_is_ClusterReadConnectionFailed()
        {
            await using var server = await FakeArmServer.StartAsync();

            var (outcome, arm, id) = await ReadWith(server, OnClusterGet(_ => Fault.DropConnection()));

            AssertFailed(outcome, "ClusterReadConnectionFailed", id);
            Assert.Equal(AksEgress.Errors.AksEgressErrorKind.ConnectionError, outcome.Error!.Kind);
            Assert.Equal(arm.Client.Options.MaxRetries + 1, server.Requests.Of(FakeRequestKind.ClusterGet).Count);
        }

        [Fact]
        public async Task A_transient_failure_of_the_extension_list_is_retried_too()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.AddExtensions(id, "microsoft.flux");
            server.Faults = r => r.Kind == FakeRequestKind.ExtensionsList && r.Attempt == 1 ? Fault.ServerError() : Fault.None;

            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.DoesNotContain(outcome.Warnings, w => w.Contains("extensions", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(AksFeature.ClusterExtensions, LiveSupport.Features(outcome));
        }
    }
}
