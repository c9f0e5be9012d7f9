using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    public sealed class LiveSmokeTests
    {
        [Fact]
        public async Task A_cluster_read_by_id_gives_its_rules()
        {
            await using var server = await FakeArmServer.StartAsync();
            var doc = LiveArm.DocumentText("basic-public");
            server.AddCluster(doc);
            var id = System.Text.Json.JsonDocument.Parse(doc).RootElement.GetProperty("id").GetString()!;
            var arm = new LiveArm(server);
            var live = new LiveClusterRules(new RuleRequest(), arm.Client);
            var outcome = await live.ForResourceIdAsync(id, CancellationToken.None);
            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            Assert.All(outcome.Rules, r => Assert.Equal("aks-basic", r.ClusterName));
        }

        [Fact]
        public async Task A_fleet_comes_in_pages()
        {
            await using var server = await FakeArmServer.StartAsync();
            for (var i = 0; i < 2500; i++) server.AddCluster(FakeClusters.Document("00000000-1111-2222-3333-444444444444", "rg", "aks" + i));
            var arm = new LiveArm(server);
            var live = new LiveClusterRules(new RuleRequest(), arm.Client);
            var outcomes = new System.Collections.Concurrent.ConcurrentBag<ClusterOutcome>();
            var count = await live.ForFleetAsync(null, outcomes.Add, null, CancellationToken.None);
            Assert.Equal(2500, count);
            Assert.All(outcomes, o => Assert.Null(o.Error));
            Assert.Equal(3, arm.Client.RequestCount);
        }
    }
}
