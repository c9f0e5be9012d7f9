using AksEgress.Catalog;
using AksEgress.Export;
using AksEgress.Planning;
using AksEgress.Probing;

namespace AksEgress.Engine.Tests.Probing.Planning
{
    /// <summary>ProbePlanner over the rules the shipped deriver really produces, and over rules read back from a CSV.</summary>
    public class ProbePlannerTests
    {
        private static readonly ProbePlanContext NoContext = new ProbePlanContext();

        public static TheoryData<AzureCloudName, string> Clouds() => new TheoryData<AzureCloudName, string>
        {
            { AzureCloudName.AzureCloud, "eastus" },
            { AzureCloudName.AzureChinaCloud, "chinaeast2" },
            { AzureCloudName.AzureUSGovernment, "usgovvirginia" },
        };

        /// <summary>Every rule a cloud has: every feature, legacy rows, tunnel rows and every requirement.</summary>
        private static IReadOnlyList<AksEgressRule> AllRules(AzureCloudName cloud, string location, Action<RulePlan>? configure = null)
        {
            var plan = new RulePlan
            {
                Cloud = cloud,
                Location = location,
                Features = Enum.GetValues<AksFeature>().ToList(),
                Requirements = Enum.GetValues<RuleRequirement>().ToList(),
                IncludeLegacy = true,
                LegacyTunnel = true,
            };
            configure?.Invoke(plan);
            return RuleDeriver.Default.Derive(plan).Rules;
        }

        private static AksEgressRule Rule(string ruleId, AzureCloudName cloud = AzureCloudName.AzureCloud, string location = "eastus", Action<RulePlan>? configure = null) =>
            AllRules(cloud, location, configure).First(r => r.RuleId == ruleId);

        private static ProbePlanContext Known(params (string Key, string Address)[] addresses) =>
            new ProbePlanContext { KnownAddresses = addresses.ToDictionary(a => a.Key, a => a.Address) };

        [Theory]
        [MemberData(nameof(Clouds))]
        public void EveryDerivedRuleGetsAPlanWithAConcreteHostOrAReason(AzureCloudName cloud, string location)
        {
            var rules = AllRules(cloud, location);
            Assert.NotEmpty(rules);
            foreach (var rule in rules)
            {
                var plan = ProbePlanner.Plan(rule, NoContext);
                Assert.Equal(rule.Port, plan.Port);
                if (plan.Kind == ProbeKind.Skip)
                {
                    Assert.False(string.IsNullOrWhiteSpace(plan.SkipReason), rule.RuleId);
                    Assert.Equal("", plan.Host);
                }
                else
                {
                    Assert.True(HostPattern.IsHostName(plan.Host) || IpAddressText.TryParse(plan.Host, out _), $"{rule.RuleId}: '{plan.Host}'");
                    Assert.Equal("", plan.SkipReason);
                }
            }
        }

        [Theory]
        [MemberData(nameof(Clouds))]
        public void AWildcardIsProbedOnlyThroughAHostItCovers(AzureCloudName cloud, string location)
        {
            var context = new ProbePlanContext { ApiServerHost = "aks1-dns-1a2b3c4d.hcp." + location + ApiServerDomain(cloud) };
            var wildcards = AllRules(cloud, location).Where(r => r.DestinationType == DestinationType.WildcardFqdn).ToList();
            Assert.NotEmpty(wildcards);
            foreach (var rule in wildcards)
            {
                var plan = ProbePlanner.Plan(rule, context);
                if (plan.Kind == ProbeKind.Skip)
                {
                    Assert.Contains("no representative host is known for wildcard " + rule.Destination, plan.SkipReason);
                    continue;
                }
                Assert.DoesNotContain("*", plan.Host);
                Assert.EndsWith(rule.Destination.Substring(rule.Destination.LastIndexOf('*') + 1), plan.Host, StringComparison.OrdinalIgnoreCase);
                Assert.True(HostPattern.Covers(rule.Destination, plan.Host), $"{rule.Destination} does not cover {plan.Host}");
            }
            // The API server wildcard of every cloud is probed through the cluster's own host.
            Assert.Contains(wildcards, r => ProbePlanner.Plan(r, context).Host == context.ApiServerHost);
        }

        private static string ApiServerDomain(AzureCloudName cloud) => cloud switch
        {
            AzureCloudName.AzureChinaCloud => ".cx.prod.service.azk8s.cn",
            AzureCloudName.AzureUSGovernment => ".cx.aks.containerservice.azure.us",
            _ => ".azmk8s.io",
        };

        [Fact]
        public void TheMcrDataWildcardIsProbedThroughMcrsEastUsDataEndpoint()
        {
            var plan = ProbePlanner.Plan(Rule("core-mcr-data"), NoContext);
            Assert.Equal((ProbeKind.Https, "eastus.data.mcr.microsoft.com", 443), (plan.Kind, plan.Host, plan.Port));

            // The same documented host in every region and cloud: MCR's data endpoints are CDN points, not Azure regions.
            Assert.Equal("eastus.data.mcr.microsoft.com", ProbePlanner.Plan(Rule("core-mcr-data", location: "koreacentral"), NoContext).Host);
            Assert.Equal("eastus.data.mcr.microsoft.com", ProbePlanner.Plan(Rule("core-mcr-data", AzureCloudName.AzureChinaCloud, "chinaeast2"), NoContext).Host);
            Assert.Equal("eastus.data.mcr.microsoft.com", ProbePlanner.Plan(Rule("extensions-mcr-data", AzureCloudName.AzureUSGovernment, "usgovvirginia"), NoContext).Host);
        }

        [Fact]
        public void ARegionalRepresentativeIsFilledWithTheRulesRegion()
        {
            Assert.Equal("koreacentral.monitoring.azure.com", ProbePlanner.Plan(Rule("monitor-metrics", location: "koreacentral"), NoContext).Host);
            Assert.Equal("westeurope.ingest.monitor.azure.com", ProbePlanner.Plan(Rule("monitor-ingest", location: "westeurope"), NoContext).Host);
            Assert.Equal("mirror.azk8s.cn", ProbePlanner.Plan(Rule("core-china-mirror", AzureCloudName.AzureChinaCloud, "chinaeast2"), NoContext).Host);
        }

        [Fact]
        public void TheApiServerWildcardUsesTheClustersApiServerHostWhenKnown()
        {
            var context = new ProbePlanContext { ApiServerHost = "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io" };
            var https = ProbePlanner.Plan(Rule("core-apiserver-fqdn"), context);
            Assert.Equal((ProbeKind.Https, "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io", 443), (https.Kind, https.Host, https.Port));

            // The 2020 rows on the same wildcard (TCP 22 and 9000) reach the same host.
            var tcp = ProbePlanner.Plan(Rule("legacy-apiserver-tcp-9000"), context);
            Assert.Equal((ProbeKind.Tcp, "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io", 9000), (tcp.Kind, tcp.Host, tcp.Port));

            var unknown = ProbePlanner.Plan(Rule("core-apiserver-fqdn"), NoContext);
            Assert.Equal(ProbeKind.Skip, unknown.Kind);
            Assert.Contains("no representative host is known for wildcard *.hcp.eastus.azmk8s.io", unknown.SkipReason);
            Assert.Contains("-ApiServerFqdn", unknown.SkipReason);
        }

        [Fact]
        public void AnApiServerHostOutsideTheWildcardIsNotProbedInItsPlace()
        {
            var plan = ProbePlanner.Plan(Rule("core-apiserver-fqdn"), new ProbePlanContext { ApiServerHost = "aks1-dns-1a2b3c4d.hcp.westeurope.azmk8s.io" });
            Assert.Equal(ProbeKind.Skip, plan.Kind);
            Assert.Contains("not covered by *.hcp.eastus.azmk8s.io", plan.SkipReason);
        }

        [Fact]
        public void ARuleDerivedWithTheApiServerFqdnIsProbedAsThatHost()
        {
            var rule = Rule("core-apiserver-fqdn", configure: p => p.ApiServerFqdn = "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io");
            var plan = ProbePlanner.Plan(rule, NoContext);
            Assert.Equal((ProbeKind.Https, "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io"), (plan.Kind, plan.Host));
        }

        [Fact]
        public void AWildcardWithoutARepresentativeIsSkippedWithTheReason()
        {
            foreach (var id in new[] { "defender-ods", "core-managed-disks", "legacy-tunnel-fqdn", "legacy-mcr-cdn" })
            {
                var rule = Rule(id);
                var plan = ProbePlanner.Plan(rule, NoContext);
                Assert.Equal(ProbeKind.Skip, plan.Kind);
                Assert.StartsWith("no representative host is known for wildcard " + rule.Destination, plan.SkipReason);
            }
            Assert.Equal(ProbeKind.Skip, ProbePlanner.Plan(Rule("core-china-mcr-data", AzureCloudName.AzureChinaCloud, "chinaeast2"), NoContext).Kind);
        }

        [Theory]
        [MemberData(nameof(Clouds))]
        public void Udp1194IsSkippedEvenWithTheApiServerAddress(AzureCloudName cloud, string location)
        {
            var context = Known((Placeholders.ApiServerPublicIp, "20.1.2.3"));
            var tunnel = AllRules(cloud, location).Where(r => r.Protocol == RuleProtocol.UDP && r.Port == 1194).ToList();
            Assert.NotEmpty(tunnel);
            foreach (var rule in tunnel)
            {
                var plan = ProbePlanner.Plan(rule, context);
                Assert.Equal(ProbeKind.Skip, plan.Kind);
                Assert.StartsWith("UDP 1194 cannot be confirmed without a cooperating peer (the tunnel endpoint)", plan.SkipReason);
                Assert.Contains("tunnel status", plan.SkipReason);
            }
        }

        [Fact]
        public void OtherUdpPortsAreSkippedToo()
        {
            var rule = new AksEgressRule { RuleId = "custom", Kind = RuleKind.Network, Destination = "10.1.1.1", DestinationType = DestinationType.IpAddress, Protocol = RuleProtocol.UDP, Port = 4500 };
            var plan = ProbePlanner.Plan(rule, NoContext);
            Assert.Equal(ProbeKind.Skip, plan.Kind);
            Assert.StartsWith("UDP 4500 cannot be confirmed without a cooperating peer", plan.SkipReason);
        }

        [Fact]
        public void AServiceTagIsSkippedUnlessAnAddressOfItIsKnown()
        {
            var monitor = Rule("monitor-service-tag");
            var skipped = ProbePlanner.Plan(monitor, NoContext);
            Assert.Equal(ProbeKind.Skip, skipped.Kind);
            Assert.StartsWith("service tag AzureMonitor names many addresses", skipped.SkipReason);

            // The API server's address says nothing about AzureMonitor.
            Assert.Equal(ProbeKind.Skip, ProbePlanner.Plan(monitor, Known((Placeholders.ApiServerPublicIp, "20.1.2.3"))).Kind);

            var known = ProbePlanner.Plan(monitor, Known(("AzureMonitor", "20.50.1.2")));
            Assert.Equal((ProbeKind.Tcp, "20.50.1.2", 443), (known.Kind, known.Host, known.Port));
        }

        [Fact]
        public void ATunnelServiceTagIsProbedAtTheApiServersAddressWhichTheRuleAccepts()
        {
            var rule = Rule("core-tunnel-tcp-9000");
            Assert.Equal(("AzureCloud.eastus", DestinationType.ServiceTag), (rule.Destination, rule.DestinationType));

            var skipped = ProbePlanner.Plan(rule, NoContext);
            Assert.Equal(ProbeKind.Skip, skipped.Kind);
            Assert.StartsWith("service tag AzureCloud.eastus names many addresses", skipped.SkipReason);
            Assert.Contains("-ApiServerAddress", skipped.SkipReason);

            var plan = ProbePlanner.Plan(rule, Known((Placeholders.ApiServerPublicIp, "20.1.2.3")));
            Assert.Equal((ProbeKind.Tcp, "20.1.2.3", 9000), (plan.Kind, plan.Host, plan.Port));

            // Read back from a CSV under an id the catalog does not know, its Alternatives still say so.
            var copy = rule.Copy();
            copy.RuleId = "my-tunnel";
            Assert.Equal("20.1.2.3", ProbePlanner.Plan(copy, Known((Placeholders.ApiServerPublicIp, "20.1.2.3"))).Host);
        }

        [Fact]
        public void PlaceholdersAreProbedAtTheirKnownAddressOrSkippedNamingTheParameter()
        {
            var apiServerIp = Rule("core-apiserver-ip-tcp-443");
            Assert.Equal(DestinationType.Placeholder, apiServerIp.DestinationType);
            var skipped = ProbePlanner.Plan(apiServerIp, NoContext);
            Assert.Equal(ProbeKind.Skip, skipped.Kind);
            Assert.StartsWith("placeholder APIServerPublicIP is not filled: pass -ApiServerAddress", skipped.SkipReason);
            var filled = ProbePlanner.Plan(apiServerIp, Known((Placeholders.ApiServerPublicIp, "20.1.2.3")));
            Assert.Equal((ProbeKind.Tcp, "20.1.2.3", 443), (filled.Kind, filled.Host, filled.Port));

            var dns = Rule("core-custom-dns-udp-53");
            var dnsSkipped = ProbePlanner.Plan(dns, NoContext);
            Assert.StartsWith("placeholder CustomDnsIP is not filled: pass -CustomDnsServer", dnsSkipped.SkipReason);
            var dnsFilled = ProbePlanner.Plan(dns, Known((Placeholders.CustomDnsIp, "10.0.0.4")));
            Assert.Equal((ProbeKind.Dns, "10.0.0.4", 53), (dnsFilled.Kind, dnsFilled.Host, dnsFilled.Port));

            var notAnAddress = ProbePlanner.Plan(dns, Known((Placeholders.CustomDnsIp, "dns.contoso.com")));
            Assert.Equal(ProbeKind.Skip, notAnAddress.Kind);
            Assert.Contains("is not an IP address", notAnAddress.SkipReason);
        }

        [Fact]
        public void CustomDnsServersGivenAtDerivationAreProbedWithADnsQuery()
        {
            var rules = AllRules(AzureCloudName.AzureCloud, "eastus", p => p.CustomDnsServers = new List<string> { "10.0.0.4", "10.0.0.5" })
                .Where(r => r.RuleId == "core-custom-dns-udp-53").ToList();
            Assert.Equal(2, rules.Count);
            Assert.Equal(new[] { (ProbeKind.Dns, "10.0.0.4", 53), (ProbeKind.Dns, "10.0.0.5", 53) },
                rules.Select(r => ProbePlanner.Plan(r, NoContext)).Select(p => (p.Kind, p.Host, p.Port)));
        }

        [Fact]
        public void NtpHttpsAndHttpRulesGetTheirProbes()
        {
            var ntp = ProbePlanner.Plan(Rule("core-ntp-udp-123"), NoContext);
            Assert.Equal((ProbeKind.Ntp, "ntp.ubuntu.com", 123), (ntp.Kind, ntp.Host, ntp.Port));

            var https = ProbePlanner.Plan(Rule("core-mcr"), NoContext);
            Assert.Equal((ProbeKind.Https, "mcr.microsoft.com", 443), (https.Kind, https.Host, https.Port));

            var http = ProbePlanner.Plan(Rule("ubuntu-security"), NoContext);
            Assert.Equal((ProbeKind.Http, "security.ubuntu.com", 80), (http.Kind, http.Host, http.Port));

            // The port is the rule's: HTTP on 443 as the 2020 page writes it stays HTTP on 443.
            var gcr = ProbePlanner.Plan(Rule("legacy-devspaces-gcr"), NoContext);
            Assert.Equal((ProbeKind.Http, "gcr.io", 443), (gcr.Kind, gcr.Host, gcr.Port));

            var kms = ProbePlanner.Plan(Rule("legacy-windows-kms"), NoContext);
            Assert.Equal((ProbeKind.Tcp, "kms.core.windows.net", 1688), (kms.Kind, kms.Host, kms.Port));
        }

        [Fact]
        public void TheAnyDestinationIsSkippedUnlessAnAddressIsKnown()
        {
            var any = Rule("legacy-any-tcp-443");
            var plan = ProbePlanner.Plan(any, NoContext);
            Assert.Equal(ProbeKind.Skip, plan.Kind);
            Assert.StartsWith("the destination * allows every address on TCP 443", plan.SkipReason);

            var known = ProbePlanner.Plan(any, Known(("*", "20.1.2.3")));
            Assert.Equal((ProbeKind.Tcp, "20.1.2.3", 443), (known.Kind, known.Host, known.Port));
        }

        [Theory]
        [InlineData("20.1.2.3", ProbeKind.Tcp, "20.1.2.3")]
        [InlineData("20.1.2.3/32", ProbeKind.Tcp, "20.1.2.3")]
        [InlineData("2001:db8::1", ProbeKind.Tcp, "2001:db8::1")]
        [InlineData("20.1.2.0/24", ProbeKind.Skip, "")]
        [InlineData("20.1", ProbeKind.Skip, "")]
        public void AnAddressIsProbedAndARangeIsNot(string destination, ProbeKind kind, string host)
        {
            var rule = new AksEgressRule { RuleId = "custom", Kind = RuleKind.Network, Destination = destination, DestinationType = DestinationType.IpAddress, Protocol = RuleProtocol.TCP, Port = 443 };
            var plan = ProbePlanner.Plan(rule, NoContext);
            Assert.Equal((kind, host), (plan.Kind, plan.Host));
            if (destination == "20.1.2.0/24") Assert.Contains("a range cannot be probed as one host", plan.SkipReason);
        }

        [Fact]
        public void ARuleReadBackFromCsvWithAnUnknownRuleIdIsPlannedFromItsOwnFields()
        {
            AksEgressRule FromCsv(params (string Name, string Value)[] cells)
            {
                var row = cells.ToDictionary(c => c.Name, c => (object?)c.Value, StringComparer.OrdinalIgnoreCase);
                return RuleRecord.FromProperties(name => row.TryGetValue(name, out var value) ? value : null);
            }

            var wildcard = FromCsv(("RuleId", "contoso-wildcard"), ("Kind", "Application"), ("Destination", "*.contoso.com"), ("Protocol", "HTTPS"), ("Port", "443"), ("Location", "eastus"));
            var skipped = ProbePlanner.Plan(wildcard, NoContext);
            Assert.Equal(ProbeKind.Skip, skipped.Kind);
            Assert.StartsWith("no representative host is known for wildcard *.contoso.com", skipped.SkipReason);

            // A known wildcard under another id still finds the catalog's representative through its destination.
            var mcrData = FromCsv(("RuleId", "my-mcr"), ("Kind", "Application"), ("Destination", "*.data.mcr.microsoft.com"), ("Protocol", "HTTPS"), ("Port", "443"));
            Assert.Equal("eastus.data.mcr.microsoft.com", ProbePlanner.Plan(mcrData, NoContext).Host);
            var metrics = FromCsv(("RuleId", "custom"), ("Kind", "Application"), ("Destination", "*.monitoring.azure.com"), ("Protocol", "HTTPS"), ("Port", "443"), ("Location", "Korea Central"));
            Assert.Equal("koreacentral.monitoring.azure.com", ProbePlanner.Plan(metrics, NoContext).Host);
            var apiServer = FromCsv(("RuleId", "custom"), ("Kind", "Application"), ("Destination", "*.hcp.eastus.azmk8s.io"), ("Protocol", "HTTPS"), ("Port", "443"), ("Location", "eastus"));
            Assert.Equal("aks1.hcp.eastus.azmk8s.io", ProbePlanner.Plan(apiServer, new ProbePlanContext { ApiServerHost = "aks1.hcp.eastus.azmk8s.io" }).Host);

            var fqdn = FromCsv(("Kind", "Application"), ("Destination", "api.contoso.com"), ("Protocol", "HTTPS"), ("Port", "8443"));
            var plan = ProbePlanner.Plan(fqdn, NoContext);
            Assert.Equal((ProbeKind.Https, "api.contoso.com", 8443), (plan.Kind, plan.Host, plan.Port));

            var dnsServer = FromCsv(("Kind", "Network"), ("Destination", "10.0.0.4"), ("Protocol", "UDP"), ("Port", "53"));
            Assert.Equal((ProbeKind.Dns, "10.0.0.4"), (ProbePlanner.Plan(dnsServer, NoContext).Kind, ProbePlanner.Plan(dnsServer, NoContext).Host));
        }

        [Fact]
        public void AKnownRuleIdWithAnEditedWildcardDoesNotBorrowTheCatalogsRepresentative()
        {
            var rule = Rule("core-mcr-data").Copy();
            rule.Destination = "*.data.contoso.com";
            rule.DestinationTemplate = "*.data.contoso.com";
            Assert.Equal(ProbeKind.Skip, ProbePlanner.Plan(rule, NoContext).Kind);
        }

        [Fact]
        public void UdpDnsToAHostNameIsSkipped()
        {
            var rule = new AksEgressRule { RuleId = "custom", Kind = RuleKind.Network, Destination = "dns.contoso.com", DestinationType = DestinationType.Fqdn, Protocol = RuleProtocol.UDP, Port = 53 };
            var plan = ProbePlanner.Plan(rule, NoContext);
            Assert.Equal(ProbeKind.Skip, plan.Kind);
            Assert.Contains("give the server's IP", plan.SkipReason);
        }

        [Fact]
        public void PlansAreTheSameEveryTime()
        {
            var context = new ProbePlanContext
            {
                ApiServerHost = "aks1.hcp.eastus.azmk8s.io",
                KnownAddresses = new Dictionary<string, string> { ["apiserverpublicip"] = "20.1.2.4", ["APIServerPublicIP"] = "20.1.2.3" },
            };
            var rules = AllRules(AzureCloudName.AzureCloud, "eastus");
            var first = rules.Select(r => ProbePlanner.Plan(r, context)).Select(p => (p.Kind, p.Host, p.Port, p.SkipReason)).ToList();
            var second = rules.Select(r => ProbePlanner.Plan(r, context)).Select(p => (p.Kind, p.Host, p.Port, p.SkipReason)).ToList();
            Assert.Equal(first, second);
            Assert.Equal("20.1.2.3", ProbePlanner.Plan(Rule("core-apiserver-ip-tcp-443"), context).Host);
        }

        [Fact]
        public void AnotherCatalogCanBeGiven()
        {
            var json = System.Text.Encoding.UTF8.GetString(RuleCatalog.ReadEmbeddedJson())
                .Replace("\"probeHost\": \"eastus.data.mcr.microsoft.com\"", "\"probeHost\": \"westus.data.mcr.microsoft.com\"");
            var catalog = RuleCatalog.Load(System.Text.Encoding.UTF8.GetBytes(json));
            Assert.Equal("westus.data.mcr.microsoft.com", ProbePlanner.Plan(Rule("core-mcr-data"), new ProbePlanContext { Catalog = catalog }).Host);
        }
    }
}
