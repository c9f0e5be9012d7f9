using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>RuleRecord.FromTree: the rule in a piped object after the host copied it (keys in any case, numbers as long).</summary>
    public class RuleRecordTreeTests
    {
        [Fact]
        public void ReadsAPipedObjectWhateverTheCaseOfItsPropertyNames()
        {
            var tree = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = "Network", ["DESTINATION"] = "ntp.ubuntu.com", ["protocol"] = "udp", ["Port"] = 123L, ["Feature"] = "Core", ["clustername"] = "aks1",
            };
            var rule = RuleRecord.FromTree(tree);
            Assert.Equal((RuleKind.Network, "ntp.ubuntu.com", RuleProtocol.UDP, 123, "aks1", DestinationType.Fqdn),
                (rule.Kind, rule.Destination, rule.Protocol, rule.Port, rule.ClusterName, rule.DestinationType));
        }

        [Fact]
        public void AnObjectThatIsNotARuleIsRejectedWithTheMissingProperty()
        {
            var ex = Assert.Throws<AksEgress.Errors.AksEgressInputException>(() => RuleRecord.FromTree(new Dictionary<string, object?> { ["Name"] = "not a rule" }));
            Assert.Equal("InvalidRuleRecord", ex.ErrorId);
            Assert.Contains("Destination is missing", ex.Message);
        }
    }
}
