using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>A live read also lists the cluster's extensions; the ClusterExtensions rules follow what is installed.</summary>
    public sealed class ClusterExtensionsTests
    {
        [Fact]
        public async Task An_installed_extension_adds_the_ClusterExtensions_rules()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.AddExtensions(id, "microsoft.flux");

            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.Contains(AksFeature.ClusterExtensions, LiveSupport.Features(outcome));
            Assert.Contains(outcome.Rules, r => r.Feature == AksFeature.ClusterExtensions && r.Destination == "koreacentral.dp.kubernetesconfiguration.azure.com");
            Assert.DoesNotContain(outcome.Warnings, w => w.Contains("ClusterExtensions"));
        }

        [Fact]
        public async Task No_extension_means_no_ClusterExtensions_rules_and_no_warning()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");

            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.DoesNotContain(AksFeature.ClusterExtensions, LiveSupport.Features(outcome));
            Assert.DoesNotContain(outcome.Warnings, w => w.Contains("ClusterExtensions"));
            Assert.Single(server.Requests.Of(FakeRequestKind.ExtensionsList));
        }

        [Fact]
        public async Task An_extension_list_that_cannot_be_read_is_one_warning_not_a_failure()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, name) = LiveSupport.Serve(server, "basic-public");
            server.AddExtensions(id, "microsoft.flux");
            server.Faults = r => r.Kind == FakeRequestKind.ExtensionsList
                ? Fault.Status(409, "MissingSubscriptionRegistration", "The subscription is not registered to use namespace 'Microsoft.KubernetesConfiguration'.")
                : Fault.None;

            var outcome = await new LiveClusterRules(new RuleRequest(), new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.NotEmpty(outcome.Rules);
            Assert.Contains(AksFeature.Core, LiveSupport.Features(outcome));
            // The extensions could not be seen, so their rules are left out rather than guessed.
            Assert.DoesNotContain(AksFeature.ClusterExtensions, LiveSupport.Features(outcome));
            var warning = Assert.Single(outcome.Warnings, w => w.Contains("extensions", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(name, warning);
            Assert.Contains("-Feature ClusterExtensions", warning);
            Assert.Contains("MissingSubscriptionRegistration", warning);
            // A 409 is not worth retrying.
            Assert.Single(server.Requests.Of(FakeRequestKind.ExtensionsList));
        }

        [Fact]
        public async Task Adding_the_feature_by_hand_brings_the_rules_back_when_the_list_failed()
        {
            await using var server = await FakeArmServer.StartAsync();
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            server.Faults = r => r.Kind == FakeRequestKind.ExtensionsList ? Fault.Status(403, "AuthorizationFailed", "no extension read") : Fault.None;
            var request = new RuleRequest { ExtraFeatures = new List<AksFeature> { AksFeature.ClusterExtensions } };

            var outcome = await new LiveClusterRules(request, new LiveArm(server).Client).ForResourceIdAsync(id, CancellationToken.None);

            Assert.Null(outcome.Error);
            Assert.Contains(AksFeature.ClusterExtensions, LiveSupport.Features(outcome));
        }
    }
}
