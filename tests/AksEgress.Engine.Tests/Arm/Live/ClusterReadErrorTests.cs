using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Errors;
using AksEgress.Tests.Arm.Fake;
using Azure.Identity;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>
    /// A cluster that cannot be read is one error about that cluster: an ErrorId per cause, the cluster id as
    /// target, and a message naming the cluster and what to check.
    /// </summary>
    public sealed class ClusterReadErrorTests
    {
        private static async Task<ClusterOutcome> Read(LiveArm arm, string id) =>
            await new LiveClusterRules(new RuleRequest(), arm.Client).ForResourceIdAsync(id, CancellationToken.None);

        private static AksEgressInputException AssertError(ClusterOutcome outcome, string errorId, string id, AksEgressErrorKind kind)
        {
            var error = Assert.IsType<AksEgressInputException>(outcome.Error);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(id, error.Target);
            Assert.Equal(id, outcome.Target);
            Assert.Equal(kind, error.Kind);
            Assert.Empty(outcome.Rules);
            Assert.Contains("'" + ClusterResourceId.NameOf(id) + "'", error.Message);
            return error;
        }

        [Fact]
        public async Task An_unknown_cluster_is_ClusterReadNotFound()
        {
            await using var server = await FakeArmServer.StartAsync();
            LiveSupport.Serve(server, "basic-public");
            var id = FakeClusters.Id(LiveSupport.Sub, "rg-aks", "aks-nowhere");

            var error = AssertError(await Read(new LiveArm(server), id), "ClusterReadNotFound", id, AksEgressErrorKind.ObjectNotFound);

            Assert.Contains("ResourceNotFound", error.Message);
            Assert.Contains("subscription id, resource group and cluster name", error.Message);
            Assert.Contains("-Cloud", error.Message);
            // A 404 is an answer, not a hiccup: asked once, and the extensions are not asked for.
            Assert.Equal(FakeRequestKind.ClusterGet, Assert.Single(server.Requests).Kind);
        }

        [Fact]
        public async Task A_denied_cluster_is_ClusterReadForbidden()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.Deny(id);

            var error = AssertError(await Read(new LiveArm(server), id), "ClusterReadForbidden", id, AksEgressErrorKind.PermissionDenied);

            Assert.Contains("AuthorizationFailed", error.Message);
            Assert.Contains("Reader", error.Message);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_refused_token_is_ClusterReadUnauthorized()
        {
            await using var server = await FakeArmServer.StartAsync("the-token-arm-wants");
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            var arm = new LiveArm(server, credential: new TestTokenCredential("an-expired-token"));

            var error = AssertError(await Read(arm, id), "ClusterReadUnauthorized", id, AksEgressErrorKind.AuthenticationError);

            Assert.Contains("InvalidAuthenticationToken", error.Message);
            Assert.Contains("Connect-AzAccount", error.Message);
            Assert.Contains("-AccessToken", error.Message);
            var request = Assert.Single(server.Requests);
            Assert.False(request.Authorized);
            Assert.Equal(401, request.Status);
        }

        [Fact]
        public async Task A_credential_that_cannot_sign_in_is_ClusterReadCredentialUnavailable_without_any_request()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            var credential = new TestTokenCredential("unused", new CredentialUnavailableException("no sign-in"));
            var arm = new LiveArm(server, credential: credential);

            var error = AssertError(await Read(arm, id), "ClusterReadCredentialUnavailable", id, AksEgressErrorKind.AuthenticationError);

            Assert.Contains("no sign-in", error.Message);
            Assert.Contains("Connect-AzAccount", error.Message);
            Assert.Empty(server.Requests);
            Assert.Equal(0, arm.Client.RequestCount);
            // Nobody is signed in: asking again and again would not change that.
            Assert.Equal(1, credential.Calls);
        }

        [Theory]
        [InlineData("aks-basic", "InvalidClusterResourceId", "'aks-basic'")]
        [InlineData("/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1", "InvalidSubscriptionId", "'not-a-guid'")]
        [InlineData("/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1", "InvalidClusterResourceId", "storageAccounts/st1'")]
        [InlineData("/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1/agentPools/np1", "InvalidClusterResourceId", "agentPools/np1'")]
        [InlineData("", "InvalidClusterResourceId", "''")]
        public async Task Id_text_that_is_no_cluster_id_is_refused_before_any_request(string text, string errorId, string quoted)
        {
            await using var server = await FakeArmServer.StartAsync();
            var arm = new LiveArm(server);

            var outcome = await Read(arm, text);

            var error = Assert.IsType<AksEgressInputException>(outcome.Error);
            Assert.Equal(errorId, error.ErrorId);
            Assert.Equal(text, error.Target);
            Assert.Empty(outcome.Rules);
            Assert.Contains(quoted, error.Message);
            Assert.Empty(server.Requests);
            Assert.Equal(0, arm.Client.RequestCount);
            Assert.Equal(0, arm.Credential.Calls);
        }

        [Fact]
        public async Task A_plain_name_is_InvalidClusterResourceId_with_an_example()
        {
            await using var server = await FakeArmServer.StartAsync();

            var outcome = await Read(new LiveArm(server), "aks-basic");

            Assert.Equal("InvalidClusterResourceId", outcome.Error!.ErrorId);
            Assert.Contains("/subscriptions/", outcome.Error.Message);
            Assert.Contains("Get-AzAksCluster", outcome.Error.Message);
        }

        [Fact]
        public async Task Without_an_arm_client_a_read_by_id_is_ClusterReadCredentialUnavailable_with_the_reason()
        {
            var id = FakeClusters.Id(LiveSupport.Sub, "rg-aks", "aks1");
            var live = new LiveClusterRules(new RuleRequest()) { WhyNoArm = "Az.Accounts is not signed in" };

            var outcome = await live.ForResourceIdAsync(id, CancellationToken.None);

            Assert.Equal("ClusterReadCredentialUnavailable", outcome.Error!.ErrorId);
            Assert.Equal(id, outcome.Error.Target);
            Assert.Contains("Az.Accounts is not signed in", outcome.Error.Message);
        }
    }
}
