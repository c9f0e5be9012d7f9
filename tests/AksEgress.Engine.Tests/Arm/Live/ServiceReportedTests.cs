using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>-IncludeServiceReported: the endpoints AKS reports for the cluster, every page, next to the catalog's rules.</summary>
    public sealed class ServiceReportedTests
    {
        private const string Page1 = """
            {"value":[
              {"category":"images","endpoints":[{"domainName":"mcr.microsoft.com","endpointDetails":[{"port":443,"protocol":"Https","description":"images"}]}]},
              {"category":"apiserver","endpoints":[{"domainName":"*.azmk8s.io","endpointDetails":[{"port":443,"protocol":"Https"}]}]}
            ]}
            """;

        private const string Page2 = """
            {"value":[
              {"category":"time-sync","endpoints":[{"domainName":"ntp.ubuntu.com","endpointDetails":[{"port":123,"protocol":"UDP"}]}]},
              {"category":"telemetry","endpoints":[{"domainName":"contoso-telemetry.example.com","endpointDetails":[{"port":443,"protocol":"Https"}]}]}
            ]}
            """;

        private static readonly RuleRequest WithService = new() { IncludeServiceReported = true };

        [Fact]
        public async Task Reported_endpoints_from_every_page_mark_the_catalog_rules_and_add_what_the_catalog_lacks()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, "basic-public");
            server.SetOutboundEndpoints(id, Page1, Page2);
            var catalogOnly = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            var outcome = await new LiveClusterRules(WithService, new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            var rules = outcome.Rules;
            Assert.Equal(RuleOrigin.CatalogAndService, Assert.Single(rules, r => r.Destination == "mcr.microsoft.com" && r.Feature == AksFeature.Core).Origin);
            Assert.Equal(RuleOrigin.CatalogAndService, Assert.Single(rules, r => r.Destination == "aks-basic-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io").Origin);
            Assert.Equal(RuleOrigin.CatalogAndService, Assert.Single(rules, r => r.Destination == "ntp.ubuntu.com" && r.Protocol == RuleProtocol.UDP).Origin);
            var added = Assert.Single(rules, r => r.Origin == RuleOrigin.Service);
            Assert.Equal("contoso-telemetry.example.com", added.Destination);
            Assert.Equal(443, added.Port);
            Assert.Equal(RuleProtocol.HTTPS, added.Protocol);
            Assert.Equal((name, id), (added.ClusterName, added.ClusterId));
            Assert.Equal("koreacentral", added.Location);
            // Nothing the catalog gives is dropped: every catalog rule is still there, plus the reported one.
            Assert.Equal(catalogOnly.Rules.Count + 1, rules.Count);
            Assert.Equal(catalogOnly.Rules.Select(r => (r.RuleId, r.Destination)), rules.Where(r => r.Origin != RuleOrigin.Service).Select(r => (r.RuleId, r.Destination)));
            Assert.Contains(rules, r => r.Origin == RuleOrigin.Catalog);
            // Both pages were asked for, the second through the nextLink of the first.
            var pages = server.Requests.Of(FakeRequestKind.OutboundEndpointsList);
            Assert.Equal(2, pages.Count);
            Assert.DoesNotContain("page=", pages[0].PathAndQuery);
            Assert.Contains("page=2", pages[1].PathAndQuery);
            Assert.All(pages, p => Assert.Equal(200, p.Status));
        }

        [Fact]
        public async Task An_outbound_list_failing_on_every_attempt_is_ServiceReportedServiceError_with_no_rules()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, "basic-public");
            server.SetOutboundEndpoints(id, Page1, Page2);
            server.Faults = r => r.Kind == FakeRequestKind.OutboundEndpointsList ? Fault.ServerError() : Fault.None;
            var arm = new LiveArm(server);

            var outcome = await new LiveClusterRules(WithService, arm.Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Equal("ServiceReportedServiceError", outcome.Error?.ErrorId);
            Assert.Equal(id, outcome.Error!.Target);
            Assert.Empty(outcome.Rules);
            Assert.Contains($"'{name}'", outcome.Error.Message);
            Assert.Contains("outbound endpoints", outcome.Error.Message);
            Assert.Equal(arm.Client.Options.MaxRetries + 1, server.Requests.Of(FakeRequestKind.OutboundEndpointsList).Count);
        }

        [Fact]
        public async Task A_second_page_failing_fails_the_cluster_rather_than_giving_half_the_list()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.SetOutboundEndpoints(id, Page1, Page2);
            server.Faults = r => r.Kind == FakeRequestKind.OutboundEndpointsList && r.Query.Contains("page=2") ? Fault.Status(403, "AuthorizationFailed", "denied") : Fault.None;

            var outcome = await new LiveClusterRules(WithService, new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Equal("ServiceReportedForbidden", outcome.Error?.ErrorId);
            Assert.Contains("outboundNetworkDependenciesEndpoints/read", outcome.Error!.Message);
            Assert.Empty(outcome.Rules);
        }

        [Fact]
        public async Task An_empty_outbound_list_leaves_the_catalog_rules_as_they_are()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");

            var outcome = await new LiveClusterRules(WithService, new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            Assert.All(outcome.Rules, r => Assert.Equal(RuleOrigin.Catalog, r.Origin));
        }

        [Fact]
        public async Task A_nextLink_to_another_host_is_not_followed_and_the_token_stays_home()
        {
            await using var server = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            // The fake adds nextLink only between pages it serves; a last page keeps whatever it says.
            server.SetOutboundEndpoints(id, Page1.TrimEnd().TrimEnd('}') + ""","nextLink":"https://evil.example.com/steal?api-version=1"}""");
            var arm = new LiveArm(server, credential: new TestTokenCredential(LiveSupport.SecretToken));

            var outcome = await new LiveClusterRules(WithService, arm.Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Equal("ServiceReportedMalformedResponse", outcome.Error?.ErrorId);
            Assert.Contains("nextLink", outcome.Error!.Message);
            Assert.Empty(outcome.Rules);
            Assert.Single(server.Requests.Of(FakeRequestKind.OutboundEndpointsList));
            Assert.All(arm.Log, l => Assert.StartsWith("ARM GET https://127.0.0.1:", l));
        }

        [Fact]
        public async Task A_malformed_page_is_an_error_about_the_cluster()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, "basic-public");
            server.SetOutboundEndpoints(id, """{"value":{"not":"an array"}}""");

            var outcome = await new LiveClusterRules(WithService, new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Equal(ServiceEndpointReader.MalformedErrorId, outcome.Error?.ErrorId);
            Assert.Equal(id, outcome.Error!.Target);
            Assert.StartsWith($"Cluster '{name}':", outcome.Error.Message);
            Assert.Empty(outcome.Rules);
        }
    }
}
