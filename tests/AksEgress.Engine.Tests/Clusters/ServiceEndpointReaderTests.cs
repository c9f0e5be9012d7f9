using System.Text.Json;
using AksEgress.Clusters;
using AksEgress.Errors;

namespace AksEgress.Engine.Tests.Clusters
{
    /// <summary>Pages of the outboundNetworkDependenciesEndpoints ARM API, shared by the reader and merge tests.</summary>
    internal static class ServiceReportedPages
    {
        /// <summary>A page shaped as the API returns it (2025-10-01), with a next page.</summary>
        public const string Sample = """
            {"value":[
              {"category":"azure-resource-management","endpoints":[{"domainName":"management.azure.com","endpointDetails":[{"port":443,"protocol":"Https"}]}]},
              {"category":"images","endpoints":[{"domainName":"*.data.mcr.microsoft.com","endpointDetails":[{"port":443,"protocol":"Https","description":"mcr cdn"}]}]},
              {"category":"time-sync","endpoints":[{"domainName":"ntp.ubuntu.com","endpointDetails":[{"port":123,"protocol":"UDP"}]}]},
              {"category":"apiserver","endpoints":[{"domainName":"*.azmk8s.io","endpointDetails":[{"port":443,"protocol":"Https"}]}]},
              {"category":"tunnel-classic","endpoints":[{"domainName":"*.azmk8s.io","endpointDetails":[{"port":9000,"protocol":"TCP"}]}]}
            ],
            "nextLink":"https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1/outboundNetworkDependenciesEndpoints?api-version=2025-10-01&$skipToken=2"}
            """;

        public static IReadOnlyList<ServiceEndpoint> Read(string json, out string? nextLink)
        {
            using var document = JsonDocument.Parse(json);
            return ServiceEndpointReader.ReadPage(document.RootElement, out nextLink);
        }

        public static IReadOnlyList<ServiceEndpoint> Read(string json) => Read(json, out _);
    }

    public class ServiceEndpointReaderTests
    {
        private static (string Category, string Domain, int Port, string Protocol, string? Description, string? Ip) Tuple(ServiceEndpoint e) =>
            (e.Category, e.DomainName, e.Port, e.Protocol, e.Description, e.IpAddress);

        [Fact]
        public void TheSamplePageFlattensToOneEndpointPerDetailInPageOrder()
        {
            var endpoints = ServiceReportedPages.Read(ServiceReportedPages.Sample, out var nextLink);
            Assert.Equal(new[]
            {
                ("azure-resource-management", "management.azure.com", 443, "Https", (string?)null, (string?)null),
                ("images", "*.data.mcr.microsoft.com", 443, "Https", "mcr cdn", null),
                ("time-sync", "ntp.ubuntu.com", 123, "UDP", null, null),
                ("apiserver", "*.azmk8s.io", 443, "Https", null, null),
                ("tunnel-classic", "*.azmk8s.io", 9000, "TCP", null, null),
            }, endpoints.Select(Tuple));
            Assert.Equal("https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1/outboundNetworkDependenciesEndpoints?api-version=2025-10-01&$skipToken=2", nextLink);
        }

        [Fact]
        public void SeveralDomainsAndDetailsEachGiveAnEndpointAndTheIpAddressIsKept()
        {
            var endpoints = ServiceReportedPages.Read("""
                {"value":[{"category":"c","endpoints":[
                  {"domainName":"a.example.com","endpointDetails":[{"port":80,"protocol":"Http"},{"port":443,"protocol":"Https","description":"tls"}]},
                  {"domainName":"","endpointDetails":[{"port":53,"protocol":"UDP","ipAddress":"168.63.129.16"}]}
                ]}]}
                """, out var nextLink);
            Assert.Equal(new[]
            {
                ("c", "a.example.com", 80, "Http", (string?)null, (string?)null),
                ("c", "a.example.com", 443, "Https", "tls", null),
                ("c", "", 53, "UDP", null, "168.63.129.16"),
            }, endpoints.Select(Tuple));
            Assert.Null(nextLink);
        }

        [Theory]
        [InlineData("""{"value":[]}""")]
        [InlineData("""{"value":[],"nextLink":null}""")]
        [InlineData("""{"value":[],"nextLink":""}""")]
        public void ALastPageHasNoNextLink(string json)
        {
            Assert.Empty(ServiceReportedPages.Read(json, out var nextLink));
            Assert.Null(nextLink);
        }

        [Fact]
        public void MissingAndNullMembersReadAsEmpty()
        {
            var endpoints = ServiceReportedPages.Read("""
                {"value":[
                  {"endpoints":[{"domainName":"no-category.example.com","endpointDetails":[{"port":443,"protocol":"Https"}]}]},
                  {"category":"no-endpoints"},
                  {"category":"null-endpoints","endpoints":null},
                  {"category":"no-details","endpoints":[{"domainName":"bare.example.com"},{"domainName":"empty.example.com","endpointDetails":[]},{"domainName":"null.example.com","endpointDetails":null}]},
                  {"category":"sparse","endpoints":[{"domainName":"sparse.example.com","endpointDetails":[{},{"port":null,"protocol":null,"description":null,"ipAddress":null}]}]},
                  {"category":null,"endpoints":[{"domainName":null,"endpointDetails":[{"port":443,"protocol":"Https"}]}]}
                ]}
                """);
            Assert.Equal(new[]
            {
                ("", "no-category.example.com", 443, "Https", (string?)null, (string?)null),
                ("no-details", "bare.example.com", 0, "", null, null),
                ("no-details", "empty.example.com", 0, "", null, null),
                ("no-details", "null.example.com", 0, "", null, null),
                ("sparse", "sparse.example.com", 0, "", null, null),
                ("sparse", "sparse.example.com", 0, "", null, null),
                ("", "", 443, "Https", null, null),
            }, endpoints.Select(Tuple));
        }

        [Fact]
        public void PropertyNamesAreMatchedWhateverTheirCase()
        {
            var endpoints = ServiceReportedPages.Read("""
                {"Value":[{"Category":"images","Endpoints":[{"DomainName":"mcr.microsoft.com","EndpointDetails":[{"Port":443,"PROTOCOL":"Https","Description":"mcr","IPAddress":"1.2.3.4"}]}]}],"NextLink":"next"}
                """, out var nextLink);
            Assert.Equal(("images", "mcr.microsoft.com", 443, "Https", (string?)"mcr", (string?)"1.2.3.4"), Tuple(Assert.Single(endpoints)));
            Assert.Equal("next", nextLink);
        }

        [Fact]
        public void ThePortMayBeAStringOfDigitsAndTextIsTrimmed()
        {
            var endpoint = Assert.Single(ServiceReportedPages.Read("""
                {"value":[{"category":" images ","endpoints":[{"domainName":" mcr.microsoft.com ","endpointDetails":[{"port":"443","protocol":" Https "}]}]}]}
                """));
            Assert.Equal(("images", "mcr.microsoft.com", 443, "Https", (string?)null, (string?)null), Tuple(endpoint));
        }

        [Theory]
        [InlineData("[]", "the page", "array")]
        [InlineData("\"text\"", "the page", "string")]
        [InlineData("null", "the page", "null")]
        [InlineData("{}", "the page", "no 'value'")]
        [InlineData("""{"value":null}""", "the page", "no 'value'")]
        [InlineData("""{"error":{"code":"NotFound","message":"gone"}}""", "the page", "no 'value'")]
        [InlineData("""{"value":{}}""", "'value'", "not an array")]
        [InlineData("""{"value":"x"}""", "'value'", "not an array")]
        [InlineData("""{"value":[1]}""", "value[0]", "not an object")]
        [InlineData("""{"value":[{"category":"c","endpoints":{}}]}""", "value[0].endpoints", "not an array")]
        [InlineData("""{"value":[{"category":"c","endpoints":["a.example.com"]}]}""", "value[0].endpoints[0]", "not an object")]
        [InlineData("""{"value":[{"category":7}]}""", "value[0].category", "not a string")]
        [InlineData("""{"value":[{"endpoints":[{"domainName":"a","endpointDetails":[{"port":"https"}]}]}]}""", "value[0].endpoints[0].endpointDetails[0].port", "not a port")]
        [InlineData("""{"value":[{"endpoints":[{"domainName":"a","endpointDetails":[{"port":70000}]}]}]}""", "value[0].endpoints[0].endpointDetails[0].port", "not a port")]
        [InlineData("""{"value":[{"endpoints":[{"domainName":"a","endpointDetails":[{"port":0}]}]}]}""", "value[0].endpoints[0].endpointDetails[0].port", "not a port")]
        [InlineData("""{"value":[{"endpoints":[{"domainName":"a","endpointDetails":[{"port":4.5}]}]}]}""", "value[0].endpoints[0].endpointDetails[0].port", "not a port")]
        [InlineData("""{"value":[{"endpoints":[{"domainName":"a","endpointDetails":[{"port":true}]}]}]}""", "value[0].endpoints[0].endpointDetails[0].port", "not a port")]
        [InlineData("""{"value":[],"nextLink":5}""", "nextLink", "not a string")]
        public void AMalformedPageIsAnInvalidDataErrorThatSaysWhatWasWrong(string json, string where, string why)
        {
            var ex = Assert.Throws<AksEgressInputException>(() => ServiceReportedPages.Read(json));
            Assert.Equal("ServiceReportedMalformed", ex.ErrorId);
            Assert.Equal(ServiceEndpointReader.MalformedErrorId, ex.ErrorId);
            Assert.Equal(AksEgressErrorKind.InvalidData, ex.Kind);
            Assert.Contains("outboundNetworkDependenciesEndpoints", ex.Message);
            Assert.Contains(where + " ", ex.Message);
            Assert.Contains(why, ex.Message);
            Assert.Equal(where, ex.Target);
        }
    }
}
