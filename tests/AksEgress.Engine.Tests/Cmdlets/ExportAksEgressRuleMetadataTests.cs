using System.Reflection;

namespace AksEgress.Engine.Tests.Cmdlets
{
    public sealed class ExportAksEgressRuleMetadataTests : IDisposable
    {
        private readonly CmdletMetadata _metadata = new();
        private readonly Type _cmdlet;

        public ExportAksEgressRuleMetadataTests() => _cmdlet = _metadata.Cmdlet("AksEgress.Commands.ExportAksEgressRuleCommand");

        public void Dispose() => _metadata.Dispose();

        [Fact]
        public void IsASealedExportCmdletThatSupportsWhatIfAndDeclaresBothOutputs()
        {
            Assert.True(_cmdlet.IsSealed);
            var cmdlet = CmdletMetadata.Attribute(_cmdlet, "CmdletAttribute")!;
            Assert.Equal(("Export", "AksEgressRule"), ((string)cmdlet.ConstructorArguments[0].Value!, (string)cmdlet.ConstructorArguments[1].Value!));
            Assert.True(CmdletMetadata.Named<bool>(cmdlet, "SupportsShouldProcess"));
            Assert.Equal("ToPipeline", CmdletMetadata.Named<string>(cmdlet, "DefaultParameterSetName"));

            var outputs = CmdletMetadata.Attributes(_cmdlet, "OutputTypeAttribute")
                .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
                .Select(t => t.Value!.ToString()).OrderBy(t => t);
            Assert.Equal(new[] { "System.IO.FileInfo", "System.String" }, outputs);
        }

        [Fact]
        public void FormatValidateSetIsTheEngineFormatList() =>
            Assert.Equal(Enum.GetNames<AksEgress.Export.ExportFormat>(), CmdletMetadata.ValidateSet(_cmdlet.GetProperty("Format")!));

        [Theory]
        [InlineData("InputObject", true, null)]
        [InlineData("Format", true, null)]
        [InlineData("Path", true, "ToFile")]
        [InlineData("LiteralPath", true, "ToLiteralFile")]
        [InlineData("Force", false, "ToFile,ToLiteralFile")]
        [InlineData("NoClobber", false, "ToFile,ToLiteralFile")]
        [InlineData("PassThru", false, "ToFile,ToLiteralFile")]
        [InlineData("SourceAddress", false, null)]
        [InlineData("SourceIpGroup", false, null)]
        [InlineData("Priority", false, null)]
        [InlineData("CollectionGroupName", false, null)]
        [InlineData("UseFqdnTag", false, null)]
        [InlineData("DnsProxyEnabled", false, null)]
        public void ParameterIsDeclaredAsTheIssueAsks(string name, bool mandatory, string? set)
        {
            // One [Parameter] per set the parameter belongs to (sets comma-separated in the data), none for "every set".
            var parameters = CmdletMetadata.Attributes(_cmdlet.GetProperty(name)!, "ParameterAttribute").ToList();
            Assert.All(parameters, p => Assert.Equal(mandatory, CmdletMetadata.Named<bool>(p, "Mandatory")));
            var sets = parameters.Select(p => CmdletMetadata.Named<string>(p, "ParameterSetName")).OrderBy(s => s).ToList();
            Assert.Equal(set == null ? new string?[] { null } : set.Split(',').OrderBy(s => s).ToArray<string?>(), sets);
        }

        [Fact]
        public void InputComesFromThePipeline()
        {
            var parameter = CmdletMetadata.Attribute(_cmdlet.GetProperty("InputObject")!, "ParameterAttribute")!;
            Assert.True(CmdletMetadata.Named<bool>(parameter, "ValueFromPipeline"));
        }
    }
}
