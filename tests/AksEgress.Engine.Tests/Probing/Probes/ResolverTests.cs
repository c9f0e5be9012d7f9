using System.Net;
using System.Net.Sockets;
using AksEgress.Probing;

namespace AksEgress.Tests.Probing.Probes
{
    public class ResolverTests
    {
        [Theory]
        [InlineData("127.0.0.1")]
        [InlineData("::1")]
        public async Task SystemResolverReturnsALiteralAsItIs(string literal)
        {
            var result = await SystemResolver.Instance.ResolveAsync(literal, CancellationToken.None);

            Assert.True(result.Succeeded);
            Assert.Equal(IPAddress.Parse(literal), Assert.Single(result.Addresses));
        }

        [Theory]
        [InlineData(SocketError.HostNotFound, "NXDOMAIN (system resolver)")]
        [InlineData(SocketError.TryAgain, "SERVFAIL or no answer (system resolver)")]
        [InlineData(SocketError.NoData, "no A or AAAA record (system resolver)")]
        [InlineData(SocketError.AccessDenied, "AccessDenied (system resolver)")]
        public void SystemResolverErrorsReadAsDnsOutcomes(SocketError error, string evidence)
        {
            Assert.Equal(evidence, SystemResolver.Describe(error));
        }

        [Fact]
        public async Task SystemResolverHonoursCancellation()
        {
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SystemResolver.Instance.ResolveAsync("mcr.microsoft.com", cancelled.Token));
        }

        [Fact]
        public async Task MapResolverAnswersFromItsMapIgnoringCaseAndTheTrailingDot()
        {
            var map = new MapResolver(new Dictionary<string, IPAddress[]> { ["MCR.microsoft.com"] = [IPAddress.Loopback, IPAddress.IPv6Loopback] });

            var result = await map.ResolveAsync("mcr.microsoft.com.", CancellationToken.None);

            Assert.Equal(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }, result.Addresses);
        }

        [Fact]
        public async Task MapResolverWithoutFallbackSaysNxdomain()
        {
            var map = new MapResolver(new Dictionary<string, IPAddress[]>(), null);

            var result = await map.ResolveAsync("nowhere.example", CancellationToken.None);

            Assert.False(result.Succeeded);
            Assert.Equal("NXDOMAIN (not in the test map)", result.Failure);
            Assert.Equal("127.0.0.1", Assert.Single((await map.ResolveAsync("127.0.0.1", CancellationToken.None)).Addresses).ToString());
        }

        [Fact]
        public async Task MapResolverAsksTheFallbackForWhatItDoesNotKnow()
        {
            var inner = new MapResolver(new Dictionary<string, IPAddress[]> { ["b.example"] = [IPAddress.Parse("127.0.0.2")] });
            var map = new MapResolver(new Dictionary<string, IPAddress[]> { ["a.example"] = [IPAddress.Loopback] }, inner);

            Assert.Equal("127.0.0.1", (await map.ResolveAsync("a.example", CancellationToken.None)).Addresses[0].ToString());
            Assert.Equal("127.0.0.2", (await map.ResolveAsync("b.example", CancellationToken.None)).Addresses[0].ToString());
            Assert.Equal("NXDOMAIN (not in the test map)", (await map.ResolveAsync("c.example", CancellationToken.None)).Failure);
        }

        [Fact]
        public async Task AnEmptyEntryIsNoAddressRatherThanSuccess()
        {
            var map = new MapResolver(new Dictionary<string, IPAddress[]> { ["empty.example"] = [] });

            var result = await map.ResolveAsync("empty.example", CancellationToken.None);

            Assert.False(result.Succeeded);
        }
    }
}
