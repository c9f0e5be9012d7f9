using System.Net;
using AksEgress.Probing;
using static AksEgress.Tests.Probing.Probes.ProbeKit;

namespace AksEgress.Tests.Probing.Probes
{
    public class ProberTests
    {
        [Fact]
        public async Task ASkipPlanIsSkippedWithItsReasonAndTouchesNothing()
        {
            var outcome = await Prober.RunAsync(ProbePlan.Skip("private link: resolved inside the cluster only"), new ProbeOptions(), CancellationToken.None);

            Assert.Equal(ProbeStatus.Skipped, outcome.Status);
            Assert.Equal("private link: resolved inside the cluster only", outcome.Detail);
        }

        [Fact]
        public async Task AnAlreadyCancelledCallThrows()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => Prober.RunAsync(Plan(ProbeKind.Tcp, "127.0.0.1", 1), new ProbeOptions(), cancelled.Token));
        }

        [Fact]
        public async Task AResolverThatHangsIsDnsFailureNamingTheLookupWithinTheTimeout()
        {
            var options = Options(TimeSpan.FromMilliseconds(500));
            options.Resolver = new HangingResolver();

            var (outcome, elapsed, _) = await RunAsync(Plan(ProbeKind.Https, Host, 443), options);

            AssertFailed(outcome, ProbeFailureKind.DnsFailure, "name resolution of mcr.microsoft.com did not finish within 0.5 s");
            Assert.True(elapsed < TimeSpan.FromSeconds(1), elapsed.ToString());
        }

        [Fact]
        public async Task CancellingDuringAHangingLookupThrows()
        {
            var options = Options(TimeSpan.FromSeconds(30));
            options.Resolver = new HangingResolver();
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Prober.RunAsync(Plan(ProbeKind.Https, Host, 443), options, cancel.Token));
        }

        /// <summary>Never answers until cancelled, as a lookup to an unreachable DNS server.</summary>
        private sealed class HangingResolver : IHostResolver
        {
            public async Task<ResolveResult> ResolveAsync(string host, CancellationToken cancel)
            {
                await Task.Delay(Timeout.Infinite, cancel);
                return ResolveResult.Of(new[] { IPAddress.Loopback });
            }
        }
    }
}
