using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Errors;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>
    /// Get-AksEgressRule -All: every cluster Resource Graph knows, page by page, each ending in exactly one outcome
    /// whatever goes wrong on the way.
    /// </summary>
    public sealed class FleetTests
    {
        private const string SubA = LiveSupport.Sub;
        private const string SubB = "99999999-1111-2222-3333-444444444444";

        /// <summary>A fleet of <paramref name="count"/> clusters in SubA, named aks0000…, in Resource Graph order.</summary>
        private static List<string> AddFleet(FakeArmServer server, int count, Func<int, string>? document = null)
        {
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                var name = $"aks{i:D4}";
                server.AddCluster(document?.Invoke(i) ?? FakeClusters.Document(SubA, "rg-fleet", name));
                ids.Add(FakeClusters.Id(SubA, "rg-fleet", name));
            }
            return ids;
        }

        private static string WithoutLocation(string document)
        {
            var node = JsonNode.Parse(document)!.AsObject();
            node.Remove("location");
            return node.ToJsonString();
        }

        /// <summary>Which page (1-based) a Resource Graph request asks for, from its $skipToken and $top.</summary>
        private static int PageOf(FakeRequest request, int pageLimit = 250)
        {
            using var body = JsonDocument.Parse(request.Body);
            var options = body.RootElement.GetProperty("options");
            var top = options.GetProperty("$top").GetInt32();
            if (!options.TryGetProperty("$skipToken", out var token)) return 1;
            Assert.True(SkipToken.TryDecode(token.GetString()!, out var offset));
            return offset / Math.Min(top, pageLimit) + 1;
        }

        /// <summary>Page 2 throttled (Retry-After: 1), page 3 cut off, page 4 a 500: each on its first attempt only.</summary>
        private static Fault GraphFaults(FakeRequest request)
        {
            if (request.Kind != FakeRequestKind.ResourceGraphQuery || request.Attempt != 1) return Fault.None;
            return PageOf(request) switch
            {
                2 => Fault.TooManyRequests(1),
                3 => Fault.TruncatedJson(),
                4 => Fault.ServerError(),
                _ => Fault.None,
            };
        }

        // Clusters that cannot be derived, spread over the pages of 250.
        private static readonly int[] NoLocation = { 3, 251, 502, 760, 999 };
        private static readonly int[] OnMars = { 0, 249, 250, 600, 998 };

        private static string BrokenFleetDocument(int i)
        {
            var name = $"aks{i:D4}";
            if (NoLocation.Contains(i)) return WithoutLocation(FakeClusters.Document(SubA, "rg-fleet", name));
            if (OnMars.Contains(i)) return FakeClusters.Document(SubA, "rg-fleet", name, "marsnorth");
            return FakeClusters.Document(SubA, "rg-fleet", name);
        }

        /// <summary>Every id exactly once, each outcome rules or one error, never both.</summary>
        private static Dictionary<string, ClusterOutcome> ByCluster(IReadOnlyCollection<ClusterOutcome> outcomes, IReadOnlyList<string> ids)
        {
            Assert.All(outcomes, o => Assert.False(o.Error != null && o.Rules.Count > 0, "an outcome with both rules and an error"));
            var byCluster = outcomes.GroupBy(LiveSupport.ClusterOf, StringComparer.OrdinalIgnoreCase).ToList();
            var twice = byCluster.Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, "clusters with more than one outcome: " + string.Join(", ", twice.Take(5)));
            var result = byCluster.ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);
            var missing = ids.Where(id => !result.ContainsKey(id)).ToList();
            Assert.True(missing.Count == 0, "clusters without an outcome: " + string.Join(", ", missing.Take(5)));
            Assert.Equal(ids.Count, result.Count);
            return result;
        }

        private static void AssertTheBrokenOnesFailedAlone(Dictionary<string, ClusterOutcome> byCluster, IReadOnlyList<string> ids)
        {
            foreach (var i in NoLocation)
            {
                var error = byCluster[ids[i]].Error;
                Assert.Equal("ClusterLocationMissing", error?.ErrorId);
                Assert.Equal(AksEgressErrorKind.InvalidData, error!.Kind);
                Assert.Contains($"aks{i:D4}", error.Message);
            }
            foreach (var i in OnMars)
            {
                var error = byCluster[ids[i]].Error;
                Assert.Equal("UnknownLocation", error?.ErrorId);
                Assert.StartsWith($"Cluster 'aks{i:D4}':", error!.Message);
                Assert.Contains("marsnorth", error.Message);
            }
        }

        [Fact]
        public async Task A_thousand_clusters_through_flaky_pages_each_end_in_exactly_one_outcome()
        {
            await using var server = await FakeArmServer.StartAsync();
            server.ResourceGraphPageLimit = 250;
            var ids = AddFleet(server, 1000, BrokenFleetDocument);
            server.Faults = GraphFaults;
            var arm = new LiveArm(server);
            var outcomes = new ConcurrentBag<ClusterOutcome>();

            var handed = await new LiveClusterRules(new RuleRequest(), arm.Client).ForFleetAsync(null, outcomes.Add, null, CancellationToken.None);

            Assert.Equal(1000, handed);
            Assert.Equal(1000, outcomes.Count);
            var byCluster = ByCluster(outcomes, ids);
            Assert.Equal(990, byCluster.Values.Count(o => o.Error == null));
            AssertTheBrokenOnesFailedAlone(byCluster, ids);
            Assert.All(byCluster.Values.Where(o => o.Error == null), o => Assert.Contains(o.Rules, r => r.Destination.EndsWith(".hcp.eastus.azmk8s.io", StringComparison.Ordinal)));
            // Four pages, three of them asked twice; nothing per cluster.
            var graph = server.Requests.Of(FakeRequestKind.ResourceGraphQuery);
            Assert.Equal(7, graph.Count);
            Assert.Equal(7, arm.Client.RequestCount);
            Assert.Equal(new[] { 200, 429, 200, 200, 200, 500, 200 }, graph.Select(r => r.Status));
            Assert.True(graph[2].ReceivedAt - graph[1].ReceivedAt >= TimeSpan.FromMilliseconds(900), "page 2 was asked again before Retry-After");
        }

        [Fact]
        public async Task With_service_reported_endpoints_each_cluster_still_ends_in_exactly_one_outcome()
        {
            await using var server = await FakeArmServer.StartAsync();
            server.ResourceGraphPageLimit = 250;
            var ids = AddFleet(server, 1000, BrokenFleetDocument);
            // 20 clusters whose outbound list always fails; 50 whose list fails once (throttled, slow or cut off).
            var broken = NoLocation.Concat(OnMars).ToHashSet();
            var failingAt = Enumerable.Range(0, 20).Select(k => 10 + k * 47).ToHashSet();
            var failing = new HashSet<string>(failingAt.Select(i => ids[i]), StringComparer.OrdinalIgnoreCase);
            var flaky = Enumerable.Range(0, 1000).Where(i => i % 17 == 1 && !failingAt.Contains(i) && !broken.Contains(i)).Take(50).Select(i => ids[i]).ToList();
            Assert.Equal(50, flaky.Count);
            Assert.Empty(failingAt.Intersect(broken));
            var flakyFault = new Dictionary<string, Fault>(StringComparer.OrdinalIgnoreCase);
            for (var k = 0; k < flaky.Count; k++)
            {
                flakyFault[flaky[k]] = (k % 3) switch
                {
                    0 => Fault.TooManyRequests(1),
                    1 => Fault.Slow(TimeSpan.FromSeconds(4)),
                    _ => Fault.TruncatedJson(),
                };
                server.SetOutboundEndpoints(flaky[k], """{"value":[{"category":"telemetry","endpoints":[{"domainName":"contoso-telemetry.example.com","endpointDetails":[{"port":443,"protocol":"Https"}]}]}]}""");
            }
            server.Faults = r =>
            {
                if (r.Kind == FakeRequestKind.ResourceGraphQuery) return GraphFaults(r);
                if (r.Kind != FakeRequestKind.OutboundEndpointsList || r.ClusterId == null) return Fault.None;
                if (failing.Contains(r.ClusterId)) return Fault.ServerError();
                return r.Attempt == 1 && flakyFault.TryGetValue(r.ClusterId, out var fault) ? fault : Fault.None;
            };
            var arm = new LiveArm(server, tune: o =>
            {
                o.NetworkTimeout = TimeSpan.FromSeconds(1);
                o.MaxConcurrentRequests = 32;
            });
            var outcomes = new ConcurrentBag<ClusterOutcome>();

            var handed = await new LiveClusterRules(new RuleRequest { IncludeServiceReported = true }, arm.Client)
                .ForFleetAsync(null, outcomes.Add, null, CancellationToken.None);

            Assert.Equal(1000, handed);
            Assert.Equal(1000, outcomes.Count);
            var byCluster = ByCluster(outcomes, ids);
            AssertTheBrokenOnesFailedAlone(byCluster, ids);
            foreach (var id in failing)
            {
                var error = byCluster[id].Error;
                Assert.Equal("ServiceReportedServiceError", error?.ErrorId);
                Assert.Contains($"'{ClusterResourceId.NameOf(id)}'", error!.Message);
            }
            foreach (var id in flaky)
            {
                Assert.Null(byCluster[id].Error);
                Assert.Contains(byCluster[id].Rules, r => r.Origin == RuleOrigin.Service && r.Destination == "contoso-telemetry.example.com");
            }
            Assert.Equal(1000 - 10 - 20, byCluster.Values.Count(o => o.Error == null));
            // Attempts per cluster: every one for a cluster that always fails, a retry for a flaky one, none for a
            // cluster that cannot be derived. (A healthy cluster may need a retry too on a very busy machine.)
            var attempts = server.Requests.Of(FakeRequestKind.OutboundEndpointsList)
                .GroupBy(r => r.PathAndQuery.Split('?')[0].Replace("/outboundNetworkDependenciesEndpoints", ""), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            Assert.All(failing, id => Assert.Equal(arm.Client.Options.MaxRetries + 1, attempts[id]));
            Assert.All(flaky, id => Assert.InRange(attempts[id], 2, arm.Client.Options.MaxRetries + 1));
            Assert.All(NoLocation.Concat(OnMars), i => Assert.False(attempts.ContainsKey(ids[i])));
            Assert.Equal(990, attempts.Count);
        }

        [Fact]
        public async Task Five_thousand_clusters_cost_five_requests()
        {
            await using var server = await FakeArmServer.StartAsync();
            var ids = AddFleet(server, 5000);
            var arm = new LiveArm(server);
            var outcomes = new ConcurrentBag<ClusterOutcome>();

            var handed = await new LiveClusterRules(new RuleRequest(), arm.Client).ForFleetAsync(null, outcomes.Add, null, CancellationToken.None);

            Assert.Equal(5000, handed);
            Assert.All(outcomes, o => Assert.Null(o.Error));
            ByCluster(outcomes, ids);
            Assert.Equal(5, server.Requests.Of(FakeRequestKind.ResourceGraphQuery).Count);
            Assert.Equal(5, arm.Client.RequestCount);
            Assert.Equal(5, server.Requests.Count);
        }

        [Fact]
        public async Task Only_the_given_subscriptions_are_searched()
        {
            await using var server = await FakeArmServer.StartAsync();
            for (var i = 0; i < 3; i++) server.AddCluster(FakeClusters.Document(SubA, "rg-a", "aks-a" + i));
            var inB = Enumerable.Range(0, 4).Select(i => FakeClusters.Id(SubB, "rg-b", "aks-b" + i)).ToList();
            for (var i = 0; i < 4; i++) server.AddCluster(FakeClusters.Document(SubB, "rg-b", "aks-b" + i));
            var outcomes = new ConcurrentBag<ClusterOutcome>();

            var handed = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client)
                .ForFleetAsync(new[] { SubB }, outcomes.Add, null, CancellationToken.None);

            Assert.Equal(4, handed);
            ByCluster(outcomes, inB);
            using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
            Assert.Equal(new[] { SubB }, body.RootElement.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetString()));
        }

        [Fact]
        public async Task A_page_that_never_comes_is_FleetQueryServiceError_after_the_earlier_clusters_were_handed_out()
        {
            await using var server = await FakeArmServer.StartAsync();
            server.ResourceGraphPageLimit = 250;
            var ids = AddFleet(server, 600);
            server.Faults = r => r.Kind == FakeRequestKind.ResourceGraphQuery && PageOf(r) == 2 ? Fault.ServerError() : Fault.None;
            var arm = new LiveArm(server);
            var outcomes = new ConcurrentBag<ClusterOutcome>();

            var error = await Assert.ThrowsAsync<AksEgressInputException>(() =>
                new LiveClusterRules(new RuleRequest(), arm.Client).ForFleetAsync(null, outcomes.Add, null, CancellationToken.None));

            Assert.Equal("FleetQueryServiceError", error.ErrorId);
            Assert.Equal("ResourceGraph", error.Target);
            Assert.Contains("Resource Graph", error.Message);
            Assert.Contains("250 cluster(s) were read before the failure", error.Message);
            // The first page's clusters were not lost with the second page.
            ByCluster(outcomes, ids.Take(250).ToList());
            Assert.Equal(1 + arm.Client.Options.MaxRetries + 1, server.Requests.Of(FakeRequestKind.ResourceGraphQuery).Count);
        }

        [Fact]
        public async Task A_first_page_that_never_comes_reads_nothing_and_says_so()
        {
            await using var server = await FakeArmServer.StartAsync();
            AddFleet(server, 10);
            server.Faults = r => r.Kind == FakeRequestKind.ResourceGraphQuery ? Fault.Status(403, "AuthorizationFailed", "no read on any subscription") : Fault.None;
            var outcomes = new ConcurrentBag<ClusterOutcome>();

            var error = await Assert.ThrowsAsync<AksEgressInputException>(() =>
                new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForFleetAsync(null, outcomes.Add, null, CancellationToken.None));

            Assert.Equal("FleetQueryForbidden", error.ErrorId);
            Assert.Contains("0 cluster(s) were read", error.Message);
            Assert.Empty(outcomes);
        }

        [Fact]
        public async Task Progress_reports_each_page_against_the_total()
        {
            await using var server = await FakeArmServer.StartAsync();
            server.ResourceGraphPageLimit = 250;
            AddFleet(server, 600);
            var progress = new ConcurrentQueue<FleetProgress>();

            await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForFleetAsync(null, _ => { }, progress.Enqueue, CancellationToken.None);

            Assert.Equal(new[] { (1, 250, 600L, 41), (2, 500, 600L, 83), (3, 600, 600L, 100) },
                progress.Select(p => (p.Pages, p.Clusters, p.Total!.Value, p.Percent)));
        }

        [Fact]
        public async Task An_empty_fleet_is_no_outcome_and_one_request()
        {
            await using var server = await FakeArmServer.StartAsync();
            var outcomes = new ConcurrentBag<ClusterOutcome>();
            var progress = new ConcurrentQueue<FleetProgress>();

            var handed = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForFleetAsync(null, outcomes.Add, progress.Enqueue, CancellationToken.None);

            Assert.Equal(0, handed);
            Assert.Empty(outcomes);
            Assert.Single(server.Requests);
            var only = Assert.Single(progress);
            Assert.Equal((1, 0, 0L), (only.Pages, only.Clusters, only.Total!.Value));
        }

        [Fact]
        public async Task Without_an_arm_client_a_fleet_run_is_FleetQueryCredentialUnavailable()
        {
            var live = new LiveClusterRules(new RuleRequest()) { WhyNoArm = "no credential found" };

            var error = await Assert.ThrowsAsync<AksEgressInputException>(() => live.ForFleetAsync(null, _ => { }, null, CancellationToken.None));

            Assert.Equal("FleetQueryCredentialUnavailable", error.ErrorId);
            Assert.Contains("no credential found", error.Message);
        }
    }
}
