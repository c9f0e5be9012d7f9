using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Engine.Tests.Arm
{
    /// <summary>
    /// The fake ARM server checked on its own, with a plain HttpClient, so tests of the ARM client can trust what it
    /// answers: the shapes, the paging, the faults and the TLS pinning.
    /// </summary>
    public sealed class FakeArmServerTests : IAsyncLifetime
    {
        private const string Sub1 = "00000000-1111-2222-3333-444444444444";
        private const string Sub2 = "99999999-1111-2222-3333-444444444444";
        private const string ClusterApi = "?api-version=2025-10-01";
        private const string GraphPath = "providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01";
        private static readonly string ClusterId = FakeClusters.Id(Sub1, "rg-aks", "aks-1");

        private FakeArmServer _server = null!;
        private HttpClient _client = null!;

        public async Task InitializeAsync()
        {
            _server = await FakeArmServer.StartAsync();
            _client = new HttpClient(_server.CreateTrustingHandler()) { BaseAddress = _server.Endpoint };
            _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token-1");
            _server.AddCluster(FakeClusters.Document(Sub1, "rg-aks", "aks-1"));
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _server.DisposeAsync();
        }

        // ---------- authentication, TLS, basics ----------

        [Fact]
        public async Task Endpoint_IsHttpsOnLoopbackWithAnAssignedPort()
        {
            Assert.Equal("https", _server.Endpoint.Scheme);
            Assert.Equal("127.0.0.1", _server.Endpoint.Host);
            Assert.NotEqual(0, _server.Endpoint.Port);
            Assert.Equal("/", _server.Endpoint.AbsolutePath);
            using var response = await _client.GetAsync(ClusterId + ClusterApi);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task WrongToken_Is401WithChallenge_AndRecordedAsUnauthorized()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ClusterId + ClusterApi);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "stale-token");
            using var response = await _client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("InvalidAuthenticationToken", await ErrorCode(response));
            var recorded = Assert.Single(_server.Requests);
            Assert.False(recorded.Authorized);
            Assert.Equal(401, recorded.Status);
            Assert.Equal(FakeRequestKind.ClusterGet, recorded.Kind);
        }

        [Fact]
        public async Task ChangedExpectedToken_RejectsTheOldOne()
        {
            _server.ExpectedToken = "test-token-2";
            using var response = await _client.GetAsync(ClusterId + ClusterApi);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        [Fact]
        public async Task DefaultCertificateValidation_FailsTheHandshake()
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(_server.Endpoint, ClusterId + ClusterApi)));
            Assert.IsType<AuthenticationException>(error.InnerException);
            Assert.Empty(_server.Requests);
        }

        [Fact]
        public async Task TrustingHandler_TrustsOnlyItsOwnServer()
        {
            await using var other = await FakeArmServer.StartAsync();
            using var client = new HttpClient(_server.CreateTrustingHandler());
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(other.Endpoint, ClusterId + ClusterApi)));
            Assert.IsType<AuthenticationException>(error.InnerException);
        }

        [Fact]
        public async Task MissingApiVersion_Is400()
        {
            using var response = await _client.GetAsync(ClusterId);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("MissingApiVersionParameter", await ErrorCode(response));
        }

        [Fact]
        public async Task EveryResponse_HasARequestId()
        {
            using var found = await _client.GetAsync(ClusterId + ClusterApi);
            using var missing = await _client.GetAsync("nowhere" + ClusterApi);
            Assert.True(Guid.TryParse(found.Headers.GetValues("x-ms-request-id").Single(), out var first));
            Assert.True(Guid.TryParse(missing.Headers.GetValues("x-ms-request-id").Single(), out var second));
            Assert.NotEqual(first, second);
        }

        // ---------- clusters ----------

        [Fact]
        public async Task ClusterGet_ReturnsTheDocumentExactlyAsAdded_WhateverThePathCasing()
        {
            var document = File.ReadAllText(DocumentPath("basic-public"));
            _server.AddCluster(document);
            var id = JsonDocument.Parse(document).RootElement.GetProperty("id").GetString()!;

            using var response = await _client.GetAsync(id.Replace("resourcegroups", "resourceGroups") + ClusterApi);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(document, await response.Content.ReadAsStringAsync());
            Assert.Equal(FakeRequestKind.ClusterGet, Assert.Single(_server.Requests).Kind);
        }

        [Fact]
        public async Task UnknownCluster_Is404ResourceNotFound()
        {
            using var response = await _client.GetAsync(FakeClusters.Id(Sub1, "rg-x", "nope") + ClusterApi);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var error = body.RootElement.GetProperty("error");
            Assert.Equal("ResourceNotFound", error.GetProperty("code").GetString());
            Assert.Contains("'Microsoft.ContainerService/managedClusters/nope' under resource group 'rg-x'", error.GetProperty("message").GetString());
        }

        [Fact]
        public async Task UnknownRoute_Is404NotFound()
        {
            using var response = await _client.GetAsync("subscriptions/x/resourceGroups/y" + ClusterApi);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("NotFound", await ErrorCode(response));
            Assert.Equal(FakeRequestKind.Unknown, Assert.Single(_server.Requests).Kind);
        }

        [Fact]
        public async Task DeniedCluster_Is403OnEveryRoute()
        {
            _server.Deny(ClusterId.ToUpperInvariant());
            foreach (var suffix in new[] { "", "/outboundNetworkDependenciesEndpoints", "/providers/Microsoft.KubernetesConfiguration/extensions" })
            {
                using var response = await _client.GetAsync(ClusterId + suffix + ClusterApi);
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("AuthorizationFailed", await ErrorCode(response));
            }
        }

        [Fact]
        public async Task Extensions_AreListedWithTheirTypes()
        {
            _server.AddExtensions(ClusterId, "microsoft.flux", "Microsoft.Dapr");
            using var response = await _client.GetAsync(ClusterId + "/providers/Microsoft.KubernetesConfiguration/extensions?api-version=2024-11-01");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var items = body.RootElement.GetProperty("value").EnumerateArray().ToList();

            Assert.Equal(["microsoft.flux", "Microsoft.Dapr"], items.Select(i => i.GetProperty("properties").GetProperty("extensionType").GetString()));
            Assert.Equal(ClusterId + "/providers/Microsoft.KubernetesConfiguration/extensions/flux", items[0].GetProperty("id").GetString());
            Assert.Equal(FakeRequestKind.ExtensionsList, Assert.Single(_server.Requests).Kind);
        }

        [Fact]
        public async Task Extensions_AreEmptyWhenNone()
        {
            using var response = await _client.GetAsync(ClusterId + "/providers/Microsoft.KubernetesConfiguration/extensions?api-version=2024-11-01");
            Assert.Equal("""{"value":[]}""", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task OutboundEndpoints_FollowNextLinkThroughEveryPage()
        {
            _server.SetOutboundEndpoints(ClusterId, Page("images", "mcr.microsoft.com"), Page("apiserver", "x.hcp.eastus.azmk8s.io"), Page("ntp", "ntp.ubuntu.com"));
            var domains = new List<string>();
            Uri? next = new(_server.Endpoint, ClusterId + "/outboundNetworkDependenciesEndpoints" + ClusterApi);
            for (var pages = 0; next is not null; pages++)
            {
                Assert.True(pages < 3);
                using var body = JsonDocument.Parse(await _client.GetStringAsync(next));
                domains.AddRange(body.RootElement.GetProperty("value").EnumerateArray()
                    .SelectMany(c => c.GetProperty("endpoints").EnumerateArray()).Select(e => e.GetProperty("domainName").GetString()!));
                next = body.RootElement.TryGetProperty("nextLink", out var link) ? new Uri(link.GetString()!) : null;
            }
            Assert.Equal(["mcr.microsoft.com", "x.hcp.eastus.azmk8s.io", "ntp.ubuntu.com"], domains);
            Assert.All(_server.Requests, r => Assert.Equal(FakeRequestKind.OutboundEndpointsList, r.Kind));
        }

        [Fact]
        public async Task OutboundEndpoints_AreEmptyWhenNotConfigured_And404ForAnUnknownCluster()
        {
            Assert.Equal("""{"value":[]}""", await _client.GetStringAsync(ClusterId + "/outboundNetworkDependenciesEndpoints" + ClusterApi));
            using var response = await _client.GetAsync(FakeClusters.Id(Sub1, "rg", "nope") + "/outboundNetworkDependenciesEndpoints" + ClusterApi);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // ---------- Resource Graph ----------

        [Fact]
        public async Task ResourceGraph_PagesAFleetBySkipToken()
        {
            await using var server = await FakeArmServer.StartAsync();
            server.ResourceGraphPageLimit = 1000;
            for (var i = 0; i < 2500; i++)
                server.AddCluster(FakeClusters.Document(Sub1, "rg-" + (i % 7), $"aks-{i:D4}"));
            using var client = new HttpClient(server.CreateTrustingHandler()) { BaseAddress = server.Endpoint };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token-1");

            var ids = new List<string>();
            var counts = new List<int>();
            string? token = null;
            do
            {
                using var page = await Query(client, Sub1, token);
                var root = page.RootElement;
                Assert.Equal(2500, root.GetProperty("totalRecords").GetInt32());
                counts.Add(root.GetProperty("count").GetInt32());
                ids.AddRange(root.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
                token = root.TryGetProperty("$skipToken", out var t) ? t.GetString() : null;
            }
            while (token is not null);

            Assert.Equal([1000, 1000, 500], counts);
            Assert.Equal(3, server.Requests.Count);
            Assert.All(server.Requests, r => Assert.Equal(FakeRequestKind.ResourceGraphQuery, r.Kind));
            Assert.Equal(2500, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.Equal(FakeClusters.Id(Sub1, "rg-0", "aks-0000"), ids[0]);
        }

        [Fact]
        public async Task ResourceGraph_RowsHaveGraphColumns()
        {
            _server.AddCluster(FakeClusters.Document(Sub1, "RG-Upper", "aks-2", "westeurope"));
            _server.AddExtensions(FakeClusters.Id(Sub1, "RG-Upper", "aks-2"), "microsoft.flux");
            using var page = await Query(_client, Sub1, null);
            var rows = page.RootElement.GetProperty("data").EnumerateArray().ToList();

            Assert.Equal(2, rows.Count);
            Assert.Empty(rows[0].GetProperty("extensionTypes").EnumerateArray());
            var row = rows[1];
            Assert.Equal("microsoft.containerservice/managedclusters", row.GetProperty("type").GetString());
            Assert.Equal("rg-upper", row.GetProperty("resourceGroup").GetString());
            Assert.Equal(Sub1, row.GetProperty("subscriptionId").GetString());
            Assert.Equal("fedcba98-7654-3210-fedc-ba9876543210", row.GetProperty("tenantId").GetString());
            Assert.Equal("westeurope", row.GetProperty("location").GetString());
            Assert.Equal("userDefinedRouting", row.GetProperty("properties").GetProperty("networkProfile").GetProperty("outboundType").GetString());
            Assert.Equal(["microsoft.flux"], row.GetProperty("extensionTypes").EnumerateArray().Select(e => e.GetString()));
            Assert.False(page.RootElement.TryGetProperty("$skipToken", out _));
        }

        [Fact]
        public async Task ResourceGraph_FiltersBySubscription()
        {
            _server.AddCluster(FakeClusters.Document(Sub2, "rg", "other"));
            using var only2 = await Query(_client, Sub2.ToUpperInvariant(), null);
            Assert.Equal(["other"], only2.RootElement.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
            using var all = await Query(_client, null, null);
            Assert.Equal(2, all.RootElement.GetProperty("totalRecords").GetInt32());
        }

        [Fact]
        public async Task ResourceGraph_TopBelowTheLimitSetsThePageSize()
        {
            for (var i = 0; i < 4; i++)
                _server.AddCluster(FakeClusters.Document(Sub1, "rg", $"more-{i}"));
            using var page = await Post("""{"query":"resources | where type =~ 'Microsoft.ContainerService/managedClusters'","options":{"$top":2}}""");
            using var body = JsonDocument.Parse(await page.Content.ReadAsStringAsync());
            Assert.Equal(2, body.RootElement.GetProperty("count").GetInt32());
            Assert.True(body.RootElement.TryGetProperty("$skipToken", out _));
        }

        [Theory]
        [InlineData("""{"query":"resources | where type =~ 'microsoft.network/virtualnetworks'"}""")]
        [InlineData("""{"query":"resources | where type =~ 'microsoft.containerservice/managedclusters'","options":{"$skipToken":"not-ours"}}""")]
        [InlineData("""not json""")]
        public async Task ResourceGraph_RejectsWhatItCannotAnswer(string body)
        {
            using var response = await Post(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("BadRequest", await ErrorCode(response));
        }

        // ---------- faults ----------

        [Fact]
        public async Task TooManyRequests_Is429WithRetryAfter()
        {
            _server.Faults = _ => Fault.TooManyRequests(7);
            using var response = await _client.GetAsync(ClusterId + ClusterApi);
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
            Assert.Equal("TooManyRequests", await ErrorCode(response));
        }

        [Fact]
        public async Task ServerError_AndStatus_AnswerArmErrors()
        {
            _server.Faults = r => r.Attempt == 1 ? Fault.ServerError(503) : Fault.Status(409, "Conflict", "busy");
            using var first = await _client.GetAsync(ClusterId + ClusterApi);
            using var second = await _client.GetAsync(ClusterId + ClusterApi);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
            Assert.Equal("InternalServerError", await ErrorCode(first));
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Equal("Conflict", await ErrorCode(second));
        }

        [Fact]
        public async Task FaultOnFirstAttemptOnly_LetsTheRetryThrough()
        {
            var seen = new List<FakeRequest>();
            _server.Faults = r =>
            {
                lock (seen) seen.Add(r);
                return r.Attempt == 1 ? Fault.ServerError() : Fault.None;
            };
            using var first = await _client.GetAsync(ClusterId + ClusterApi);
            using var retry = await _client.GetAsync(ClusterId + ClusterApi);
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
            Assert.Equal([1, 2], seen.Select(r => r.Attempt));
            Assert.Equal(ClusterId, seen[0].ClusterId);
            Assert.Equal("api-version=2025-10-01", seen[0].Query);
            Assert.Equal([500, 200], _server.Requests.Select(r => r.Status));
        }

        [Fact]
        public async Task TruncatedJson_Is200WithAnInvalidBody()
        {
            _server.Faults = _ => Fault.TruncatedJson();
            using var response = await _client.GetAsync(ClusterId + ClusterApi);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Encoding.UTF8.GetByteCount(body), response.Content.Headers.ContentLength);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
        }

        [Fact]
        public async Task DropConnection_FailsTheRequest()
        {
            _server.Faults = _ => Fault.DropConnection();
            await Assert.ThrowsAsync<HttpRequestException>(() => _client.GetAsync(ClusterId + ClusterApi));
            Assert.All(_server.Requests, r => Assert.Equal(0, r.Status));
        }

        [Fact]
        public async Task Slow_DelaysThenAnswers()
        {
            _server.Faults = _ => Fault.Slow(TimeSpan.FromMilliseconds(400));
            var clock = Stopwatch.StartNew();
            using var response = await _client.GetAsync(ClusterId + ClusterApi);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), clock.Elapsed.ToString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task Slow_GivesUpWhenTheClientDoes_AndDisposeDoesNotWait()
        {
            _server.Faults = _ => Fault.Slow(TimeSpan.FromMinutes(5));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.GetAsync(ClusterId + ClusterApi, timeout.Token));
            var pending = _client.GetAsync(ClusterId + ClusterApi);
            var clock = Stopwatch.StartNew();
            await _server.DisposeAsync();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
            await Assert.ThrowsAnyAsync<Exception>(() => pending);
        }

        [Fact]
        public async Task HundredConcurrentRequests_AreAllAnsweredAndRecorded()
        {
            _server.Faults = _ => Fault.Slow(TimeSpan.FromMilliseconds(50));
            var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _client.GetAsync(ClusterId + ClusterApi)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            foreach (var response in responses)
                response.Dispose();
            Assert.Equal(100, _server.Requests.Count(r => r.Status == 200));
        }

        // ---------- helpers ----------

        private static string DocumentPath(string name, [CallerFilePath] string thisFile = "") =>
            Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Clusters", "Documents", name + ".json");

        private static string Page(string category, string domain) =>
            $$"""{"value":[{"category":"{{category}}","endpoints":[{"domainName":"{{domain}}","endpointDetails":[{"port":443,"protocol":"Https","description":"test"}]}]}]}""";

        private static async Task<string?> ErrorCode(HttpResponseMessage response)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("error").GetProperty("code").GetString();
        }

        private Task<HttpResponseMessage> Post(string body) =>
            _client.PostAsync(GraphPath, new StringContent(body, Encoding.UTF8, "application/json"));

        private static async Task<JsonDocument> Query(HttpClient client, string? subscription, string? skipToken)
        {
            var body = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["subscriptions"] = subscription is null ? null : new[] { subscription },
                ["query"] = "Resources | where type =~ 'Microsoft.ContainerService/managedClusters'",
                ["options"] = skipToken is null
                    ? new Dictionary<string, object> { ["$top"] = 1000, ["resultFormat"] = "objectArray" }
                    : new Dictionary<string, object> { ["$top"] = 1000, ["$skipToken"] = skipToken, ["resultFormat"] = "objectArray" },
            });
            using var response = await client.PostAsync(GraphPath, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        }
    }
}
