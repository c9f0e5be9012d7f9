using AksEgress.Clusters;
using AksEgress.Engine.Tests.Planning;

namespace AksEgress.Engine.Tests.Clusters
{
    /// <summary>The catalog's rules of a cluster next to the endpoints the AKS service reports for it.</summary>
    public class ServiceReportedMergeTests
    {
        private const string ClusterId = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1";
        private const string ApiServerFqdn = "aks1-dns-1a2b3c4d.hcp.eastus.azmk8s.io";

        private static readonly ServiceMergeContext Context = new()
        {
            Cloud = AzureCloudName.AzureCloud,
            Location = "eastus",
            ClusterName = "aks1",
            ClusterId = ClusterId,
        };

        /// <summary>The rules the shipped catalog gives a public eastus cluster whose API server host is known.</summary>
        private static IReadOnlyList<AksEgressRule> EastUs(Action<AksEgress.Planning.RulePlan>? configure = null) =>
            PlanFixtures.Derive("eastus", configure: plan =>
            {
                plan.ApiServerFqdn = ApiServerFqdn;
                plan.ClusterName = "aks1";
                plan.ClusterId = ClusterId;
                configure?.Invoke(plan);
            }).Rules;

        private static AksEgressRule Rule(string destination, RuleProtocol protocol, int port, DestinationType? type = null, string id = "test")
        {
            var network = protocol == RuleProtocol.TCP || protocol == RuleProtocol.UDP;
            return new AksEgressRule
            {
                RuleId = id,
                Cloud = AzureCloudName.AzureCloud,
                Location = "eastus",
                Feature = AksFeature.Core,
                Kind = network ? RuleKind.Network : RuleKind.Application,
                Destination = destination,
                DestinationType = type ?? (destination.Contains('*') ? DestinationType.WildcardFqdn : DestinationType.Fqdn),
                Protocol = protocol,
                Port = port,
                DestinationTemplate = destination,
                Source = "catalog",
            };
        }

        private static ServiceEndpoint Endpoint(string domain, int port, string protocol, string category = "c", string? description = null, string? ip = null) =>
            new() { Category = category, DomainName = domain, Port = port, Protocol = protocol, Description = description, IpAddress = ip };

        private static IReadOnlyList<AksEgressRule> Merge(IReadOnlyList<AksEgressRule> derived, params ServiceEndpoint[] reported) =>
            ServiceReportedMerge.Merge(derived, reported, Context);

        /// <summary>Whether the one derived rule matches the one endpoint: it is then CatalogAndService and nothing is added.</summary>
        private static bool Matches(AksEgressRule rule, ServiceEndpoint endpoint)
        {
            var merged = Merge(new[] { rule }, endpoint);
            if (merged[0].Origin == RuleOrigin.CatalogAndService)
            {
                Assert.Single(merged);
                return true;
            }
            Assert.Equal(RuleOrigin.Catalog, merged[0].Origin);
            Assert.Equal(2, merged.Count);
            Assert.Equal(RuleOrigin.Service, merged[1].Origin);
            return false;
        }

        // ---------- the real catalog ----------

        [Fact]
        public void TheSamplePageAgainstTheCatalogOfAPublicEastUsCluster()
        {
            var derived = EastUs(plan => plan.LegacyTunnel = true);
            var reported = ServiceReportedPages.Read(ServiceReportedPages.Sample);
            var merged = ServiceReportedMerge.Merge(derived, reported, Context);

            var both = merged.Where(r => r.Origin == RuleOrigin.CatalogAndService).Select(r => (r.RuleId, r.Destination, r.Protocol, r.Port)).ToList();
            Assert.Equal(new[]
            {
                ("core-ntp-udp-123", "ntp.ubuntu.com", RuleProtocol.UDP, 123),             // time-sync: UDP 123
                ("core-apiserver-fqdn", ApiServerFqdn, RuleProtocol.HTTPS, 443),          // apiserver: *.azmk8s.io covers the cluster's host
                ("core-mcr-data", "*.data.mcr.microsoft.com", RuleProtocol.HTTPS, 443),   // images
                ("core-arm", "management.azure.com", RuleProtocol.HTTPS, 443),            // azure-resource-management
            }.OrderBy(t => t.Item1), both.OrderBy(t => t.RuleId));

            // mcr.microsoft.com is another host than *.data.mcr.microsoft.com, and the page does not report it.
            Assert.Equal(RuleOrigin.Catalog, merged.Single(r => r.RuleId == "core-mcr").Origin);
            // The tunnel rows go to the region's service tag, which never matches a domain.
            Assert.Equal(RuleOrigin.Catalog, merged.Single(r => r.RuleId == "core-tunnel-tcp-9000").Origin);
            Assert.Equal(DestinationType.ServiceTag, merged.Single(r => r.RuleId == "core-tunnel-tcp-9000").DestinationType);

            // tunnel-classic's *.azmk8s.io TCP 9000 is the one endpoint the catalog does not name.
            var service = Assert.Single(merged, r => r.Origin == RuleOrigin.Service);
            Assert.Equal("service/tunnel-classic/*.azmk8s.io:9000", service.RuleId);
            Assert.Equal(("*.azmk8s.io", DestinationType.WildcardFqdn, RuleKind.Network, RuleProtocol.TCP, 9000),
                (service.Destination, service.DestinationType, service.Kind, service.Protocol, service.Port));
            Assert.Same(service, merged[merged.Count - 1]);

            Assert.Equal(derived.Count + 1, merged.Count);
            Assert.Equal(derived.Select(r => (r.RuleId, r.Destination)), merged.Take(derived.Count).Select(r => (r.RuleId, r.Destination)));
            Assert.All(merged.Take(derived.Count).Where(r => r.Origin == RuleOrigin.Catalog), r => Assert.DoesNotContain(both, b => b.RuleId == r.RuleId && b.Destination == r.Destination));
        }

        [Fact]
        public void WithoutTheHostTheCatalogsHcpWildcardIsCoveredByTheServicesBroaderWildcard()
        {
            var derived = PlanFixtures.Derive("eastus").Rules;
            var merged = ServiceReportedMerge.Merge(derived, ServiceReportedPages.Read(ServiceReportedPages.Sample), Context);
            var host = merged.Single(r => r.RuleId == "core-apiserver-fqdn");
            Assert.Equal("*.hcp.eastus.azmk8s.io", host.Destination);
            Assert.Equal(RuleOrigin.CatalogAndService, host.Origin);
            // Without -LegacyTunnel there is no 9000 rule at all; the service's is added.
            Assert.Equal("service/tunnel-classic/*.azmk8s.io:9000", Assert.Single(merged, r => r.Origin == RuleOrigin.Service).RuleId);
        }

        [Fact]
        public void EveryDerivedPropertyIsKeptAndTheInputIsNotChanged()
        {
            var derived = EastUs();
            var before = derived.Select(r => Export.RuleListKit.Copy(r)).ToList();
            var merged = ServiceReportedMerge.Merge(derived, ServiceReportedPages.Read(ServiceReportedPages.Sample), Context);

            Export.RuleListKit.AssertSame(before, derived);
            Assert.All(derived, r => Assert.Equal(RuleOrigin.Catalog, r.Origin));
            for (var i = 0; i < derived.Count; i++)
            {
                Assert.NotSame(derived[i], merged[i]);
                Export.RuleListKit.AssertSame(Export.RuleListKit.Copy(derived[i], c => c.Origin = merged[i].Origin), merged[i]);
            }
        }

        [Fact]
        public void NoReportedEndpointsLeaveEveryRuleCatalog()
        {
            var derived = EastUs();
            var merged = Merge(derived);
            Assert.Equal(derived.Count, merged.Count);
            Assert.All(merged, r => Assert.Equal(RuleOrigin.Catalog, r.Origin));
        }

        // ---------- matching ----------

        [Theory]
        [InlineData("management.azure.com", "management.azure.com")]
        [InlineData("management.azure.com", "Management.Azure.COM")]
        [InlineData("management.azure.com", "management.azure.com.")]
        [InlineData(ApiServerFqdn, "*.azmk8s.io")]                        // a reported wildcard covers the derived host
        [InlineData(ApiServerFqdn, "*.hcp.eastus.azmk8s.io")]
        [InlineData("*.hcp.eastus.azmk8s.io", "*.azmk8s.io")]             // a narrower derived wildcard under the reported one
        [InlineData("*.azmk8s.io", "*.hcp.eastus.azmk8s.io")]             // and the other way round
        [InlineData("*.data.mcr.microsoft.com", "eastus.data.mcr.microsoft.com")]
        [InlineData("*.data.mcr.microsoft.com", "a.b.data.mcr.microsoft.com")]
        [InlineData("*.DATA.mcr.microsoft.com", "*.data.MCR.microsoft.com")]
        [InlineData("md-*.blob.storage.azure.net", "md-abc.blob.storage.azure.net")]
        [InlineData("md-*.blob.storage.azure.net", "*.storage.azure.net")]
        public void HostsMatchWhenEqualOrCoveredByAWildcard(string derived, string reported) =>
            Assert.True(Matches(Rule(derived, RuleProtocol.HTTPS, 443), Endpoint(reported, 443, "Https")));

        [Theory]
        [InlineData("mcr.microsoft.com", "*.data.mcr.microsoft.com")]     // different hosts: the wildcard is under a subdomain
        [InlineData("*.data.mcr.microsoft.com", "mcr.microsoft.com")]
        [InlineData("azmk8s.io", "*.azmk8s.io")]                          // "*.suffix" does not cover the suffix itself
        [InlineData("*.azmk8s.io", "azmk8s.io")]
        [InlineData("*.hcp.eastus.azmk8s.io", "*.hcp.westus.azmk8s.io")]
        [InlineData("*.hcp.eastus.azmk8s.io", "aks1.hcp.westus.azmk8s.io")]
        [InlineData("notmanagement.azure.com", "management.azure.com")]
        [InlineData("management.azure.com", "*management.azure.com.evil.example")]
        [InlineData("md-*.blob.storage.azure.net", "abc.blob.storage.azure.net")]
        public void OtherHostsDoNotMatch(string derived, string reported) =>
            Assert.False(Matches(Rule(derived, RuleProtocol.HTTPS, 443), Endpoint(reported, 443, "Https")));

        [Fact]
        public void AWildcardWithManyStarsIsMatchedWithoutBacktrackingForever()
        {
            var host = string.Concat(Enumerable.Repeat("a", 200)) + ".example.com";
            var pattern = string.Concat(Enumerable.Repeat("*a", 40)) + "*b.example.com";
            var watch = System.Diagnostics.Stopwatch.StartNew();
            Assert.False(Matches(Rule(host, RuleProtocol.HTTPS, 443), Endpoint(pattern, 443, "Https")));
            Assert.True(Matches(Rule(host, RuleProtocol.HTTPS, 443), Endpoint(string.Concat(Enumerable.Repeat("*a", 40)) + "*.example.com", 443, "Https")));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        }

        [Theory]
        // The service's Https and Http: an HTTP or HTTPS application rule, or a TCP network rule, on that port.
        [InlineData("Https", 443, RuleProtocol.HTTPS, 443, true)]
        [InlineData("Https", 443, RuleProtocol.HTTP, 443, true)]
        [InlineData("Http", 80, RuleProtocol.HTTP, 80, true)]
        [InlineData("Http", 80, RuleProtocol.HTTPS, 80, true)]
        [InlineData("HTTPS", 443, RuleProtocol.TCP, 443, true)]
        [InlineData("https", 443, RuleProtocol.UDP, 443, false)]
        [InlineData("Https", 443, RuleProtocol.HTTPS, 8443, false)]
        [InlineData("Http", 80, RuleProtocol.HTTP, 443, false)]
        // TCP: TCP only. UDP: UDP only.
        [InlineData("TCP", 9000, RuleProtocol.TCP, 9000, true)]
        [InlineData("TCP", 443, RuleProtocol.HTTPS, 443, false)]
        [InlineData("TCP", 443, RuleProtocol.UDP, 443, false)]
        [InlineData("TCP", 9000, RuleProtocol.TCP, 1194, false)]
        [InlineData("UDP", 123, RuleProtocol.UDP, 123, true)]
        [InlineData("udp", 123, RuleProtocol.TCP, 123, false)]
        [InlineData("UDP", 123, RuleProtocol.UDP, 1123, false)]
        // A protocol the reader does not know is treated (and listed) as TCP.
        [InlineData("Grpc", 443, RuleProtocol.TCP, 443, true)]
        [InlineData("Grpc", 443, RuleProtocol.HTTPS, 443, false)]
        // No protocol, or no port: the service did not say, so the host decides.
        [InlineData("", 443, RuleProtocol.UDP, 443, true)]
        [InlineData("", 0, RuleProtocol.HTTPS, 443, true)]
        [InlineData("", 0, RuleProtocol.UDP, 123, true)]
        [InlineData("Https", 0, RuleProtocol.HTTPS, 8443, true)]
        [InlineData("Https", 0, RuleProtocol.UDP, 123, false)]
        public void PortsMustBeEqualAndProtocolsCompatible(string reportedProtocol, int reportedPort, RuleProtocol derivedProtocol, int derivedPort, bool expected) =>
            Assert.Equal(expected, Matches(Rule("ntp.ubuntu.com", derivedProtocol, derivedPort), Endpoint("ntp.ubuntu.com", reportedPort, reportedProtocol)));

        [Fact]
        public void NtpOverUdpDoesNotMatchATcpRule()
        {
            var tcp = Rule("ntp.ubuntu.com", RuleProtocol.TCP, 123, id: "ntp-tcp");
            var merged = Merge(new[] { tcp }, Endpoint("ntp.ubuntu.com", 123, "UDP", "time-sync"));
            Assert.Equal(RuleOrigin.Catalog, merged[0].Origin);
            var added = merged[1];
            Assert.Equal((RuleOrigin.Service, "service/time-sync/ntp.ubuntu.com:123", RuleKind.Network, RuleProtocol.UDP, 123),
                (added.Origin, added.RuleId, added.Kind, added.Protocol, added.Port));
        }

        [Theory]
        [InlineData("AzureCloud.eastus", DestinationType.ServiceTag)]
        [InlineData("AzureCloud", DestinationType.ServiceTag)]
        [InlineData("20.1.2.3", DestinationType.IpAddress)]
        [InlineData("20.0.0.0/8", DestinationType.IpAddress)]
        [InlineData("APIServerPublicIP", DestinationType.Placeholder)]
        [InlineData("*", DestinationType.Any)]
        public void ServiceTagsAddressesPlaceholdersAndAnyNeverMatchADomain(string destination, DestinationType type)
        {
            Assert.False(Matches(Rule(destination, RuleProtocol.TCP, 9000, type), Endpoint("*.azmk8s.io", 9000, "TCP")));
            // Not even a "domain" spelled like the destination.
            Assert.False(Matches(Rule(destination, RuleProtocol.TCP, 9000, type), Endpoint(destination, 9000, "TCP")));
        }

        [Theory]
        [InlineData("168.63.129.16", "168.63.129.16", true)]
        [InlineData("168.63.0.0/16", "168.63.129.16", true)]
        [InlineData("168.63.129.17", "168.63.129.16", false)]
        [InlineData("10.0.0.0/8", "168.63.129.16", false)]
        [InlineData("2001:db8::/32", "2001:DB8::1", true)]
        [InlineData("2001:db8::/32", "168.63.129.16", false)]
        public void AnEndpointGivenByAddressMatchesAnIpRuleHoldingIt(string derived, string reportedIp, bool expected) =>
            Assert.Equal(expected, Matches(Rule(derived, RuleProtocol.UDP, 53, DestinationType.IpAddress), Endpoint("", 53, "UDP", ip: reportedIp)));

        [Fact]
        public void AnAddressNeverMatchesAnFqdnRule() =>
            Assert.False(Matches(Rule("dns.example.com", RuleProtocol.UDP, 53), Endpoint("", 53, "UDP", ip: "168.63.129.16")));

        [Fact]
        public void OneEndpointMayConfirmSeveralRulesAndSeveralEndpointsOneRule()
        {
            var derived = new[]
            {
                Rule("login.microsoftonline.com", RuleProtocol.HTTPS, 443, id: "core-login"),
                Rule("login.microsoftonline.com", RuleProtocol.HTTPS, 443, id: "monitor-login"),
                Rule("mcr.microsoft.com", RuleProtocol.HTTPS, 443, id: "core-mcr"),
            };
            var merged = Merge(derived,
                Endpoint("login.microsoftonline.com", 443, "Https", "identity"),
                Endpoint("mcr.microsoft.com", 443, "Https", "images"),
                Endpoint("MCR.microsoft.com", 443, "Https", "images-again"));
            Assert.Equal(3, merged.Count);
            Assert.All(merged, r => Assert.Equal(RuleOrigin.CatalogAndService, r.Origin));
        }

        // ---------- what the service reports alone ----------

        [Fact]
        public void AServiceOnlyEndpointBecomesARuleWithEveryFieldSet()
        {
            var merged = Merge(Array.Empty<AksEgressRule>(),
                Endpoint("Packages.Example.COM", 443, "Https", "Extra-Things"),
                Endpoint("proxy.example.com", 8080, "Http", "proxy", description: "  outbound proxy  "));

            Assert.Equal(2, merged.Count);
            var https = merged[0];
            Assert.Equal("service/extra-things/packages.example.com:443", https.RuleId);
            Assert.Equal(CatalogEdition.Current, https.Edition);
            Assert.Equal(AzureCloudName.AzureCloud, https.Cloud);
            Assert.Equal("eastus", https.Location);
            Assert.Equal("aks1", https.ClusterName);
            Assert.Equal(ClusterId, https.ClusterId);
            Assert.Equal(AksFeature.Core, https.Feature);
            Assert.Equal(RuleKind.Application, https.Kind);
            Assert.Equal("Packages.Example.COM", https.Destination);
            Assert.Equal(DestinationType.Fqdn, https.DestinationType);
            Assert.Equal(RuleProtocol.HTTPS, https.Protocol);
            Assert.Equal(443, https.Port);
            Assert.Equal(RuleRequirement.Required, https.Requirement);
            Assert.Equal("Reported by the AKS service for this cluster (category Extra-Things); not in the catalog.", https.Condition);
            Assert.Equal("", https.Alternatives);
            Assert.Equal("Reported by AKS: Extra-Things", https.Purpose);
            Assert.Equal("AKS 서비스가 보고한 엔드포인트: Extra-Things", https.PurposeKo);
            Assert.Equal("Packages.Example.COM", https.DestinationTemplate);
            Assert.Equal("service: outboundNetworkDependenciesEndpoints (Extra-Things)", https.Source);
            Assert.Equal(RuleOrigin.Service, https.Origin);

            var http = merged[1];
            Assert.Equal(("service/proxy/proxy.example.com:8080", RuleKind.Application, RuleProtocol.HTTP, 8080), (http.RuleId, http.Kind, http.Protocol, http.Port));
            Assert.Equal("outbound proxy", http.Purpose);
            Assert.Equal("AKS 서비스가 보고한 엔드포인트: proxy", http.PurposeKo);
        }

        [Theory]
        [InlineData("TCP", RuleProtocol.TCP, RuleKind.Network)]
        [InlineData("UDP", RuleProtocol.UDP, RuleKind.Network)]
        [InlineData("Https", RuleProtocol.HTTPS, RuleKind.Application)]
        [InlineData("Http", RuleProtocol.HTTP, RuleKind.Application)]
        [InlineData("tcp", RuleProtocol.TCP, RuleKind.Network)]
        public void TheProtocolIsMappedAndDecidesTheKind(string reported, RuleProtocol protocol, RuleKind kind)
        {
            var rule = Assert.Single(Merge(Array.Empty<AksEgressRule>(), Endpoint("x.example.com", 1234, reported)));
            Assert.Equal((protocol, kind), (rule.Protocol, rule.Kind));
            Assert.Equal("Reported by the AKS service for this cluster (category c); not in the catalog.", rule.Condition);
        }

        [Fact]
        public void AWildcardIsAWildcardFqdnAndAnAddressAnIpAddress()
        {
            var merged = Merge(Array.Empty<AksEgressRule>(),
                Endpoint("*.azmk8s.io", 9000, "TCP", "tunnel-classic"),
                Endpoint("", 53, "UDP", "dns", ip: "168.63.129.16"),
                Endpoint("api.example.com", 443, "Https", "api", ip: "20.1.2.3"));
            Assert.Equal(new[]
            {
                ("service/tunnel-classic/*.azmk8s.io:9000", "*.azmk8s.io", DestinationType.WildcardFqdn),
                ("service/dns/168.63.129.16:53", "168.63.129.16", DestinationType.IpAddress),
                ("service/api/api.example.com:443", "api.example.com", DestinationType.Fqdn), // the domain wins over the address
            }, merged.Select(r => (r.RuleId, r.Destination, r.DestinationType)));
            Assert.Equal("168.63.129.16", merged[1].DestinationTemplate);
        }

        [Fact]
        public void AnUnknownProtocolIsKeptAsTcpAndTheConditionSaysSo()
        {
            var rule = Assert.Single(Merge(Array.Empty<AksEgressRule>(), Endpoint("grpc.example.com", 50051, "Grpc", "rpc")));
            Assert.Equal((RuleKind.Network, RuleProtocol.TCP, 50051), (rule.Kind, rule.Protocol, rule.Port));
            Assert.Equal("Reported by the AKS service for this cluster (category rpc); not in the catalog. The service gives the protocol as 'Grpc', which is not HTTP, HTTPS, TCP or UDP; the rule is listed as TCP.", rule.Condition);
        }

        [Fact]
        public void ADomainWithoutDetailsIsKeptWithPortZeroAndTheConditionSaysSo()
        {
            var rule = Assert.Single(Merge(new[] { Rule("other.example.com", RuleProtocol.HTTPS, 443) }, Endpoint("bare.example.com", 0, "", "misc")).Skip(1));
            Assert.Equal(("service/misc/bare.example.com:0", RuleKind.Network, RuleProtocol.TCP, 0), (rule.RuleId, rule.Kind, rule.Protocol, rule.Port));
            Assert.Equal("Reported by the AKS service for this cluster (category misc); not in the catalog. The service gives no protocol; the rule is listed as TCP. The service gives no port; find out which port it needs before allowing it.", rule.Condition);
        }

        [Fact]
        public void AnEndpointWithNeitherDomainNorAddressNamesNothingAndAddsNothing()
        {
            var derived = new[] { Rule("mcr.microsoft.com", RuleProtocol.HTTPS, 443) };
            var merged = Merge(derived, Endpoint("", 443, "Https", "empty"), Endpoint("  ", 443, "Https", "blank"));
            Assert.Equal(RuleOrigin.Catalog, Assert.Single(merged).Origin);
        }

        [Fact]
        public void TheSameEndpointInSeveralCategoriesIsOneRuleThatNamesThemAll()
        {
            var merged = Merge(Array.Empty<AksEgressRule>(),
                Endpoint("*.example.net", 443, "Https", "apiserver", description: "API server"),
                Endpoint("other.example.com", 443, "Https", "other"),
                Endpoint("*.EXAMPLE.net", 443, "HTTPS", "tunnel"),
                Endpoint("*.example.net", 443, "Https", "apiserver"),
                Endpoint("*.example.net", 443, "Https", "konnectivity", description: "tunnel to the API server"));

            Assert.Equal(2, merged.Count);
            var rule = merged[0];
            Assert.Equal("service/apiserver/*.example.net:443", rule.RuleId);
            Assert.Equal("*.example.net", rule.Destination);
            Assert.Equal("Reported by the AKS service for this cluster (categories apiserver, tunnel, konnectivity); not in the catalog.", rule.Condition);
            Assert.Equal("service: outboundNetworkDependenciesEndpoints (apiserver, tunnel, konnectivity)", rule.Source);
            Assert.Equal("API server; tunnel to the API server", rule.Purpose);
            Assert.Equal("AKS 서비스가 보고한 엔드포인트: apiserver, tunnel, konnectivity", rule.PurposeKo);
            Assert.Equal("service/other/other.example.com:443", merged[1].RuleId);
        }

        [Fact]
        public void TheSameHostOnAnotherPortOrProtocolIsAnotherRule()
        {
            var merged = Merge(Array.Empty<AksEgressRule>(),
                Endpoint("*.azmk8s.io", 443, "Https", "apiserver"),
                Endpoint("*.azmk8s.io", 9000, "TCP", "tunnel-classic"),
                Endpoint("*.azmk8s.io", 1194, "UDP", "tunnel-classic"),
                Endpoint("*.azmk8s.io", 443, "TCP", "apiserver"));
            // Https and TCP on 443 in one category would share a RuleId: the protocol is added to both.
            Assert.Equal(new[]
            {
                ("service/apiserver/*.azmk8s.io:443/https", RuleProtocol.HTTPS),
                ("service/tunnel-classic/*.azmk8s.io:9000", RuleProtocol.TCP),
                ("service/tunnel-classic/*.azmk8s.io:1194", RuleProtocol.UDP),
                ("service/apiserver/*.azmk8s.io:443/tcp", RuleProtocol.TCP),
            }, merged.Select(r => (r.RuleId, r.Protocol)));
        }

        [Fact]
        public void DerivedRulesKeepTheirOrderAndNothingIsDropped()
        {
            var derived = new[]
            {
                Rule("c.example.com", RuleProtocol.HTTPS, 443, id: "c"),
                Rule("a.example.com", RuleProtocol.HTTPS, 443, id: "a"),
                Rule("AzureCloud.eastus", RuleProtocol.UDP, 1194, DestinationType.ServiceTag, id: "tag"),
                Rule("b.example.com", RuleProtocol.HTTP, 80, id: "b"),
            };
            var reported = new[]
            {
                Endpoint("z.example.com", 443, "Https", "z"),
                Endpoint("b.example.com", 80, "Http", "b"),
                Endpoint("y.example.com", 443, "Https", "y"),
                Endpoint("z.example.com", 443, "Https", "z2"),
                Endpoint("*.example.com", 1194, "UDP", "tunnel"),
                Endpoint("a.example.com", 443, "Https", "a"),
            };
            var merged = ServiceReportedMerge.Merge(derived, reported, Context);

            Assert.Equal(derived.Length + 3, merged.Count); // z (twice), y and the UDP wildcard match nothing
            Assert.Equal(new[]
            {
                ("c", RuleOrigin.Catalog),
                ("a", RuleOrigin.CatalogAndService),
                ("tag", RuleOrigin.Catalog),
                ("b", RuleOrigin.CatalogAndService),
                ("service/z/z.example.com:443", RuleOrigin.Service),
                ("service/y/y.example.com:443", RuleOrigin.Service),
                ("service/tunnel/*.example.com:1194", RuleOrigin.Service),
            }, merged.Select(r => (r.RuleId, r.Origin)));

            // Deterministic: the same inputs give the same rules.
            var again = ServiceReportedMerge.Merge(derived, reported, Context);
            Export.RuleListKit.AssertSame(merged, again);
        }

        [Fact]
        public void TheContextFillsTheClusterOfServiceRules()
        {
            var context = new ServiceMergeContext { Cloud = AzureCloudName.AzureChinaCloud, Location = "chinaeast2" };
            var rule = Assert.Single(ServiceReportedMerge.Merge(Array.Empty<AksEgressRule>(), new[] { Endpoint("mcr.azure.cn", 443, "Https") }, context));
            Assert.Equal((AzureCloudName.AzureChinaCloud, "chinaeast2", (string?)null, (string?)null), (rule.Cloud, rule.Location, rule.ClusterName, rule.ClusterId));
        }
    }
}
