using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Errors;
using AksEgress.Tests.Arm.Fake;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>
    /// The bearer token never reaches anything the user sees or a transcript keeps (errors, warnings, the -Verbose
    /// request log), whichever way a call fails; and the log says what was sent, one line per HTTP attempt.
    /// </summary>
    public sealed class SecretTests
    {
        private sealed record Scenario(string Name, Func<FakeRequest, Fault> Faults, bool Deny = false, bool Known = true,
            bool ServiceReported = false, string? ServerToken = null, bool ShortTimeout = false);

        private static readonly Scenario[] Scenarios =
        {
            new("fine", _ => Fault.None),
            new("unknown", _ => Fault.None, Known: false),
            new("denied", _ => Fault.None, Deny: true),
            new("refused-token", _ => Fault.None, ServerToken: "a-token-other-than-the-one-sent"),
            new("server-error", r => r.Kind == FakeRequestKind.ClusterGet ? Fault.ServerError() : Fault.None),
            new("throttled", r => r.Kind == FakeRequestKind.ClusterGet ? Fault.TooManyRequests(0) : Fault.None),
            new("slow", r => r.Kind == FakeRequestKind.ClusterGet ? Fault.Slow(TimeSpan.FromSeconds(2)) : Fault.None, ShortTimeout: true),
            new("truncated", r => r.Kind == FakeRequestKind.ClusterGet ? Fault.TruncatedJson() : Fault.None),
            new("dropped", r => r.Kind == FakeRequestKind.ClusterGet ? Fault.DropConnection() : Fault.None),
            new("retried", r => r.Kind == FakeRequestKind.ClusterGet && r.Attempt == 1 ? Fault.ServerError() : Fault.None),
            new("extensions-409", r => r.Kind == FakeRequestKind.ExtensionsList ? Fault.Status(409, "MissingSubscriptionRegistration", "not registered") : Fault.None),
            new("outbound-500", r => r.Kind == FakeRequestKind.OutboundEndpointsList ? Fault.ServerError() : Fault.None, ServiceReported: true),
            new("outbound-truncated", r => r.Kind == FakeRequestKind.OutboundEndpointsList ? Fault.TruncatedJson() : Fault.None, ServiceReported: true),
        };

        [Fact]
        public async Task No_failure_puts_the_token_in_an_error_a_warning_or_the_log()
        {
            var errorIds = new List<string>();
            foreach (var scenario in Scenarios)
            {
                await using var server = await FakeArmServer.StartAsync(scenario.ServerToken ?? LiveSupport.SecretToken);
                var id = FakeClusters.Id(LiveSupport.Sub, "rg-secret", "aks-" + scenario.Name);
                if (scenario.Known) server.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg-secret", "aks-" + scenario.Name));
                if (scenario.Deny) server.Deny(id);
                server.Faults = scenario.Faults;
                // Only the scenario whose every attempt is slow gets a short time limit: elsewhere a busy machine's
                // slow answer would be a retry the log check below does not expect.
                var arm = new LiveArm(server, credential: new TestTokenCredential(LiveSupport.SecretToken),
                    tune: o => { if (scenario.ShortTimeout) o.NetworkTimeout = TimeSpan.FromMilliseconds(300); });
                var live = new LiveClusterRules(new RuleRequest { IncludeServiceReported = scenario.ServiceReported }, arm.Client);

                var outcome = await live.ForResourceIdAsync(id, CancellationToken.None);

                errorIds.Add(outcome.Error?.ErrorId ?? (outcome.Warnings.Any(w => w.Contains("extensions")) ? "warning" : "ok"));
                // The token was really sent, so it had every chance to leak.
                Assert.NotEmpty(server.Requests);
                Assert.All(LiveSupport.VisibleText(arm, new[] { outcome }), text => Assert.DoesNotContain(LiveSupport.SecretToken, text));
                AssertOneLogLinePerAttempt(server, arm, scenario.Name);
            }

            // Each scenario did fail the way it was meant to, so each path above was really taken.
            Assert.Equal(new[]
            {
                "ok", "ClusterReadNotFound", "ClusterReadForbidden", "ClusterReadUnauthorized", "ClusterReadServiceError",
                "ClusterReadThrottled", "ClusterReadTimeout", "ClusterReadMalformedResponse", "ClusterReadConnectionFailed", "ok",
                "warning", "ServiceReportedServiceError", "ServiceReportedMalformedResponse",
            }, errorIds);
        }

        [Fact]
        public async Task A_failed_fleet_query_does_not_show_the_token_either()
        {
            await using var server = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            for (var i = 0; i < 3; i++) server.AddCluster(FakeClusters.Document(LiveSupport.Sub, "rg", "aks" + i));
            server.Faults = r => r.Kind == FakeRequestKind.ResourceGraphQuery ? Fault.ServerError() : Fault.None;
            var arm = new LiveArm(server, credential: new TestTokenCredential(LiveSupport.SecretToken));

            var thrown = await Assert.ThrowsAsync<AksEgressInputException>(() =>
                new LiveClusterRules(new RuleRequest(), arm.Client).ForFleetAsync(null, _ => { }, null, CancellationToken.None));

            Assert.All(LiveSupport.VisibleText(arm, Array.Empty<ClusterOutcome>(), new[] { thrown }), text => Assert.DoesNotContain(LiveSupport.SecretToken, text));
            AssertOneLogLinePerAttempt(server, arm, "fleet");
        }

        [Fact]
        public async Task The_log_names_method_url_status_and_request_id_but_no_header()
        {
            await using var server = await FakeArmServer.StartAsync(LiveSupport.SecretToken);
            var (id, _) = LiveSupport.Serve(server, "basic-public");
            var arm = new LiveArm(server, credential: new TestTokenCredential(LiveSupport.SecretToken));

            await new LiveClusterRules(new RuleRequest(), arm.Client).ForResourceIdAsync(id, CancellationToken.None);

            var lines = arm.Log.ToArray();
            Assert.Equal(2, lines.Length);
            Assert.StartsWith($"ARM GET {server.Endpoint.AbsoluteUri.TrimEnd('/')}{id}?api-version=", lines[0]);
            Assert.Contains("-> 200", lines[0]);
            Assert.Matches("x-ms-request-id [0-9a-f-]{36}", lines[0]);
            Assert.Contains("/providers/Microsoft.KubernetesConfiguration/extensions?api-version=", lines[1]);
            Assert.All(lines, l => Assert.DoesNotContain("Bearer", l, StringComparison.OrdinalIgnoreCase));
            Assert.All(lines, l => Assert.DoesNotContain("Authorization", l, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>One log line per request the server saw, in order, with its method, URL and status (or how it failed).</summary>
        private static void AssertOneLogLinePerAttempt(FakeArmServer server, LiveArm arm, string scenario)
        {
            var requests = server.Requests;
            var lines = arm.Log.ToArray();
            Assert.True(requests.Count == lines.Length, $"{scenario}: {requests.Count} requests but {lines.Length} log lines:\n{string.Join("\n", lines)}");
            Assert.Equal(requests.Count, arm.Client.RequestCount);
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.StartsWith($"ARM {requests[i].Method} https://127.0.0.1:", lines[i]);
                Assert.Contains(requests[i].PathAndQuery, lines[i]);
                if (requests[i].Status != 0) Assert.Contains($"-> {requests[i].Status} in ", lines[i]);
                else Assert.Contains(" failed after ", lines[i]);
            }
        }
    }
}
