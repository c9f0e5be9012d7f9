using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;
using Azure.Identity;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>
    /// Get-AzAksCluster | Get-AksEgressRule: the piped object hides security, monitoring and extension settings, so
    /// the cluster is re-read through ARM when it can be, and the user is told what is missing when it cannot.
    /// </summary>
    public sealed class PipedClusterTests
    {
        private const string DoesNotShow = "does not show";

        [Fact]
        public async Task A_piped_AzAks_object_is_re_read_and_gets_the_features_it_hides()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, "defender-workload-identity");
            var piped = LiveSupport.AzAks(id, name, fqdn: "aks-secure-dns-7e8f9a0b.hcp.koreacentral.azmk8s.io");
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client);

            Assert.True(live.NeedsArm(piped));
            var outcome = await live.ForPipedAsync(piped, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.Contains(AksFeature.Defender, LiveSupport.Features(outcome));
            Assert.Contains(AksFeature.WorkloadIdentity, LiveSupport.Features(outcome));
            Assert.DoesNotContain(outcome.Warnings, w => w.Contains(DoesNotShow));
            Assert.All(outcome.Rules, r => Assert.Equal((name, id), (r.ClusterName, r.ClusterId)));
            Assert.Equal(new[] { FakeRequestKind.ClusterGet, FakeRequestKind.ExtensionsList }, server.Requests.Select(r => r.Kind));
        }

        [Fact]
        public async Task Without_a_sign_in_the_piped_object_gives_its_own_rules_and_one_warning_naming_what_it_hides()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, "defender-workload-identity");
            var credential = new TestTokenCredential("unused", new CredentialUnavailableException("no sign-in"));
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server, credential: credential).Client);

            var outcome = await live.ForPipedAsync(LiveSupport.AzAks(id, name), CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            Assert.Contains(AksFeature.Core, LiveSupport.Features(outcome));
            Assert.DoesNotContain(AksFeature.Defender, LiveSupport.Features(outcome));
            Assert.All(outcome.Rules, r => Assert.Equal((name, id), (r.ClusterName, r.ClusterId)));
            var warning = Assert.Single(outcome.Warnings, w => w.Contains(DoesNotShow));
            Assert.Contains($"'{name}'", warning);
            foreach (var feature in new[] { "Defender", "WorkloadIdentity", "CostAnalysis", "Monitoring", "ClusterExtensions" }) Assert.Contains(feature, warning);
            Assert.Contains("no sign-in", warning);
            Assert.Contains("-Feature", warning);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task After_one_failed_sign_in_the_other_piped_clusters_fall_back_without_asking_again()
        {
            await using var server = await FakeArmServer.StartAsync();
            var credential = new TestTokenCredential("unused", new CredentialUnavailableException("no sign-in"));
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server, credential: credential).Client);
            var outcomes = new List<ClusterOutcome>();

            for (var i = 0; i < 5; i++)
            {
                var name = "aks" + i;
                server.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg", name, "koreacentral"));
                outcomes.Add(await live.ForPipedAsync(LiveSupport.AzAks(FakeClusters.Id(LiveSupport.Sub, "rg", name), name), CancellationToken.None));
            }

            Assert.Equal(1, credential.Calls);
            Assert.Empty(server.Requests);
            Assert.All(outcomes, o =>
            {
                Assert.Null(o.Error);
                Assert.NotEmpty(o.Rules);
                Assert.Contains("no sign-in", Assert.Single(o.Warnings, w => w.Contains(DoesNotShow)));
            });
        }

        [Fact]
        public async Task Without_an_arm_client_the_warning_gives_the_hosts_reason()
        {
            var id = FakeClusters.Id(LiveSupport.Sub, "rg", "aks1");
            var live = new LiveClusterRules(new RuleRequest()) { WhyNoArm = "Az.Accounts is not loaded and no -AccessToken was given" };

            var outcome = await live.ForPipedAsync(LiveSupport.AzAks(id, "aks1"), CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            var warning = Assert.Single(outcome.Warnings, w => w.Contains(DoesNotShow));
            Assert.Contains("Az.Accounts is not loaded and no -AccessToken was given", warning);
        }

        [Fact]
        public async Task Features_added_with_Feature_are_not_reported_missing()
        {
            var id = FakeClusters.Id(LiveSupport.Sub, "rg", "aks1");
            var request = new RuleRequest
            {
                ExtraFeatures = new List<AksFeature> { AksFeature.Defender, AksFeature.WorkloadIdentity, AksFeature.CostAnalysis, AksFeature.Monitoring, AksFeature.ClusterExtensions },
            };
            var live = new LiveClusterRules(request) { WhyNoArm = "not signed in" };

            var outcome = await live.ForPipedAsync(LiveSupport.AzAks(id, "aks1"), CancellationToken.None);

            Assert.DoesNotContain(outcome.Warnings, w => w.Contains(DoesNotShow));
            Assert.Contains(AksFeature.Defender, LiveSupport.Features(outcome));
        }

        [Fact]
        public async Task A_re_read_that_fails_falls_back_to_the_piped_object_with_the_reason()
        {
            await using var server = await FakeArmServer.StartAsync();
            var id = FakeClusters.Id(LiveSupport.Sub, "rg", "aks-gone");
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client);

            var outcome = await live.ForPipedAsync(LiveSupport.AzAks(id, "aks-gone"), CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            Assert.Contains("404", Assert.Single(outcome.Warnings, w => w.Contains(DoesNotShow)));
        }

        [Fact]
        public async Task The_host_is_asked_to_connect_before_the_first_await_and_only_for_a_cluster_that_needs_ARM()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (json, id, name) = LiveSupport.Document("defender-workload-identity");
            server.AddCluster(json);
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client);
            var asked = 0;

            var document = live.ForPipedAsync(LiveSupport.Tree(json), () => asked++, CancellationToken.None);
            Assert.Equal(0, asked);
            var piped = live.ForPipedAsync(LiveSupport.AzAks(id, name), () => asked++, CancellationToken.None);
            Assert.Equal(1, asked); // synchronously, before the re-read is awaited

            Assert.Null((await document).Error);
            Assert.Contains(AksFeature.Defender, LiveSupport.Features(await piped));
        }

        [Fact]
        public async Task A_piped_az_aks_show_document_needs_no_arm_request()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (json, id, _) = LiveSupport.Document("defender-workload-identity");
            server.AddCluster(json);
            var live = new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client);
            var tree = LiveSupport.Tree(json);

            Assert.False(live.NeedsArm(tree));
            var outcome = await live.ForPipedAsync(tree, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.Contains(AksFeature.Defender, LiveSupport.Features(outcome));
            Assert.DoesNotContain(outcome.Warnings, w => w.Contains(DoesNotShow));
            Assert.All(outcome.Rules, r => Assert.Equal(id, r.ClusterId));
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task A_piped_az_aks_show_document_with_IncludeServiceReported_asks_only_for_the_outbound_list()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (json, id, _) = LiveSupport.Document("basic-public");
            server.AddCluster(json);
            server.SetOutboundEndpoints(id, """{"value":[{"category":"x","endpoints":[{"domainName":"contoso-telemetry.example.com","endpointDetails":[{"port":443,"protocol":"Https"}]}]}]}""");
            var live = new LiveClusterRules(new RuleRequest { IncludeServiceReported = true }, new LiveArm(server).Client);
            var tree = LiveSupport.Tree(json);

            Assert.True(live.NeedsArm(tree));
            var outcome = await live.ForPipedAsync(tree, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.Contains(outcome.Rules, r => r.Origin == RuleOrigin.Service && r.Destination == "contoso-telemetry.example.com");
            Assert.Equal(new[] { FakeRequestKind.OutboundEndpointsList }, server.Requests.Select(r => r.Kind));
        }

        [Fact]
        public async Task A_piped_object_without_id_cannot_ask_for_service_reported_endpoints()
        {
            var tree = LiveSupport.AzAks("x", "aks-noid");
            tree.Remove("Id");
            await using var server = await FakeArmServer.StartAsync();
            var live = new LiveClusterRules(new RuleRequest { IncludeServiceReported = true }, new LiveArm(server).Client);

            var outcome = await live.ForPipedAsync(tree, CancellationToken.None);

            Assert.Equal("ServiceReportedNeedsClusterId", outcome.Error?.ErrorId);
            Assert.Equal("aks-noid", outcome.Error!.Target);
            Assert.Empty(server.Requests);
        }
    }
}
