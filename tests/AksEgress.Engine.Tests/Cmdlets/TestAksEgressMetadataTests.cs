using System.Reflection;

namespace AksEgress.Engine.Tests.Cmdlets
{
    /// <summary>Test-AksEgress as PowerShell will see it: verb, output types, sets, and the bounds the issue gives.</summary>
    public sealed class TestAksEgressMetadataTests : IDisposable
    {
        private readonly CmdletMetadata _metadata = new();
        private readonly Type _cmdlet;

        public TestAksEgressMetadataTests() => _cmdlet = _metadata.Cmdlet("AksEgress.Commands.TestAksEgressCommand");

        public void Dispose() => _metadata.Dispose();

        [Fact]
        public void IsASealedTestCmdletThatOutputsResultsOrOneBoolean()
        {
            Assert.True(_cmdlet.IsSealed);
            var cmdlet = CmdletMetadata.Attribute(_cmdlet, "CmdletAttribute")!;
            Assert.Equal("Test", cmdlet.ConstructorArguments[0].Value);
            Assert.Equal("AksEgress", cmdlet.ConstructorArguments[1].Value);
            Assert.Equal("InputObject", CmdletMetadata.Named<string>(cmdlet, "DefaultParameterSetName"));

            var output = CmdletMetadata.Attribute(_cmdlet, "OutputTypeAttribute")!;
            var types = ((IEnumerable<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!).Select(t => t.Value!.ToString());
            Assert.Equal(new[] { "AksEgress.AksEgressTestResult", "System.Boolean" }, types);
        }

        [Fact]
        public void RulesComeFromThePipelineOrFromThePlanningParameters()
        {
            var input = CmdletMetadata.Attribute(_cmdlet.GetProperty("InputObject")!, "ParameterAttribute")!;
            Assert.True(CmdletMetadata.Named<bool>(input, "ValueFromPipeline"));
            Assert.Equal("InputObject", CmdletMetadata.Named<string>(input, "ParameterSetName"));
            var location = CmdletMetadata.Attribute(_cmdlet.GetProperty("Location")!, "ParameterAttribute")!;
            Assert.Equal("Plan", CmdletMetadata.Named<string>(location, "ParameterSetName"));
            Assert.True(CmdletMetadata.Named<bool>(location, "Mandatory"));
        }

        [Theory]
        [InlineData("TimeoutSec", 1, 300)]
        [InlineData("ThrottleLimit", 1, 256)]
        public void BoundsAreValidatedByPowerShell(string name, int min, int max)
        {
            var range = CmdletMetadata.Attribute(_cmdlet.GetProperty(name)!, "ValidateRangeAttribute")!;
            Assert.Equal(min, range.ConstructorArguments[0].Value);
            Assert.Equal(max, range.ConstructorArguments[1].Value);
        }

        [Fact]
        public void TheProbeOptionsAreParametersOfEverySet()
        {
            foreach (var name in new[] { "TimeoutSec", "ThrottleLimit", "DnsServer", "Proxy", "NoProxy", "Quiet" })
            {
                var parameter = CmdletMetadata.Attribute(_cmdlet.GetProperty(name)!, "ParameterAttribute")!;
                Assert.Null(CmdletMetadata.Named<string>(parameter, "ParameterSetName"));
            }
        }
    }
}
