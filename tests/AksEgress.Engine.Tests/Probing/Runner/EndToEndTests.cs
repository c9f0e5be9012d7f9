using System.Net;
using System.Net.Sockets;
using AksEgress.Catalog;
using AksEgress.Probing;

namespace AksEgress.Tests.Probing.Runner
{
    /// <summary>What Test-AksEgress does after binding, through real sockets on loopback: plan, probe, report in order.</summary>
    public sealed class EndToEndTests
    {
        private static AksEgressRule Tcp(int port, RuleRequirement requirement = RuleRequirement.Required) => new()
        {
            RuleId = "loopback-" + port, Kind = RuleKind.Network, Destination = "127.0.0.1", DestinationType = DestinationType.IpAddress,
            Protocol = RuleProtocol.TCP, Port = port, Requirement = requirement, Location = "eastus",
        };

        [Fact]
        public async Task OpenRefusedAndUnprobeableRulesComeBackInOrderWithTheirVerdicts()
        {
            using var open = new TcpListener(IPAddress.Loopback, 0);
            open.Start();
            var openPort = ((IPEndPoint)open.LocalEndpoint).Port;
            var closed = new TcpListener(IPAddress.Loopback, 0);
            closed.Start();
            var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
            closed.Stop();
            var tunnel = Tcp(1194);
            tunnel.Protocol = RuleProtocol.UDP;

            var rules = new List<AksEgressRule> { Tcp(openPort), Tcp(closedPort), tunnel };
            var options = EgressTestSetup.Options(new EgressTestRequest { TimeoutSec = 2 });
            var results = new List<AksEgressTestResult>();

            var summary = await new ProbeRunner(options, 16, Prober.RunAsync)
                .RunAsync(EgressTestSetup.Plan(rules, RuleCatalog.Default), results.Add, null, CancellationToken.None);

            Assert.Equal(new[] { ProbeStatus.Passed, ProbeStatus.Failed, ProbeStatus.Skipped }, results.Select(r => r.Status));
            Assert.Equal(ProbeFailureKind.TcpRefused, results[1].FailureKind);
            Assert.Contains(closedPort.ToString(), results[1].Detail);
            Assert.NotEmpty(results[2].Detail);
            Assert.Equal("127.0.0.1", results[0].TestedHost);
            Assert.Equal("1 passed, 1 failed, 1 skipped", summary.ToString());
            Assert.False(summary.AllRequiredPassed);
        }
    }
}
