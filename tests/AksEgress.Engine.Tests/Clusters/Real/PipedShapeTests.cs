using System.Text.Json.Nodes;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Errors;

namespace AksEgress.Tests.Clusters.Real
{
    /// <summary>
    /// Issue 12, findings 1-5, with real documents: az output is told from a Get-AzAksCluster object by what it holds,
    /// facts that disagree are named, failed clusters are not counted, warnings name no parameter the user cannot give,
    /// and what is not a cluster is NotAnAksCluster.
    /// </summary>
    public sealed class PipedShapeTests
    {
        [Theory]
        [InlineData(RealDocuments.AzPublicCurrent, AzureCloudName.AzureCloud)]
        [InlineData(RealDocuments.AzChinaCurrent, AzureCloudName.AzureChinaCloud)]
        [InlineData(RealDocuments.AzUsGov2019, AzureCloudName.AzureUSGovernment)]
        [InlineData(RealDocuments.AzUsGovCustomVnet, AzureCloudName.AzureUSGovernment)]
        [InlineData(RealDocuments.AzPublic2019, AzureCloudName.AzureCloud)]
        public void AzCliOutputIsReadAsAzCliOutputInEveryCloud(string document, AzureCloudName cloud)
        {
            var profile = ClusterProfileReader.Read(RealDocuments.Tree(document));
            Assert.Equal(ClusterShape.AzCliOutput, profile.Shape);
            Assert.Equal(cloud, profile.Cloud);
            Assert.NotNull(profile.ApiServerFqdn);
        }

        [Theory]
        [InlineData(RealDocuments.AzPublicCurrent)]
        [InlineData(RealDocuments.AzChinaCurrent)]
        public void CurrentAzOutputShowsEverythingButExtensionsSoNoWarningAndNoArmReread(string document)
        {
            var profile = ClusterProfileReader.Read(RealDocuments.Tree(document));
            Assert.Empty(profile.Undetectable);

            var derived = ClusterRules.Derive(profile, new RuleRequest(), null);
            Assert.DoesNotContain(derived.Warnings, w => w.Contains("does not show", StringComparison.Ordinal));
            Assert.NotEmpty(derived.Rules);
        }

        [Fact]
        public async Task PipedCurrentAzOutputIsNeverReadAgainThroughArmAndIsCountedInTheExtensionsNote()
        {
            var live = new LiveClusterRules(new RuleRequest());
            var armAsked = 0;
            foreach (var document in new[] { RealDocuments.AzPublicCurrent, RealDocuments.AzChinaCurrent })
            {
                var outcome = await live.ForPipedAsync(RealDocuments.Tree(document), () => armAsked++, CancellationToken.None);
                Assert.Null(outcome.Error);
            }
            Assert.Equal(0, armAsked);
            Assert.StartsWith("2 piped cluster document(s)", live.ExtensionsNote());
        }

        [Fact]
        public void AzOutputOfAnOldCliSaysWhichProfilesItLacksWithoutAnInternalName()
        {
            var profile = ClusterProfileReader.Read(RealDocuments.Tree(RealDocuments.AzUsGov2019));
            Assert.Contains(AksFeature.Defender, profile.Undetectable);
            var warning = Assert.Single(ClusterRules.Derive(profile, new RuleRequest(), "no Azure credential was found").Warnings,
                w => w.Contains("does not show", StringComparison.Ordinal));
            Assert.Contains("'az aks show' output", warning);
            Assert.Contains("update the Azure CLI", warning);
            AssertNoInternalNames(warning);
        }

        [Fact]
        public void AnAzAksObjectIsStillAnAzAksObjectAndItsWarningNamesNoEnum()
        {
            var tree = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Id"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1",
                ["Name"] = "aks1",
                ["Location"] = "eastus",
                ["Fqdn"] = "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io",
                ["AgentPoolProfiles"] = new List<object?>(),
                ["ResourceGroupName"] = "rg",
            };
            var profile = ClusterProfileReader.Read(tree);
            Assert.Equal(ClusterShape.AzAksObject, profile.Shape);
            var warning = Assert.Single(ClusterRules.Derive(profile, new RuleRequest(), null).Warnings, w => w.Contains("does not show", StringComparison.Ordinal));
            Assert.Contains("a Get-AzAksCluster object", warning);
            AssertNoInternalNames(warning);
        }

        [Fact]
        public void ArmAndResourceGraphShapesStayAsTheyWere()
        {
            Assert.Equal(ClusterShape.ArmJson, ClusterProfileReader.Read(RealDocuments.SpecCluster(RealDocuments.ArmGet)).Shape);
            var row = RealDocuments.Node(RealDocuments.ArmGet);
            row["location"] = "eastus";
            row["subscriptionId"] = "00000000-0000-0000-0000-000000000000";
            row["resourceGroup"] = "rg1";
            Assert.Equal(ClusterShape.ResourceGraphRow, ClusterProfileReader.Read(RealDocuments.Tree(row)).Shape);
            // The real recorded private cluster without a public FQDN: the cloud comes from its privateFQDN.
            var recorded = ClusterProfileReader.Read(RealDocuments.Tree(RealDocuments.ArmRecordedPrivate));
            Assert.True(recorded.PrivateCluster);
            Assert.Equal(AzureCloudName.AzureCloud, recorded.Cloud);
        }

        [Fact]
        public void ALocationOfAnotherCloudThanTheFqdnNamesBothAndFollowingTheAdviceWorks()
        {
            var node = RealDocuments.Node(RealDocuments.AzPublicCurrent);
            node["location"] = "chinaeast2";
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(RealDocuments.Tree(node)));
            Assert.Equal("ClusterFactsDisagree", ex.ErrorId);
            Assert.Contains("'chinaeast2'", ex.Message);
            Assert.Contains("dnsprefix1-abcd1234.hcp.eastus.azmk8s.io", ex.Message);
            Assert.Contains("correct its location or fqdn", ex.Message);
            Assert.DoesNotContain("-Cloud", ex.Message);

            // -Cloud does not change the document's facts: it is refused naming -Cloud and the host.
            var stated = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(RealDocuments.Tree(node), AzureCloudName.AzureChinaCloud));
            Assert.Equal("ClusterCloudConflict", stated.ErrorId);
            Assert.Contains("-Cloud", stated.Message);

            // The advice: correct the location; then it is read.
            node["location"] = "eastus";
            Assert.Equal(AzureCloudName.AzureCloud, ClusterProfileReader.Read(RealDocuments.Tree(node)).Cloud);
        }

        [Fact]
        public void WithoutAnFqdnMinusCloudTellsTheCloudOfAPrivateCluster()
        {
            var node = RealDocuments.Node(RealDocuments.AzChinaCurrent);
            node.AsObject().Remove("fqdn");
            node["apiServerAccessProfile"] = new JsonObject { ["enablePrivateCluster"] = true };
            node["privateFqdn"] = "myakscluster-dns-379cbbb9.privatelink.chinaeast2.example";
            Assert.Equal(AzureCloudName.AzureChinaCloud, ClusterProfileReader.Read(RealDocuments.Tree(node), AzureCloudName.AzureChinaCloud).Cloud);
        }

        [Fact]
        public void AnFqdnInAnotherRegionWarnsAboutTheDocumentNotAboutParameters()
        {
            var node = RealDocuments.Node(RealDocuments.AzPublicCurrent);
            node["location"] = "westus2";
            var derived = ClusterRules.Derive(ClusterProfileReader.Read(RealDocuments.Tree(node)), new RuleRequest(), null);
            var warning = Assert.Single(derived.Warnings, w => w.Contains("dnsprefix1-abcd1234.hcp.eastus.azmk8s.io", StringComparison.Ordinal));
            Assert.DoesNotContain("-Cloud", warning);
            Assert.DoesNotContain("-Location", warning);
            Assert.DoesNotContain("-ApiServerFqdn", warning);
            Assert.Contains("fqdn and location", warning);
        }

        [Fact]
        public async Task RefusedClustersAreNotCountedInTheExtensionsNote()
        {
            var live = new LiveClusterRules(new RuleRequest());
            var good = RealDocuments.Node(RealDocuments.AzPublicCurrent);
            var refused = RealDocuments.Node(RealDocuments.AzPublicCurrent);
            refused["location"] = "nowhere";
            var outcomes = new List<ClusterOutcome>();
            foreach (var node in new[] { good, refused, RealDocuments.Node(RealDocuments.AzChinaCurrent) })
            {
                outcomes.Add(await live.ForPipedAsync(RealDocuments.Tree(node), CancellationToken.None));
            }
            Assert.Equal("UnknownLocation", outcomes[1].Error?.ErrorId);
            Assert.StartsWith("2 piped cluster document(s)", live.ExtensionsNote());
        }

        [Fact]
        public void AnArmListPageIsNotAClusterAndTheMessageSaysToPipeValue()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(RealDocuments.Tree(RealDocuments.ArmList)));
            Assert.Equal("NotAnAksCluster", ex.ErrorId);
            Assert.Contains(".value | Get-AksEgressRule", ex.Message);

            // Following it: the page's clusters are clusters.
            var page = RealDocuments.Node(RealDocuments.ArmList);
            var first = page["value"]![0]!.DeepClone();
            first["location"] = "eastus";
            Assert.Equal("clustername1", ClusterProfileReader.Read(RealDocuments.Tree(first)).Name);
        }

        [Fact]
        public void AResourceGraphResponseIsNotAClusterAndTheMessageSaysToPipeData()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(RealDocuments.Tree(RealDocuments.GraphFirstPage)));
            Assert.Equal("NotAnAksCluster", ex.ErrorId);
            Assert.Contains(".data | Get-AksEgressRule", ex.Message);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"Length\": 5}")]
        [InlineData("{\"location\": \"eastus\", \"name\": \"c1\"}")]
        public void AnObjectWithNoneOfAClustersPropertiesIsNotAnAksCluster(string json)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(RealDocuments.Tree(JsonNode.Parse(json)!)));
            Assert.Equal("NotAnAksCluster", ex.ErrorId);
            Assert.Contains("az aks show", ex.Message);
        }

        /// <summary>No enum member name of ours in a message (ClusterShape, AksFeature values are fine as -Feature words).</summary>
        internal static void AssertNoInternalNames(string message)
        {
            foreach (var name in Enum.GetNames(typeof(ClusterShape))) Assert.DoesNotContain(name, message);
        }
    }
}
