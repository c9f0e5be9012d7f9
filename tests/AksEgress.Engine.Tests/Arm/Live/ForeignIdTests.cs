using System.Net.Security;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;
using Azure.Core.Pipeline;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>
    /// A piped object's id is data, not a URL: whatever it says, the bearer token goes to the ARM endpoint of the
    /// chosen cloud and nowhere else (as ArmPaging already guarantees for nextLink). The second server stands for
    /// any host with a publicly trusted certificate, so the client is made to trust both.
    /// </summary>
    public sealed class ForeignIdTests
    {
        /// <summary>Trusts exactly the certificates of these servers, as the public PKI trusts any real host.</summary>
        private static HttpClientTransport TrustingBoth(FakeArmServer a, FakeArmServer b)
        {
            var pinned = new[] { a.Certificate.RawData, b.Certificate.RawData };
            var handler = new SocketsHttpHandler { UseProxy = false };
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && pinned.Any(p => certificate.GetRawCertData().AsSpan().SequenceEqual(p));
            return new HttpClientTransport(handler);
        }

        private static LiveClusterRules Live(FakeArmServer arm, FakeArmServer elsewhere, RuleRequest request) =>
            new(request, new LiveArm(arm, credential: new TestTokenCredential(LiveSupport.SecretToken),
                tune: o => o.Transport = TrustingBoth(arm, elsewhere)).Client);

        [Fact]
        public async Task A_piped_AzAks_object_whose_id_is_a_url_elsewhere_does_not_get_the_token_sent_there()
        {
            await using var arm = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            await using var elsewhere = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            elsewhere.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg", "aks-secure"));
            var foreignId = elsewhere.Endpoint.AbsoluteUri.TrimEnd('/') + FakeClusters.Id(LiveSupport.Sub, "rg", "aks-secure");

            var outcome = await Live(arm, elsewhere, new RuleRequest()).ForPipedAsync(LiveSupport.AzAks(foreignId, "aks-secure"), CancellationToken.None);

            // Today the requests reach the other host with "Authorization: Bearer <the caller's ARM token>".
            Assert.Empty(elsewhere.Requests);
            // The id is not a cluster id: the cluster is either refused for it, or derived from what was piped.
            Assert.True(outcome.Error != null ? outcome.Error.Target is not null : outcome.Rules.Count > 0);
        }

        [Fact]
        public async Task A_piped_document_whose_id_is_a_url_elsewhere_does_not_get_the_token_sent_there_for_its_outbound_list()
        {
            await using var arm = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            await using var elsewhere = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            var (json, id, _) = LiveSupport.Document("basic-public");
            elsewhere.AddCluster(json);
            var tree = (Dictionary<string, object?>)LiveSupport.Tree(json);
            tree["id"] = elsewhere.Endpoint.AbsoluteUri.TrimEnd('/') + id;

            var outcome = await Live(arm, elsewhere, new RuleRequest { IncludeServiceReported = true }).ForPipedAsync(tree, CancellationToken.None);

            // Today the requests reach the other host with "Authorization: Bearer <the caller's ARM token>".
            Assert.Empty(elsewhere.Requests);
            // The id is not a cluster id: the cluster is either refused for it, or derived from what was piped.
            Assert.True(outcome.Error != null ? outcome.Error.Target is not null : outcome.Rules.Count > 0);
        }

        [Fact]
        public async Task A_well_formed_id_goes_to_the_arm_endpoint_even_with_a_second_trusted_host_around()
        {
            await using var arm = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            await using var elsewhere = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            var (id, name) = LiveSupport.Serve(arm, "defender-workload-identity");

            var outcome = await Live(arm, elsewhere, new RuleRequest()).ForPipedAsync(LiveSupport.AzAks(id, name), CancellationToken.None);

            Assert.Contains(AksFeature.Defender, LiveSupport.Features(outcome));
            Assert.Empty(elsewhere.Requests);
            Assert.NotEmpty(arm.Requests);
        }
    }
}
