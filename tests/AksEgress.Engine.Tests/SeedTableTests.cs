using System.Linq;
using System.Text;
using AksEgress.Catalog;

namespace AksEgress.Engine.Tests
{
    /// <summary>
    /// Every table of the seed documents, typed by hand from /work/shared/seeds (not copied from rules.json),
    /// compared row by row with the catalog entries that cite the table. A row the catalog misses, misspells
    /// or files under the wrong cloud, protocol or port shows up as a missing and an unexpected tuple.
    /// </summary>
    public class SeedTableTests
    {
        private const RuleProtocol HTTPS = RuleProtocol.HTTPS;
        private const RuleProtocol HTTP = RuleProtocol.HTTP;
        private const RuleProtocol TCP = RuleProtocol.TCP;
        private const RuleProtocol UDP = RuleProtocol.UDP;

        private static readonly AzureCloudName[] Public = { AzureCloudName.AzureCloud };
        private static readonly AzureCloudName[] China = { AzureCloudName.AzureChinaCloud };
        private static readonly AzureCloudName[] Gov = { AzureCloudName.AzureUSGovernment };
        private static readonly AzureCloudName[] AllClouds =
            { AzureCloudName.AzureCloud, AzureCloudName.AzureChinaCloud, AzureCloudName.AzureUSGovernment };

        /// <summary>One row as typed: a destination, protocol and port; Clouds null means "all of the table's clouds".</summary>
        private sealed record Row(string Destination, RuleProtocol Protocol, int Port, AzureCloudName[]? Clouds = null)
        {
            public Row In(AzureCloudName[] clouds) => this with { Clouds = clouds };
        }

        private sealed record SeedTable(string Id, AksFeature Feature, AzureCloudName[] Clouds, Row[] Rows);

        /// <summary>What is compared: one destination, protocol and port in one cloud.</summary>
        private readonly record struct SeedTuple(AzureCloudName Cloud, string Destination, RuleProtocol Protocol, int Port)
        {
            public override string ToString() => $"{Cloud,-18} {Destination}  {Protocol}/{Port}";
        }

        private static Row R(string destination, RuleProtocol protocol, int port) => new Row(destination, protocol, port);

        private static SeedTable T(string id, AksFeature feature, AzureCloudName[] clouds, params Row[] rows) =>
            new SeedTable(id, feature, clouds, rows);

        // ---------------------------------------------------------------------------------------------
        // Seed 000_3653b72364e85a46.txt (current edition)
        // ---------------------------------------------------------------------------------------------
        private static readonly SeedTable[] CurrentTables =
        {
            // "Azure 글로벌 필수 네트워크 규칙"
            T("000/public-network", AksFeature.Core, Public,
                R("AzureCloud.{location}", UDP, 1194),     // *:1194 Or AzureCloud.<Region>:1194 Or RegionCIDRs Or APIServerPublicIP
                R("AzureCloud.{location}", TCP, 9000),     // *:9000 Or AzureCloud.<Region>:9000 Or ...
                R("ntp.ubuntu.com", UDP, 123),             // *:123 또는 ntp.ubuntu.com:123
                R("CustomDnsIP", UDP, 53),                 // CustomDNSIP:53
                R("APIServerPublicIP", TCP, 443)),         // APIServerPublicIP:443

            // "Azure 글로벌 필수 FQDN/애플리케이션 규칙"
            T("000/public-fqdn", AksFeature.Core, Public,
                R("*.hcp.{location}.azmk8s.io", HTTPS, 443),
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.data.mcr.microsoft.com", HTTPS, 443),
                R("management.azure.com", HTTPS, 443),
                R("login.microsoftonline.com", HTTPS, 443),
                R("packages.microsoft.com", HTTPS, 443),
                R("acs-mirror.azureedge.net", HTTPS, 443)),

            // "21Vianet에서 운영하는 Microsoft Azure 필수 네트워크 규칙"
            T("000/china-network", AksFeature.Core, China,
                R("AzureCloud.{location}", UDP, 1194),     // page writes "AzureCloud.Region:1194" (no angle brackets)
                R("AzureCloud.{location}", TCP, 9000),
                R("AzureCloud.{location}", TCP, 22),
                R("ntp.ubuntu.com", UDP, 123),
                R("CustomDnsIP", UDP, 53),
                R("APIServerPublicIP", TCP, 443)),

            // "21Vianet에서 운영하는 Microsoft Azure에는 FQDN/애플리케이션 규칙이 필요합니다."
            T("000/china-fqdn", AksFeature.Core, China,
                R("*.hcp.{location}.cx.prod.service.azk8s.cn", HTTPS, 443),
                R("*.tun.{location}.cx.prod.service.azk8s.cn", HTTPS, 443),
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.data.mcr.microsoft.com", HTTPS, 443),  // page defect: ".data.mcr.microsoft.com"
                R("management.chinacloudapi.cn", HTTPS, 443),
                R("login.chinacloudapi.cn", HTTPS, 443),
                R("packages.microsoft.com", HTTPS, 443),
                R("*.azk8s.cn", HTTPS, 443)),

            // "Azure 미국 정부 필수 네트워크 규칙"
            T("000/usgov-network", AksFeature.Core, Gov,
                R("AzureCloud.{location}", UDP, 1194),
                R("AzureCloud.{location}", TCP, 9000),
                R("ntp.ubuntu.com", UDP, 123),
                R("CustomDnsIP", UDP, 53),
                R("APIServerPublicIP", TCP, 443)),

            // "Azure 미국 정부 필수 FQDN/애플리케이션 규칙"
            T("000/usgov-fqdn", AksFeature.Core, Gov,
                R("*.hcp.{location}.cx.aks.containerservice.azure.us", HTTPS, 443),
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.data.mcr.microsoft.com", HTTPS, 443),
                R("management.usgovcloudapi.net", HTTPS, 443),
                R("login.microsoftonline.us", HTTPS, 443),
                R("packages.microsoft.com", HTTPS, 443),
                R("acs-mirror.azureedge.net", HTTPS, 443)),

            // Bullets under "AKS 클러스터에 필요한 아웃바운드 네트워크 규칙 및 FQDN": "md-*.blob.storage.azure.net"
            T("000/notes", AksFeature.Core, Public,
                R("md-*.blob.storage.azure.net", HTTPS, 443)),

            // "다음 FQDN/애플리케이션 규칙은 필수는 아니지만 AKS 클러스터에 권장됩니다."
            T("000/ubuntu-recommended", AksFeature.UbuntuUpdates, AllClouds,
                R("security.ubuntu.com", HTTP, 80),
                R("azure.archive.ubuntu.com", HTTP, 80),
                R("changelogs.ubuntu.com", HTTP, 80)),

            // "GPU 지원 AKS 클러스터에는 FQDN/애플리케이션 규칙이 필요합니다."
            T("000/gpu", AksFeature.GpuNodePool, AllClouds,
                R("nvidia.github.io", HTTPS, 443),
                R("us.download.nvidia.com", HTTPS, 443),
                R("download.docker.com", HTTPS, 443)),

            // "Windows Server 기반 노드 풀에는 FQDN/애플리케이션 규칙이 필요합니다."
            T("000/windows", AksFeature.WindowsNodePool, AllClouds,
                R("onegetcdn.azureedge.net", HTTPS, 443),
                R("go.microsoft.com", HTTPS, 443),
                R("*.mp.microsoft.com", HTTP, 80),
                R("www.msftconnecttest.com", HTTP, 80),
                R("ctldl.windowsupdate.com", HTTP, 80)),

            // "컨테이너용 Microsoft Defender" > "필수 FQDN/애플리케이션 규칙"
            T("000/defender", AksFeature.Defender, AllClouds,
                R("login.microsoftonline.com", HTTPS, 443).In(Public),
                R("login.microsoftonline.us", HTTPS, 443).In(Gov),        // (Azure Government)
                R("login.microsoftonline.cn", HTTPS, 443).In(China),      // (21Vianet에서 운영하는 Azure)
                R("*.ods.opinsights.azure.com", HTTPS, 443).In(Public),
                R("*.ods.opinsights.azure.us", HTTPS, 443).In(Gov),
                R("*.ods.opinsights.azure.cn", HTTPS, 443).In(China),
                R("*.oms.opinsights.azure.com", HTTPS, 443).In(Public),
                R("*.oms.opinsights.azure.us", HTTPS, 443).In(Gov),
                R("*.oms.opinsights.azure.cn", HTTPS, 443).In(China)),

            // "CSI 비밀 저장소" > "필수 FQDN/애플리케이션 규칙"
            T("000/csi-secrets-store", AksFeature.KeyVaultSecretsProvider, Public,
                R("vault.azure.net", HTTPS, 443)),

            // "컨테이너용 Azure Monitor" > "필수 네트워크 규칙": 서비스 태그 - AzureMonitor:443
            T("000/monitor-network", AksFeature.Monitoring, AllClouds,
                R("AzureMonitor", TCP, 443)),

            // "컨테이너용 Azure Monitor" > "필수 FQDN/애플리케이션 규칙"
            T("000/monitor-public-fqdn", AksFeature.Monitoring, Public,
                R("dc.services.visualstudio.com", HTTPS, 443),
                R("*.ods.opinsights.azure.com", HTTPS, 443),
                R("*.oms.opinsights.azure.com", HTTPS, 443),
                R("*.monitoring.azure.com", HTTPS, 443),
                R("{location}.ingest.monitor.azure.com", HTTPS, 443),           // <cluster-region-name>
                R("{location}.handler.control.monitor.azure.com", HTTPS, 443)),

            // "컨테이너용 Azure Monitor" > "21Vianet에서 운영하는 Microsoft Azure에는 FQDN/애플리케이션 규칙이 필요합니다."
            T("000/monitor-china-fqdn", AksFeature.Monitoring, China,
                R("dc.services.visualstudio.com", HTTPS, 443),
                R("*.ods.opinsights.azure.cn", HTTPS, 443),
                R("*.oms.opinsights.azure.cn", HTTPS, 443),
                R("global.handler.control.monitor.azure.cn", HTTPS, 443),
                R("{location}.handler.control.monitor.azure.cn", HTTPS, 443)),

            // "컨테이너용 Azure Monitor" > "Azure 미국 정부 필수 FQDN/애플리케이션 규칙"
            T("000/monitor-usgov-fqdn", AksFeature.Monitoring, Gov,
                R("dc.services.visualstudio.com", HTTPS, 443),
                R("*.ods.opinsights.azure.us", HTTPS, 443),
                R("*.oms.opinsights.azure.us", HTTPS, 443),
                R("global.handler.control.monitor.azure.us", HTTPS, 443),
                R("{location}.handler.control.monitor.azure.us", HTTPS, 443)),

            // "Azure Policy" > "필수 FQDN/애플리케이션 규칙"
            T("000/policy-public", AksFeature.AzurePolicy, Public,
                R("data.policy.core.windows.net", HTTPS, 443),
                R("store.policy.core.windows.net", HTTPS, 443),
                R("dc.services.visualstudio.com", HTTPS, 443)),

            // "Azure Policy" > "21Vianet에서 운영하는 Microsoft Azure에는 FQDN/애플리케이션 규칙이 필요합니다."
            T("000/policy-china", AksFeature.AzurePolicy, China,
                R("data.policy.azure.cn", HTTPS, 443),
                R("store.policy.azure.cn", HTTPS, 443)),

            // "Azure Policy" > "Azure 미국 정부 필수 FQDN/애플리케이션 규칙"
            T("000/policy-usgov", AksFeature.AzurePolicy, Gov,
                R("data.policy.azure.us", HTTPS, 443),
                R("store.policy.azure.us", HTTPS, 443)),

            // "클러스터 확장" > "필수 FQDN/애플리케이션 규칙"
            T("000/extensions-public", AksFeature.ClusterExtensions, Public,
                R("{location}.dp.kubernetesconfiguration.azure.com", HTTPS, 443),   // <region>
                R("mcr.microsoft.com", HTTPS, 443),                                 // "mcr.microsoft.com, *.data.mcr.microsoft.com"
                R("*.data.mcr.microsoft.com", HTTPS, 443),
                R("arcmktplaceprod.azurecr.io", HTTPS, 443),
                R("arcmktplaceprod.centralindia.data.azurecr.io", HTTPS, 443),
                R("arcmktplaceprod.japaneast.data.azurecr.io", HTTPS, 443),
                R("arcmktplaceprod.westus2.data.azurecr.io", HTTPS, 443),
                R("arcmktplaceprod.westeurope.data.azurecr.io", HTTPS, 443),
                R("arcmktplaceprod.eastus.data.azurecr.io", HTTPS, 443),
                R("*.ingestion.msftcloudes.com", HTTPS, 443),                       // "*.ingestion.msftcloudes.com, *.microsoftmetrics.com"
                R("*.microsoftmetrics.com", HTTPS, 443),
                R("marketplaceapi.microsoft.com", HTTPS, 443)),                     // "HTTPS: 443"

            // "클러스터 확장" > "Azure 미국 정부 필수 FQDN/애플리케이션 규칙"
            T("000/extensions-usgov", AksFeature.ClusterExtensions, Gov,
                R("{location}.dp.kubernetesconfiguration.azure.us", HTTPS, 443),
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.data.mcr.microsoft.com", HTTPS, 443)),
        };

        // ---------------------------------------------------------------------------------------------
        // Seed 001_fb1b336350dccd1a.txt (2020 edition, Korean machine translation)
        // ---------------------------------------------------------------------------------------------
        private static readonly SeedTable[] LegacyTables =
        {
            // "AKS 클러스터에 필요한 포트 및 주소" bullets: TCP 443, TCP [IPAddrOfYourAPIServer]:443, UDP 53
            T("001/network-bullets", AksFeature.Core, AllClouds,
                R("*", TCP, 443),
                R("APIServerPublicIP", TCP, 443),
                R("*", UDP, 53)),

            // "- Azure 글로벌"
            T("001/public-fqdn", AksFeature.Core, Public,
                R("*.hcp.{location}.azmk8s.io", HTTPS, 443),   // "*. hcp.\<위치\>. azmk8s.io | HTTPS:443, TCP:22, TCP:9000"
                R("*.hcp.{location}.azmk8s.io", TCP, 22),
                R("*.hcp.{location}.azmk8s.io", TCP, 9000),
                R("*.tun.{location}.azmk8s.io", HTTPS, 443),   // "*. 실행.\<위치\>. azmk8s.io | HTTPS:443, TCP:22, TCP:9000"
                R("*.tun.{location}.azmk8s.io", TCP, 22),
                R("*.tun.{location}.azmk8s.io", TCP, 9000),
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.cdn.mscr.io", HTTPS, 443),
                R("management.azure.com", HTTPS, 443),
                R("login.microsoftonline.com", HTTPS, 443),
                R("ntp.ubuntu.com", UDP, 123),
                R("packages.microsoft.com", HTTPS, 443),
                R("acs-mirror.azureedge.net", HTTPS, 443)),

            // "- Azure China 21Vianet"
            T("001/china-fqdn", AksFeature.Core, China,
                R("*.hcp.{location}.cx.prod.service.azk8s.cn", HTTPS, 443),
                R("*.hcp.{location}.cx.prod.service.azk8s.cn", TCP, 22),
                R("*.hcp.{location}.cx.prod.service.azk8s.cn", TCP, 9000),
                R("*.tun.{location}.cx.prod.service.azk8s.cn", HTTPS, 443),
                R("*.tun.{location}.cx.prod.service.azk8s.cn", TCP, 22),
                R("*.tun.{location}.cx.prod.service.azk8s.cn", TCP, 9000),
                R("*.azk8s.cn", HTTPS, 443),                   // "*. azk8s.cn"
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.cdn.mscr.io", HTTPS, 443),
                R("management.chinacloudapi.cn", HTTPS, 443),
                R("login.chinacloudapi.cn", HTTPS, 443),
                R("ntp.ubuntu.com", UDP, 123),
                R("packages.microsoft.com", HTTPS, 443)),      // (no acs-mirror row in this table)

            // "- Azure Government"
            T("001/usgov-fqdn", AksFeature.Core, Gov,
                R("*.hcp.{location}.cx.aks.containerservice.azure.us", HTTPS, 443),
                R("*.hcp.{location}.cx.aks.containerservice.azure.us", TCP, 22),
                R("*.hcp.{location}.cx.aks.containerservice.azure.us", TCP, 9000),
                R("*.tun.{location}.cx.aks.containerservice.azure.us", HTTPS, 443),
                R("*.tun.{location}.cx.aks.containerservice.azure.us", TCP, 22),
                R("*.tun.{location}.cx.aks.containerservice.azure.us", TCP, 9000),
                R("mcr.microsoft.com", HTTPS, 443),
                R("*.cdn.mscr.io", HTTPS, 443),
                R("management.usgovcloudapi.net", HTTPS, 443),
                R("login.microsoftonline.us", HTTPS, 443),
                R("ntp.ubuntu.com", UDP, 123),
                R("packages.microsoft.com", HTTPS, 443),
                R("acs-mirror.azureedge.net", HTTPS, 443)),

            // "AKS 클러스터에 대 한 선택적 권장 주소 및 포트"
            T("001/ubuntu-optional", AksFeature.UbuntuUpdates, AllClouds,
                R("security.ubuntu.com", HTTP, 80),
                R("azure.archive.ubuntu.com", HTTP, 80),
                R("changelogs.ubuntu.com", HTTP, 80)),

            // "GPU 사용 AKS 클러스터에 대 한 필수 주소 및 포트"
            T("001/gpu", AksFeature.GpuNodePool, AllClouds,
                R("nvidia.github.io", HTTPS, 443),
                R("us.download.nvidia.com", HTTPS, 443),
                R("apt.dockerproject.org", HTTPS, 443)),

            // "컨테이너에 대해 Azure Monitor를 사용 하도록 설정 된 필수 주소 및 포트"
            T("001/monitor", AksFeature.Monitoring, Public,
                R("dc.services.visualstudio.com", HTTPS, 443),
                R("*.ods.opinsights.azure.com", HTTPS, 443),
                R("*.oms.opinsights.azure.com", HTTPS, 443),
                R("*.microsoftonline.com", HTTPS, 443),
                R("*.monitoring.azure.com", HTTPS, 443)),

            // "Azure Dev Spaces 사용 하도록 설정 된 필수 주소 및 포트"
            T("001/devspaces", AksFeature.DevSpaces, Public,
                R("cloudflare.docker.com", HTTPS, 443),
                R("gcr.io", HTTP, 443),                        // "HTTP: 443" (sic)
                R("storage.googleapis.com", HTTP, 443),        // "HTTP: 443" (sic)
                R("azds-*.{location}.azds.io", HTTPS, 443)),   // "azds-<guid>.<location>azds.io"

            // "Azure Policy (공개 미리 보기) 사용으로 설정 된 AKS 클러스터에 대 한 필수 주소 및 포트"
            T("001/policy-preview", AksFeature.AzurePolicy, Public,
                R("gov-prod-policy-data.trafficmanager.net", HTTPS, 443),
                R("raw.githubusercontent.com", HTTPS, 443),
                R("*.gk.{location}.azmk8s.io", HTTPS, 443),    // "\* .gk.<location>azmk8s.io"
                R("dc.services.visualstudio.com", HTTPS, 443)),

            // "Windows Server 기반 노드 (공개 미리 보기) 사용에 필요 합니다."
            T("001/windows-preview", AksFeature.WindowsNodePool, AllClouds,
                R("onegetcdn.azureedge.net", HTTPS, 443),
                R("winlayers.blob.core.windows.net", HTTPS, 443),
                R("winlayers.cdn.mscr.io", HTTPS, 443),
                R("go.microsoft.com", HTTPS, 443),
                R("mp.microsoft.com", HTTP, 80),               // "mp.microsoft.com,<span></span>msftconnecttest.com"
                R("msftconnecttest.com", HTTP, 80),
                R("ctldl.windowsupdate.com", HTTP, 80),
                R("kms.core.windows.net", TCP, 1688)),         // "TCP: 1688"
        };

        // ---------------------------------------------------------------------------------------------
        // Newer English edition: rows an issue added (not in either seed)
        // ---------------------------------------------------------------------------------------------
        private static readonly SeedTable[] NewerTables =
        {
            T("2026/core-public", AksFeature.Core, Public,
                R("packages.aks.azure.com", HTTPS, 443),
                R("mcr-0001.mcr-msedge.net", HTTPS, 443)),

            T("2026/core-usgov", AksFeature.Core, Gov,
                R("packages.aks.azure.com", HTTPS, 443)),

            T("2026/core-china", AksFeature.Core, China,
                R("mcr.azure.cn", HTTPS, 443),
                R("*.data.mcr.azure.cn", HTTPS, 443)),

            T("2026/ubuntu", AksFeature.UbuntuUpdates, AllClouds,
                R("snapshot.ubuntu.com", HTTPS, 443)),

            T("2026/workload-identity", AksFeature.WorkloadIdentity, AllClouds,
                R("login.microsoftonline.com", HTTPS, 443).In(Public),
                R("login.chinacloudapi.cn", HTTPS, 443).In(China),
                R("login.microsoftonline.us", HTTPS, 443).In(Gov)),

            T("2026/defender", AksFeature.Defender, Public,
                R("*.cloud.defender.microsoft.com", HTTPS, 443)),

            T("2026/csi-secrets-store", AksFeature.KeyVaultSecretsProvider, Gov,
                R("*.vault.usgovcloudapi.net", HTTPS, 443)),

            T("2026/monitor-public", AksFeature.Monitoring, Public,
                R("global.handler.control.monitor.azure.com", HTTPS, 443),
                R("*.ingest.monitor.azure.com", HTTPS, 443),
                R("*.metrics.ingest.monitor.azure.com", HTTPS, 443),
                R("*.in.applicationinsights.azure.com", HTTPS, 443),
                R("login.microsoftonline.com", HTTPS, 443)),

            T("2026/monitor-china", AksFeature.Monitoring, China,
                R("*.ingest.monitor.azure.cn", HTTPS, 443),
                R("*.metrics.ingest.monitor.azure.cn", HTTPS, 443),
                R("*.in.applicationinsights.azure.com", HTTPS, 443)),

            T("2026/monitor-usgov", AksFeature.Monitoring, Gov,
                R("*.ingest.monitor.azure.us", HTTPS, 443),
                R("*.metrics.ingest.monitor.azure.us", HTTPS, 443),
                R("*.in.applicationinsights.azure.com", HTTPS, 443)),

            T("2026/cost-analysis", AksFeature.CostAnalysis, AllClouds,
                R("management.azure.com", HTTPS, 443).In(Public),
                R("login.microsoftonline.com", HTTPS, 443).In(Public),
                R("management.usgovcloudapi.net", HTTPS, 443).In(Gov),
                R("login.microsoftonline.us", HTTPS, 443).In(Gov),
                R("management.chinacloudapi.cn", HTTPS, 443).In(China),
                R("login.microsoftonline.cn", HTTPS, 443).In(China)),
        };

        private static readonly SeedTable[] AllTables = CurrentTables.Concat(LegacyTables).Concat(NewerTables).ToArray();

        public static TheoryData<string> TableIds() => new(AllTables.Select(t => t.Id));

        // ---------------------------------------------------------------------------------------------
        // Tests
        // ---------------------------------------------------------------------------------------------

        [Theory]
        [MemberData(nameof(TableIds))]
        public void CatalogRowsCitingTheTableMatchTheSeed(string tableId)
        {
            var table = AllTables.Single(t => t.Id == tableId);
            var catalog = RuleCatalog.Default;
            var citing = catalog.Entries.Where(e => e.SourceTables.Contains(tableId)).ToList();

            var expected = ExpectedTuples(table);
            var actual = ActualTuples(table, citing); // tuple -> ids of the entries that produce it

            var problems = new List<string>();
            if (!catalog.Tables.ContainsKey(tableId)) problems.Add("The catalog has no source table with this id.");

            var missing = expected.Where(t => !actual.ContainsKey(t)).OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"Missing from the catalog ({missing.Count}; typed from the seed, no entry citing {tableId} has it):"
                    + string.Concat(missing.Select(t => "\n    - " + t)));
            }

            var unexpected = actual.Keys.Where(t => !expected.Contains(t)).OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
            if (unexpected.Count > 0)
            {
                problems.Add($"Unexpected in the catalog ({unexpected.Count}; an entry cites {tableId} but the seed has no such row):"
                    + string.Concat(unexpected.Select(t => $"\n    - {t}   [entry {string.Join(", ", actual[t])}]")));
            }

            foreach (var e in citing.Where(e => !e.Clouds.Intersect(table.Clouds).Any()))
            {
                problems.Add($"Entry {e.Id} cites {tableId} but its clouds ({string.Join(", ", e.Clouds)}) include none of the table's ({string.Join(", ", table.Clouds)}).");
            }

            foreach (var e in citing.Where(e => e.Feature != table.Feature))
            {
                problems.Add($"Entry {e.Id} ({e.DestinationTemplate} {e.Protocol}/{e.Port}) has Feature {e.Feature}; table {tableId} is {table.Feature}.");
            }

            if (problems.Count > 0) Assert.Fail(Report(table, problems));
        }

        [Fact]
        public void EveryCatalogTableIsTypedHereAndEveryTypedTableIsInTheCatalog()
        {
            var typed = AllTables.Select(t => t.Id).ToList();
            var inCatalog = RuleCatalog.Default.Tables.Keys.ToList();

            var notTyped = inCatalog.Except(typed).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var notInCatalog = typed.Except(inCatalog).OrderBy(id => id, StringComparer.Ordinal).ToList();
            if (notTyped.Count == 0 && notInCatalog.Count == 0) return;

            var message = new StringBuilder("Source tables of the catalog and of this test differ.");
            if (notTyped.Count > 0) message.Append("\n  In the catalog, not typed in SeedTableTests: ").Append(string.Join(", ", notTyped));
            if (notInCatalog.Count > 0) message.Append("\n  Typed in SeedTableTests, not in the catalog: ").Append(string.Join(", ", notInCatalog));
            Assert.Fail(message.ToString());
        }

        [Fact]
        public void AnEntryIsLegacy2020ExactlyWhenAllItsSourcesAreThe2020Seed()
        {
            var wrong = RuleCatalog.Default.Entries
                .Where(e => (e.Edition == CatalogEdition.Legacy2020) != (e.SourceTables.Count > 0 && e.SourceTables.All(s => s.StartsWith("001/", StringComparison.Ordinal))))
                .Select(e => $"\n    - {e.Id}: Edition {e.Edition}, sources {string.Join(", ", e.SourceTables)}")
                .ToList();
            if (wrong.Count > 0)
            {
                Assert.Fail("Edition must be Legacy2020 exactly when every source table is a 001/ table:" + string.Concat(wrong));
            }
        }

        [Fact]
        public void TypedSeedDataHasNoDuplicateRowsAndUsesOnlyTheTablesClouds()
        {
            Assert.Equal(AllTables.Length, AllTables.Select(t => t.Id).Distinct().Count());
            foreach (var table in AllTables)
            {
                var tuples = table.Rows.SelectMany(r => (r.Clouds ?? table.Clouds).Select(c => new SeedTuple(c, r.Destination, r.Protocol, r.Port))).ToList();
                Assert.True(tuples.Count == tuples.Distinct().Count(), $"{table.Id} has a row typed twice.");
                Assert.All(table.Rows, r => Assert.Subset(table.Clouds.ToHashSet(), (r.Clouds ?? table.Clouds).ToHashSet()));
            }
        }

        // ---------------------------------------------------------------------------------------------
        // Helpers
        // ---------------------------------------------------------------------------------------------

        private static HashSet<SeedTuple> ExpectedTuples(SeedTable table) =>
            table.Rows
                .SelectMany(r => (r.Clouds ?? table.Clouds).Select(c => new SeedTuple(c, r.Destination, r.Protocol, r.Port)))
                .ToHashSet();

        private static Dictionary<SeedTuple, List<string>> ActualTuples(SeedTable table, IEnumerable<CatalogEntry> citing)
        {
            var tuples = new Dictionary<SeedTuple, List<string>>();
            foreach (var e in citing)
            {
                foreach (var cloud in e.Clouds.Intersect(table.Clouds))
                {
                    var key = new SeedTuple(cloud, e.DestinationTemplate, e.Protocol, e.Port);
                    if (!tuples.TryGetValue(key, out var ids)) tuples[key] = ids = new List<string>();
                    ids.Add(e.Id);
                }
            }
            return tuples;
        }

        private static string Report(SeedTable table, List<string> problems)
        {
            var section = RuleCatalog.Default.Tables.TryGetValue(table.Id, out var source) ? $" \"{source.Section}\"" : "";
            var header = $"Source table {table.Id}{section} (clouds {string.Join(", ", table.Clouds)}; feature {table.Feature}) does not match the seed:";
            return header + string.Concat(problems.Select(p => "\n  " + p));
        }
    }
}
