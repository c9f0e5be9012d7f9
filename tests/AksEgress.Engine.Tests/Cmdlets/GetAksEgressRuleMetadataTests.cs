using System.Reflection;

namespace AksEgress.Engine.Tests.Cmdlets
{
    public sealed class GetAksEgressRuleMetadataTests : IDisposable
    {
        private readonly CmdletMetadata _metadata = new();
        private readonly Type _cmdlet;

        public GetAksEgressRuleMetadataTests() => _cmdlet = _metadata.Cmdlet("AksEgress.Commands.GetAksEgressRuleCommand");

        public void Dispose() => _metadata.Dispose();

        private const string Live = "All,InputObject,ResourceId,ResourceName";

        // name -> (type, mandatory, position, parameter sets (sorted, comma-separated) or null for all sets)
        private static readonly Dictionary<string, (string Type, bool Mandatory, int Position, string? Set)> Expected = new()
        {
            ["Location"] = ("String", true, 0, "Plan"),
            ["Cloud"] = ("String", false, int.MinValue, null),
            ["ResourceGroupName"] = ("String", true, 0, "ResourceName"),
            ["Name"] = ("String", true, 1, "ResourceName"),
            ["ResourceId"] = ("String[]", true, int.MinValue, "ResourceId"),
            ["All"] = ("SwitchParameter", true, int.MinValue, "All"),
            ["SubscriptionId"] = ("String[]", false, int.MinValue, "All,ResourceName"),
            ["IncludeServiceReported"] = ("SwitchParameter", false, int.MinValue, Live),
            ["AccessToken"] = ("SecureString", false, int.MinValue, Live),
            ["Offline"] = ("SwitchParameter", false, int.MinValue, "InputObject"),
            ["InputObject"] = ("PSObject", true, int.MinValue, "InputObject"),
            ["Feature"] = ("String[]", false, int.MinValue, null),
            ["OsSku"] = ("String", false, int.MinValue, "Plan"),
            ["PrivateCluster"] = ("SwitchParameter", false, int.MinValue, "Plan"),
            ["LegacyTunnel"] = ("SwitchParameter", false, int.MinValue, "Plan"),
            ["ApiServerFqdn"] = ("String", false, int.MinValue, "Plan"),
            ["ApiServerAddress"] = ("String", false, int.MinValue, "Plan"),
            ["CustomDnsServer"] = ("String[]", false, int.MinValue, "Plan"),
            ["Requirement"] = ("String[]", false, int.MinValue, null),
            ["IncludeLegacy"] = ("SwitchParameter", false, int.MinValue, null),
        };

        [Fact]
        public void IsASealedGetCmdletWithPlanAsDefaultSetAndDeclaresItsOutput()
        {
            Assert.True(_cmdlet.IsSealed);
            var cmdlet = CmdletMetadata.Attribute(_cmdlet, "CmdletAttribute")!;
            Assert.Equal("Get", cmdlet.ConstructorArguments[0].Value);
            Assert.Equal("AksEgressRule", cmdlet.ConstructorArguments[1].Value);
            Assert.Equal("Plan", CmdletMetadata.Named<string>(cmdlet, "DefaultParameterSetName"));

            var output = CmdletMetadata.Attribute(_cmdlet, "OutputTypeAttribute")!;
            var types = (IEnumerable<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!;
            Assert.Equal("AksEgress.AksEgressRule", Assert.Single(types).Value!.ToString());
        }

        [Fact]
        public void HasExactlyTheParametersTheIssueNames()
        {
            var declared = _cmdlet.GetProperties().Where(p => CmdletMetadata.Attribute(p, "ParameterAttribute") != null).Select(p => p.Name);
            Assert.Equal(Expected.Keys.OrderBy(k => k), declared.OrderBy(k => k));
        }

        [Theory]
        [MemberData(nameof(ParameterNames))]
        public void ParameterHasTheTypeMandatorinessPositionAndSetItShould(string name)
        {
            var property = _cmdlet.GetProperty(name)!;
            var expected = Expected[name];
            var parameters = CmdletMetadata.Attributes(property, "ParameterAttribute").ToList();
            var sets = parameters.Select(p => CmdletMetadata.Named<string>(p, "ParameterSetName")).ToList();

            Assert.Equal(expected.Type, property.PropertyType.Name);
            Assert.Equal(expected.Set, sets.Contains(null) ? null : string.Join(",", sets.OrderBy(x => x, StringComparer.Ordinal)));
            Assert.All(parameters, parameter =>
            {
                Assert.Equal(expected.Mandatory, CmdletMetadata.Named<bool>(parameter, "Mandatory"));
                Assert.Equal(expected.Position, CmdletMetadata.Named<int?>(parameter, "Position") ?? int.MinValue);
            });
        }

        public static TheoryData<string> ParameterNames() => new(Expected.Keys);

        [Fact]
        public void ClustersComeFromThePipelineInTheirOwnSet()
        {
            var parameter = CmdletMetadata.Attribute(_cmdlet.GetProperty("InputObject")!, "ParameterAttribute")!;
            Assert.True(CmdletMetadata.Named<bool>(parameter, "ValueFromPipeline"));
        }

        [Fact]
        public void ValidateSetsMatchTheEngineVocabulary()
        {
            Assert.Equal(Enum.GetNames<AzureCloudName>(), CmdletMetadata.ValidateSet(_cmdlet.GetProperty("Cloud")!));
            Assert.Equal(Enum.GetNames<AksFeature>(), CmdletMetadata.ValidateSet(_cmdlet.GetProperty("Feature")!));
            Assert.Equal(Enum.GetNames<RuleRequirement>(), CmdletMetadata.ValidateSet(_cmdlet.GetProperty("Requirement")!));
            Assert.Equal(Enum.GetNames<AksEgress.Planning.LinuxOsSku>(), CmdletMetadata.ValidateSet(_cmdlet.GetProperty("OsSku")!));
            Assert.Null(CmdletMetadata.ValidateSet(_cmdlet.GetProperty("Location")!));
        }
    }
}
