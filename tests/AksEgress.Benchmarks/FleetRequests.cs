using System.Diagnostics;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// HTTP requests made for a whole fleet through -All (LiveClusterRules.ForFleetAsync), against the tests' fake
    /// ARM / Resource Graph server on 127.0.0.1: a count, not a timing, so it holds on any machine.
    /// </summary>
    internal static class FleetRequests
    {
        internal sealed record Result(int Clusters, int Handed, int Succeeded, int Failed, int ClientRequests, int ServerRequests, TimeSpan Elapsed,
            string? FirstError);

        public static async Task<Result> RunAsync(int clusters, int subscriptions)
        {
            await using var server = await FakeArmServer.StartAsync();
            for (var i = 0; i < clusters; i++)
            {
                var subscription = $"{i % subscriptions + 1:D8}-aaaa-bbbb-cccc-dddddddddddd";
                server.AddCluster(FakeClusters.Document(subscription, $"rg-{i % 17}", $"aks-{i:D5}", Regions[i % Regions.Length]));
            }

            var client = new ArmClient(ArmCloud.For(AzureCloudName.AzureCloud).WithEndpoint(server.Endpoint), new FixedToken(server.ExpectedToken),
                new ArmClientOptions { Transport = new HttpClientTransport(server.CreateTrustingHandler()) });
            var live = new LiveClusterRules(new RuleRequest(), client);

            int succeeded = 0, failed = 0;
            string? firstError = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var watch = Stopwatch.StartNew();
            var handed = await live.ForFleetAsync(null, outcome =>
            {
                if (outcome.Error == null) Interlocked.Increment(ref succeeded);
                else if (Interlocked.Increment(ref failed) == 1) firstError = $"{outcome.Target}: {outcome.Error.Message}";
            }, null, timeout.Token);
            watch.Stop();
            return new Result(succeeded + failed, handed, succeeded, failed, client.RequestCount, server.Requests.Count, watch.Elapsed, firstError);
        }

        private static readonly string[] Regions = { "eastus", "westeurope", "koreacentral", "westus2", "southeastasia", "japaneast" };

        private sealed class FixedToken(string token) : TokenCredential
        {
            public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                new(token, DateTimeOffset.UtcNow.AddHours(1));

            public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
                new(GetToken(requestContext, cancellationToken));
        }
    }
}
