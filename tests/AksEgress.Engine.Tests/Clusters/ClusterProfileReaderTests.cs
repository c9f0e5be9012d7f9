using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AksEgress.Clusters;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Clusters
{
    /// <summary>
    /// The reader over every shape a cluster arrives in. ARM documents live in Documents/; the Resource Graph row
    /// of each is built here from the ARM one, and Get-AzAksCluster objects are built as trees.
    /// </summary>
    public class ClusterProfileReaderTests
    {
        public const string Arm = "Arm";
        public const string Graph = "Graph";
        private const string Sub = "00000000-1111-2222-3333-444444444444";

        // ---------- inputs ----------

        private static string DocumentPath(string name, [CallerFilePath] string thisFile = "") =>
            Path.Combine(Path.GetDirectoryName(thisFile)!, "Documents", name + ".json");

        private static JsonObject Document(string name) => JsonNode.Parse(File.ReadAllText(DocumentPath(name)))!.AsObject();

        /// <summary>The Search-AzGraph row of an ARM document: row columns added at the top, type lower-cased.</summary>
        private static JsonObject AsGraphRow(JsonObject arm)
        {
            var row = arm.DeepClone().AsObject();
            var id = (string)row["id"]!;
            row["tenantId"] = "fedcba98-7654-3210-fedc-ba9876543210";
            row["subscriptionId"] = Sub;
            row["resourceGroup"] = id.Split('/')[4];
            row["type"] = ((string)row["type"]!).ToLowerInvariant();
            row["managedBy"] = "";
            row["zones"] = null;
            return row;
        }

        private static JsonObject InShape(string document, string shape) =>
            shape == Graph ? AsGraphRow(Document(document)) : Document(document);

        private static ClusterProfile Read(JsonNode node) => ClusterProfileReader.Read(JsonSerializer.SerializeToElement(node));

        private static ClusterProfile Read(string document, string shape) => Read(InShape(document, shape));

        private static Dictionary<string, object?> Map(params (string Key, object? Value)[] pairs) =>
            pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

        private static Dictionary<string, object?> Pool(string vmSize, string osType = "Linux", string? osSku = "Ubuntu", string? gpuInstanceProfile = null) => Map(
            ("Name", "pool" + vmSize.Length), ("Count", 3L), ("VmSize", vmSize), ("OsType", osType), ("OsSKU", osSku),
            ("Mode", "User"), ("GpuInstanceProfile", gpuInstanceProfile));

        /// <summary>A Get-AzAksCluster (PSKubernetesCluster) object as the host copies it: PascalCase and flat.</summary>
        private static Dictionary<string, object?> AzAks(
            string name = "aks1",
            string? location = "koreacentral",
            string? fqdn = "aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io",
            string? privateFqdn = null,
            object? enablePrivateCluster = null,
            Dictionary<string, object?>? addons = null,
            List<object?>? pools = null,
            string? outboundType = "loadBalancer")
        {
            var tree = Map(
                ("Id", $"/subscriptions/{Sub}/resourcegroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/{name}"),
                ("Name", name),
                ("Type", "Microsoft.ContainerService/ManagedClusters"),
                ("Location", location),
                ("ProvisioningState", "Succeeded"),
                ("KubernetesVersion", "1.30.6"),
                ("DnsPrefix", name + "-dns"),
                ("Fqdn", fqdn),
                ("PrivateFQDN", privateFqdn),
                ("ApiServerAccessProfile", enablePrivateCluster == null ? null : Map(("EnablePrivateCluster", enablePrivateCluster))),
                ("AddonProfiles", addons),
                ("AgentPoolProfiles", pools ?? new List<object?> { Pool("Standard_D4ds_v5") }),
                ("NetworkProfile", Map(("NetworkPlugin", "azure"), ("OutboundType", outboundType), ("LoadBalancerSku", "standard"))),
                ("NodeResourceGroup", $"MC_rg-aks_{name}_{location}"),
                ("EnableRBAC", true));
            return tree;
        }

        private static Dictionary<string, object?> Addon(object enabled) => Map(("Enabled", enabled), ("Config", null));

        // ---------- shape, identity, location ----------

        [Fact]
        public void TheShapeIsToldFromPropertiesAndTheResourceGraphColumns()
        {
            Assert.Equal(ClusterShape.ArmJson, Read("basic-public", Arm).Shape);
            Assert.Equal(ClusterShape.ResourceGraphRow, Read("basic-public", Graph).Shape);
            Assert.Equal(ClusterShape.AzAksObject, ClusterProfileReader.Read(AzAks()).Shape);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void NameIdAndLocationComeFromTheTopLevel(string shape)
        {
            var profile = Read("basic-public", shape);

            Assert.Equal("aks-basic", profile.Name);
            Assert.Equal($"/subscriptions/{Sub}/resourcegroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-basic", profile.Id);
            Assert.Equal("koreacentral", profile.Location);
        }

        [Fact]
        public void AnAzAksObjectGivesNameIdAndLocation()
        {
            var profile = ClusterProfileReader.Read(AzAks(name: "aks9"));

            Assert.Equal("aks9", profile.Name);
            Assert.Equal($"/subscriptions/{Sub}/resourcegroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks9", profile.Id);
            Assert.Equal("koreacentral", profile.Location);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void ADisplayNameLocationIsNormalised(string shape)
        {
            var doc = InShape("basic-public", shape);
            doc["location"] = "Korea Central";

            Assert.Equal("koreacentral", Read(doc).Location);
            Assert.Equal("koreacentral", ClusterProfileReader.Read(AzAks(location: "Korea Central")).Location);
        }

        [Fact]
        public void AnUnknownRegionPassesThroughNormalised()
        {
            var profile = ClusterProfileReader.Read(AzAks(location: "Korea Centrl", fqdn: null));

            Assert.Equal("koreacentrl", profile.Location);
            Assert.Equal(AzureCloudName.AzureCloud, profile.Cloud);
        }

        // ---------- cloud ----------

        [Theory]
        [InlineData(Arm, "basic-public", AzureCloudName.AzureCloud)]
        [InlineData(Graph, "basic-public", AzureCloudName.AzureCloud)]
        [InlineData(Arm, "private", AzureCloudName.AzureCloud)]
        [InlineData(Graph, "private", AzureCloudName.AzureCloud)]
        [InlineData(Arm, "china", AzureCloudName.AzureChinaCloud)]
        [InlineData(Graph, "china", AzureCloudName.AzureChinaCloud)]
        [InlineData(Arm, "usgov", AzureCloudName.AzureUSGovernment)]
        [InlineData(Graph, "usgov", AzureCloudName.AzureUSGovernment)]
        public void TheCloudComesFromTheFqdnSuffix(string shape, string document, AzureCloudName cloud)
        {
            Assert.Equal(cloud, Read(document, shape).Cloud);
        }

        [Theory]
        [InlineData("koreacentral", "aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io", null, AzureCloudName.AzureCloud)]
        [InlineData("chinaeast2", "aks1-dns-1a2b3c4d.hcp.chinaeast2.cx.prod.service.azk8s.cn", null, AzureCloudName.AzureChinaCloud)]
        [InlineData("chinanorth", "aks1-dns-1a2b3c4d.hcp.chinanorth.azk8s.cn", null, AzureCloudName.AzureChinaCloud)]
        [InlineData("usgovvirginia", "aks1-dns-1a2b3c4d.hcp.usgovvirginia.cx.aks.containerservice.azure.us", null, AzureCloudName.AzureUSGovernment)]
        [InlineData("usgovvirginia", null, "aks1-dns-1a2b3c4d.0a1b2c3d-0000-1111-2222-333344445555.privatelink.usgovvirginia.cx.aks.containerservice.azure.us", AzureCloudName.AzureUSGovernment)]
        public void AnAzAksObjectGivesTheCloudFromItsFqdn(string location, string? fqdn, string? privateFqdn, AzureCloudName cloud)
        {
            Assert.Equal(cloud, ClusterProfileReader.Read(AzAks(location: location, fqdn: fqdn, privateFqdn: privateFqdn)).Cloud);
        }

        [Theory]
        [InlineData("koreacentral", "aks1-dns-1a2b3c4d.hcp.chinaeast2.cx.prod.service.azk8s.cn")]
        [InlineData("chinaeast2", "aks1-dns-1a2b3c4d.hcp.chinaeast2.azmk8s.io")]
        [InlineData("eastus", "aks1-dns-1a2b3c4d.hcp.usgovvirginia.cx.aks.containerservice.azure.us")]
        public void ALocationAndAnFqdnOfTwoCloudsAreRefusedNamingBoth(string location, string fqdn)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(AzAks(location: location, fqdn: fqdn)));
            Assert.Equal("ClusterFactsDisagree", ex.ErrorId);
            Assert.Contains(location, ex.Message);
            Assert.Contains(fqdn, ex.Message);
            Assert.DoesNotContain("-Cloud", ex.Message);
        }

        [Theory]
        [InlineData(Arm, "china", AzureCloudName.AzureChinaCloud)]
        [InlineData(Graph, "usgov", AzureCloudName.AzureUSGovernment)]
        [InlineData(Arm, "basic-public", AzureCloudName.AzureCloud)]
        public void WithoutAnFqdnTheCloudIsTheOneThatHasTheRegion(string shape, string document, AzureCloudName cloud)
        {
            var doc = InShape(document, shape);
            doc["properties"]!.AsObject().Remove("fqdn");

            Assert.Equal(cloud, Read(doc).Cloud);
        }

        [Theory]
        [InlineData("chinaeast2", AzureCloudName.AzureChinaCloud)]
        [InlineData("usgovvirginia", AzureCloudName.AzureUSGovernment)]
        [InlineData("nowhere", AzureCloudName.AzureCloud)]
        public void AnAzAksObjectWithoutFqdnGetsTheCloudOfItsRegion(string location, AzureCloudName cloud)
        {
            Assert.Equal(cloud, ClusterProfileReader.Read(AzAks(location: location, fqdn: null)).Cloud);
        }

        // ---------- private cluster and API server host ----------

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void APublicClusterHasItsFqdnAsApiServerHost(string shape)
        {
            var profile = Read("basic-public", shape);

            Assert.False(profile.PrivateCluster);
            Assert.Equal("aks-basic-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io", profile.ApiServerFqdn);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void APrivateClusterHasItsPrivateFqdnAsApiServerHost(string shape)
        {
            var profile = Read("private", shape);

            Assert.True(profile.PrivateCluster);
            Assert.Equal("aks-private-dns-5e6f7a8b.1f2e3d4c-5b6a-7980-a1b2-c3d4e5f6a7b8.privatelink.koreacentral.azmk8s.io", profile.ApiServerFqdn);
        }

        [Fact]
        public void AnAzAksObjectShowsPrivateAndTheLowerCasedHost()
        {
            var privateOne = ClusterProfileReader.Read(AzAks(fqdn: null, enablePrivateCluster: true,
                privateFqdn: "AKS1-DNS-1A2B3C4D.0A1B2C3D-0000-1111-2222-333344445555.privatelink.koreacentral.azmk8s.io"));
            var publicOne = ClusterProfileReader.Read(AzAks(fqdn: "AKS1-DNS-1A2B3C4D.HCP.KoreaCentral.AZMK8S.IO", enablePrivateCluster: false));

            Assert.True(privateOne.PrivateCluster);
            Assert.Equal("aks1-dns-1a2b3c4d.0a1b2c3d-0000-1111-2222-333344445555.privatelink.koreacentral.azmk8s.io", privateOne.ApiServerFqdn);
            Assert.False(publicOne.PrivateCluster);
            Assert.Equal("aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io", publicOne.ApiServerFqdn);
        }

        // ---------- add-ons ----------

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void EnabledAddonsBecomeFeatures(string shape)
        {
            var features = Read("kv-csi", shape).Features;

            Assert.Contains(AksFeature.KeyVaultSecretsProvider, features);
            Assert.Contains(AksFeature.AzurePolicy, features);
            Assert.Contains(AksFeature.Monitoring, features);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void ADisabledAddonIsNotAFeature(string shape)
        {
            // basic-public lists azurepolicy with enabled: false.
            var features = Read("basic-public", shape).Features;

            Assert.DoesNotContain(AksFeature.AzurePolicy, features);
            Assert.DoesNotContain(AksFeature.KeyVaultSecretsProvider, features);
            Assert.DoesNotContain(AksFeature.Monitoring, features);
        }

        [Fact]
        public void AnAzAksObjectsAddonDictionaryGivesTheSameFeatures()
        {
            var on = ClusterProfileReader.Read(AzAks(addons: Map(
                ("omsAgent", Addon(true)), ("azurepolicy", Addon(true)), ("azureKeyvaultSecretsProvider", Addon(true)))));
            var off = ClusterProfileReader.Read(AzAks(addons: Map(
                ("omsagent", Addon(false)), ("AzurePolicy", Addon(false)), ("AZUREKEYVAULTSECRETSPROVIDER", Addon(false)), ("httpApplicationRouting", Addon(true)))));

            Assert.Contains(AksFeature.Monitoring, on.Features);
            Assert.Contains(AksFeature.AzurePolicy, on.Features);
            Assert.Contains(AksFeature.KeyVaultSecretsProvider, on.Features);
            Assert.Equal(new[] { AksFeature.Core, AksFeature.UbuntuUpdates }, off.Features.OrderBy(f => f));
        }

        [Fact]
        public void AddonKeysAreMatchedWhateverTheirCase()
        {
            var doc = Document("kv-csi");
            var addons = doc["properties"]!["addonProfiles"]!.AsObject();
            var kv = addons["azureKeyvaultSecretsProvider"]!.DeepClone();
            var oms = addons["omsagent"]!.DeepClone();
            addons.Remove("azureKeyvaultSecretsProvider");
            addons.Remove("omsagent");
            addons["AZUREKEYVAULTSECRETSPROVIDER"] = kv;
            addons["omsAgent"] = oms;

            var features = Read(doc).Features;

            Assert.Contains(AksFeature.KeyVaultSecretsProvider, features);
            Assert.Contains(AksFeature.Monitoring, features);
        }

        [Fact]
        public void NullAddonProfilesMeanNoAddons()
        {
            var azAks = ClusterProfileReader.Read(AzAks(addons: null));
            var doc = Document("kv-csi");
            doc["properties"]!["addonProfiles"] = null;
            var arm = Read(doc);

            Assert.Equal(new[] { AksFeature.Core, AksFeature.UbuntuUpdates }, azAks.Features.OrderBy(f => f));
            Assert.Equal(new[] { AksFeature.Core, AksFeature.UbuntuUpdates }, arm.Features.OrderBy(f => f));
        }

        // ---------- profiles only ARM and Resource Graph carry ----------

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void DefenderAndWorkloadIdentityComeFromTheSecurityProfile(string shape)
        {
            var profile = Read("defender-workload-identity", shape);

            Assert.Contains(AksFeature.Defender, profile.Features);
            Assert.Contains(AksFeature.WorkloadIdentity, profile.Features);
            Assert.Empty(profile.Undetectable);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void CostAnalysisAndManagedPrometheusComeFromTheirProfiles(string shape)
        {
            var profile = Read("cost-analysis-prometheus", shape);

            Assert.Contains(AksFeature.CostAnalysis, profile.Features);
            Assert.Contains(AksFeature.Monitoring, profile.Features);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void DisabledProfilesAreNotFeatures(string shape)
        {
            // basic-public has securityProfile {} and metricsProfile.costAnalysis.enabled false.
            var features = Read("basic-public", shape).Features;

            Assert.DoesNotContain(AksFeature.Defender, features);
            Assert.DoesNotContain(AksFeature.WorkloadIdentity, features);
            Assert.DoesNotContain(AksFeature.CostAnalysis, features);
        }

        [Fact]
        public void AnAzAksObjectNamesWhatItCannotShow()
        {
            var plain = ClusterProfileReader.Read(AzAks());
            var withOmsAgent = ClusterProfileReader.Read(AzAks(addons: Map(("omsagent", Addon(true)))));

            Assert.Equal(new[] { AksFeature.WorkloadIdentity, AksFeature.Defender, AksFeature.Monitoring, AksFeature.CostAnalysis, AksFeature.ClusterExtensions }.OrderBy(f => f),
                plain.Undetectable.OrderBy(f => f));
            Assert.Equal(new[] { AksFeature.WorkloadIdentity, AksFeature.Defender, AksFeature.CostAnalysis, AksFeature.ClusterExtensions }.OrderBy(f => f),
                withOmsAgent.Undetectable.OrderBy(f => f));
            Assert.Contains(AksFeature.Monitoring, withOmsAgent.Features);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void ArmShapesHaveNothingUndetectable(string shape)
        {
            Assert.Empty(Read("basic-public", shape).Undetectable);
        }

        // ---------- agent pools ----------

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AnNSeriesPoolIsAGpuPool(string shape)
        {
            Assert.Contains(AksFeature.GpuNodePool, Read("gpu-pool", shape).Features);
            Assert.DoesNotContain(AksFeature.GpuNodePool, Read("basic-public", shape).Features);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AGpuInstanceProfileAloneMakesAGpuPool(string shape)
        {
            var doc = InShape("gpu-pool", shape);
            doc["properties"]!["agentPoolProfiles"]![1]!["vmSize"] = "Standard_D8ds_v5";

            Assert.Contains(AksFeature.GpuNodePool, Read(doc).Features);
        }

        [Fact]
        public void AnAzAksObjectShowsGpuPools()
        {
            var nSeries = ClusterProfileReader.Read(AzAks(pools: new List<object?> { Pool("Standard_D4ds_v5"), Pool("standard_nc6s_v3") }));
            var mig = ClusterProfileReader.Read(AzAks(pools: new List<object?> { Pool("Standard_D4ds_v5"), Pool("Standard_D8ds_v5", gpuInstanceProfile: "MIG2g") }));
            var none = ClusterProfileReader.Read(AzAks(pools: new List<object?> { Pool("Standard_D4ds_v5", gpuInstanceProfile: "") }));

            Assert.Contains(AksFeature.GpuNodePool, nSeries.Features);
            Assert.Contains(AksFeature.GpuNodePool, mig.Features);
            Assert.DoesNotContain(AksFeature.GpuNodePool, none.Features);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AWindowsPoolIsAWindowsNodePool(string shape)
        {
            var profile = Read("windows-pool", shape);

            Assert.Contains(AksFeature.WindowsNodePool, profile.Features);
            Assert.Contains(AksFeature.UbuntuUpdates, profile.Features); // its Ubuntu system pool
            Assert.DoesNotContain(AksFeature.WindowsNodePool, Read("basic-public", shape).Features);
        }

        [Fact]
        public void AnAzAksObjectShowsWindowsPools()
        {
            var profile = ClusterProfileReader.Read(AzAks(pools: new List<object?> { Pool("Standard_D4ds_v5"), Pool("Standard_D4s_v5", "Windows", "Windows2022") }));

            Assert.Contains(AksFeature.WindowsNodePool, profile.Features);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void UbuntuPoolsAddUbuntuUpdates(string shape)
        {
            var profile = Read("basic-public", shape);

            Assert.Contains(AksFeature.UbuntuUpdates, profile.Features);
            Assert.Equal(LinuxOsSku.Ubuntu, profile.OsSku);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AzureLinuxOnlyPoolsDoNot(string shape)
        {
            var profile = Read("azure-linux", shape);

            Assert.DoesNotContain(AksFeature.UbuntuUpdates, profile.Features);
            Assert.Equal(LinuxOsSku.AzureLinux, profile.OsSku);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void ALinuxPoolWithoutOsSkuIsUbuntu(string shape)
        {
            var doc = InShape("azure-linux", shape);
            doc["properties"]!["agentPoolProfiles"]![1]!.AsObject().Remove("osSKU");

            var profile = Read(doc);

            Assert.Contains(AksFeature.UbuntuUpdates, profile.Features);
            Assert.Equal(LinuxOsSku.Ubuntu, profile.OsSku);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void NoPoolsListedMeansUbuntu(string shape)
        {
            var doc = InShape("azure-linux", shape);
            doc["properties"]!.AsObject().Remove("agentPoolProfiles");

            Assert.Equal(LinuxOsSku.Ubuntu, Read(doc).OsSku);
            Assert.Contains(AksFeature.UbuntuUpdates, Read(doc).Features);
        }

        [Fact]
        public void AnAzAksObjectShowsTheLinuxOsSku()
        {
            var mariner = ClusterProfileReader.Read(AzAks(pools: new List<object?> { Pool("Standard_D4ds_v5", osSku: "CBLMariner"), Pool("Standard_D4ds_v5", osSku: "Mariner"), Pool("Standard_D4ds_v5", osSku: "AzureLinux") }));
            var mixed = ClusterProfileReader.Read(AzAks(pools: new List<object?> { Pool("Standard_D4ds_v5", osSku: "AzureLinux"), Pool("Standard_D4ds_v5", osSku: null) }));
            var noPools = ClusterProfileReader.Read(AzAks(pools: new List<object?>()));

            Assert.Equal(LinuxOsSku.AzureLinux, mariner.OsSku);
            Assert.DoesNotContain(AksFeature.UbuntuUpdates, mariner.Features);
            Assert.Equal(LinuxOsSku.Ubuntu, mixed.OsSku);
            Assert.Contains(AksFeature.UbuntuUpdates, mixed.Features);
            Assert.Equal(LinuxOsSku.Ubuntu, noPools.OsSku);
        }

        // ---------- proxy and outbound type ----------

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void TheHttpProxyConfigIsKept(string shape)
        {
            var proxy = Read("http-proxy", shape).HttpProxy;

            Assert.NotNull(proxy);
            Assert.Equal("http://proxy.contoso.example:3128/", proxy!.HttpProxy);
            Assert.Equal("http://proxy.contoso.example:3128/", proxy.HttpsProxy);
            Assert.Equal(new[] { "localhost", "127.0.0.1", "10.0.0.0/8", ".svc", ".cluster.local" }, proxy.NoProxy);
            Assert.Null(Read("basic-public", shape).HttpProxy);
        }

        [Theory]
        [InlineData(Arm, "basic-public", "loadBalancer")]
        [InlineData(Graph, "basic-public", "loadBalancer")]
        [InlineData(Arm, "private", "userDefinedRouting")]
        [InlineData(Graph, "private", "userDefinedRouting")]
        public void TheOutboundTypeIsKept(string shape, string document, string outboundType)
        {
            Assert.Equal(outboundType, Read(document, shape).OutboundType);
        }

        [Fact]
        public void AnAzAksObjectShowsTheOutboundType()
        {
            Assert.Equal("userDefinedRouting", ClusterProfileReader.Read(AzAks(outboundType: "userDefinedRouting")).OutboundType);
        }

        // ---------- wrong input ----------

        private static JsonObject StorageAccount() => new JsonObject
        {
            ["id"] = $"/subscriptions/{Sub}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata01",
            ["name"] = "stdata01",
            ["type"] = "Microsoft.Storage/storageAccounts",
            ["location"] = "koreacentral",
            ["kind"] = "StorageV2",
            ["sku"] = new JsonObject { ["name"] = "Standard_LRS", ["tier"] = "Standard" },
            ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded", ["supportsHttpsTrafficOnly"] = true },
        };

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AStorageAccountIsNotAnAksCluster(string shape)
        {
            var doc = StorageAccount();
            if (shape == Graph)
            {
                doc["type"] = "microsoft.storage/storageaccounts";
                doc["subscriptionId"] = Sub;
                doc["resourceGroup"] = "rg-data";
            }

            var ex = Assert.Throws<AksEgressInputException>(() => Read(doc));

            Assert.Equal("NotAnAksCluster", ex.ErrorId);
            Assert.Equal(AksEgressErrorKind.InvalidData, ex.Kind);
            Assert.Equal((string)doc["id"]!, ex.Target);
            Assert.Contains((string)doc["type"]!, ex.Message);
            Assert.Contains("Get-AzAksCluster", ex.Message);
            Assert.Contains("az aks show", ex.Message);
            Assert.Contains("Search-AzGraph", ex.Message);
            Assert.Contains("microsoft.containerservice/managedclusters", ex.Message);
        }

        [Fact]
        public void AnObjectOfAnotherTypeWithoutIdIsNamedByItsName()
        {
            var tree = Map(("Name", "vm1"), ("Type", "Microsoft.Compute/virtualMachines"), ("Location", "koreacentral"));

            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(tree));

            Assert.Equal("NotAnAksCluster", ex.ErrorId);
            Assert.Equal("vm1", ex.Target);
        }

        [Fact]
        public void AJsonArrayIsNotACluster()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(JsonDocument.Parse("[]").RootElement));

            Assert.Equal("NotAnAksCluster", ex.ErrorId);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AClusterWithoutLocationIsRefused(string shape)
        {
            var doc = InShape("basic-public", shape);
            doc.Remove("location");

            var ex = Assert.Throws<AksEgressInputException>(() => Read(doc));

            Assert.Equal("ClusterLocationMissing", ex.ErrorId);
            Assert.Equal(AksEgressErrorKind.InvalidData, ex.Kind);
            Assert.Equal((string)doc["id"]!, ex.Target);
            Assert.Contains("aks-basic", ex.Message);
        }

        [Fact]
        public void AnAzAksObjectWithoutLocationIsRefused()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ClusterProfileReader.Read(AzAks(location: "  ")));

            Assert.Equal("ClusterLocationMissing", ex.ErrorId);
        }

        // ---------- loose input ----------

        [Fact]
        public void KeysAreMatchedCaseInsensitivelyEvenInAnOrdinalDictionary()
        {
            var tree = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["ID"] = $"/subscriptions/{Sub}/resourcegroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks2",
                ["NAME"] = "aks2",
                ["TYPE"] = "MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS",
                ["Location"] = "KoreaCentral",
                ["PROPERTIES"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["FQDN"] = "aks2-dns-0f0f0f0f.hcp.koreacentral.azmk8s.io",
                    ["ApiServerAccessProfile"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["EnablePrivateCluster"] = false },
                    ["AddonProfiles"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["AzurePolicy"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ENABLED"] = true },
                    },
                    ["SecurityProfile"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["WorkloadIdentity"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["Enabled"] = true },
                    },
                    ["AgentPoolProfiles"] = new List<object?>
                    {
                        new Dictionary<string, object?>(StringComparer.Ordinal) { ["OSTYPE"] = "Windows", ["VMSIZE"] = "Standard_D4s_v5" },
                        new Dictionary<string, object?>(StringComparer.Ordinal) { ["OSTYPE"] = "Linux", ["OSSKU"] = "AzureLinux" },
                    },
                },
            };

            var profile = ClusterProfileReader.Read(tree);

            Assert.Equal(ClusterShape.ArmJson, profile.Shape);
            Assert.Equal("aks2", profile.Name);
            Assert.Equal("koreacentral", profile.Location);
            Assert.Equal("aks2-dns-0f0f0f0f.hcp.koreacentral.azmk8s.io", profile.ApiServerFqdn);
            Assert.Contains(AksFeature.AzurePolicy, profile.Features);
            Assert.Contains(AksFeature.WorkloadIdentity, profile.Features);
            Assert.Contains(AksFeature.WindowsNodePool, profile.Features);
            Assert.Equal(LinuxOsSku.AzureLinux, profile.OsSku);
        }

        [Fact]
        public void JsonKeysAreMatchedCaseInsensitively()
        {
            var json = Document("private").ToJsonString().Replace("\"properties\"", "\"PROPERTIES\"").Replace("\"location\"", "\"Location\"")
                .Replace("\"enablePrivateCluster\"", "\"EnablePrivateCluster\"");

            var profile = ClusterProfileReader.Read(JsonDocument.Parse(json).RootElement);

            Assert.Equal(ClusterShape.ArmJson, profile.Shape);
            Assert.Equal("koreacentral", profile.Location);
            Assert.True(profile.PrivateCluster);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void BoolsMayArriveAsStrings(string shape)
        {
            var doc = InShape("defender-workload-identity", shape);
            var properties = doc["properties"]!;
            properties["securityProfile"]!["defender"]!["securityMonitoring"]!["enabled"] = "True";
            properties["securityProfile"]!["workloadIdentity"]!["enabled"] = "true";
            properties["apiServerAccessProfile"] = new JsonObject { ["enablePrivateCluster"] = "False" };
            properties["addonProfiles"]!["azurepolicy"]!["enabled"] = "TRUE";

            var profile = Read(doc);

            Assert.Contains(AksFeature.Defender, profile.Features);
            Assert.Contains(AksFeature.WorkloadIdentity, profile.Features);
            Assert.Contains(AksFeature.AzurePolicy, profile.Features);
            Assert.False(profile.PrivateCluster);
        }

        [Fact]
        public void AnAzAksObjectMayCarryBoolsAsStrings()
        {
            var profile = ClusterProfileReader.Read(AzAks(enablePrivateCluster: "True", fqdn: null,
                privateFqdn: "aks1-dns-1a2b3c4d.0a1b2c3d-0000-1111-2222-333344445555.privatelink.koreacentral.azmk8s.io",
                addons: Map(("omsagent", Addon("True")), ("azurepolicy", Addon("false")))));

            Assert.True(profile.PrivateCluster);
            Assert.Contains(AksFeature.Monitoring, profile.Features);
            Assert.DoesNotContain(AksFeature.AzurePolicy, profile.Features);
        }

        // ---------- end to end ----------

        private static IReadOnlyList<AksEgressRule> Rules(ClusterProfile profile) =>
            RuleDeriver.Default.Derive(profile.ToPlan(new List<RuleRequirement>(), false)).Rules;

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void ABasicPublicClusterGetsItsExactApiServerHost(string shape)
        {
            var rules = Rules(Read("basic-public", shape));

            Assert.Contains(rules, r => r.Destination == "aks-basic-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io");
            Assert.DoesNotContain(rules, r => r.Destination.Contains("*.hcp."));
        }

        [Fact]
        public void AnAzAksObjectGetsItsExactApiServerHost()
        {
            var rules = Rules(ClusterProfileReader.Read(AzAks()));

            Assert.Contains(rules, r => r.Destination == "aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io");
            Assert.DoesNotContain(rules, r => r.Destination.Contains("*.hcp."));
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void APrivateClusterGetsNoApiServerRule(string shape)
        {
            var rules = Rules(Read("private", shape));

            Assert.NotEmpty(rules);
            Assert.DoesNotContain(rules, r => r.Destination.Contains(".hcp.") || r.Destination.Contains("privatelink"));
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void AChinaClusterGetsTheChinaEndpoints(string shape)
        {
            var rules = Rules(Read("china", shape));

            Assert.All(rules, r => Assert.Equal(AzureCloudName.AzureChinaCloud, r.Cloud));
            Assert.Contains(rules, r => r.Destination == "aks-cn-dns-2b3c4d5e.hcp.chinaeast2.cx.prod.service.azk8s.cn");
            Assert.Contains(rules, r => r.Destination.EndsWith(".azk8s.cn") && r.Destination != "aks-cn-dns-2b3c4d5e.hcp.chinaeast2.cx.prod.service.azk8s.cn");
            Assert.DoesNotContain(rules, r => r.Destination.EndsWith("azmk8s.io") || r.Destination.EndsWith("containerservice.azure.us"));
        }

        // ---------- the cloud of the ARM endpoint, and extensions (live reads and our Resource Graph rows) ----------

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void WithoutAnApiServerHostTheCloudIsTheArmEndpointsNotTheRegionListsGuess(string shape)
        {
            var doc = InShape("private", shape);
            var properties = doc["properties"]!.AsObject();
            properties.Remove("fqdn");
            properties.Remove("privateFQDN");
            doc["location"] = "newregion1"; // a region too new for our list: the list would guess the public cloud

            var tree = (IReadOnlyDictionary<string, object?>)JsonPropertyTree.Convert(JsonSerializer.SerializeToElement(doc))!;

            Assert.Equal(AzureCloudName.AzureChinaCloud, ClusterProfileReader.Read(tree, AzureCloudName.AzureChinaCloud).Cloud);
            Assert.Equal(AzureCloudName.AzureCloud, ClusterProfileReader.Read(tree).Cloud);
        }

        [Theory]
        [InlineData(Arm)]
        [InlineData(Graph)]
        public void ExtensionTypesAddedByOurReadsBringClusterExtensions(string shape)
        {
            var with = InShape("basic-public", shape);
            with["extensionTypes"] = new JsonArray("microsoft.flux", "microsoft.dapr");
            var none = InShape("basic-public", shape);
            none["extensionTypes"] = new JsonArray();

            var withProfile = Read(with);
            var noneProfile = Read(none);
            var unknown = Read("basic-public", shape);

            Assert.Contains(AksFeature.ClusterExtensions, withProfile.Features);
            Assert.Equal(new[] { "microsoft.flux", "microsoft.dapr" }, withProfile.ExtensionTypes);
            Assert.True(withProfile.ExtensionsKnown);
            Assert.DoesNotContain(AksFeature.ClusterExtensions, noneProfile.Features);
            Assert.True(noneProfile.ExtensionsKnown);
            Assert.False(unknown.ExtensionsKnown);
        }
    }
}
