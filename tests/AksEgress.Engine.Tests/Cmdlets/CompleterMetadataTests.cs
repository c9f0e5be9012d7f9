using AksEgress.Completion;

namespace AksEgress.Engine.Tests.Cmdlets
{
    /// <summary>Tab completion as PowerShell will find it: which completer each parameter names, and that it can be made.</summary>
    public sealed class CompleterMetadataTests : IDisposable
    {
        private readonly CmdletMetadata _metadata = new();

        public void Dispose() => _metadata.Dispose();

        [Theory]
        [InlineData("AksEgress.Commands.GetAksEgressRuleCommand", "Location", "AksEgress.Commands.LocationCompleter")]
        [InlineData("AksEgress.Commands.GetAksEgressRuleCommand", "Feature", "AksEgress.Commands.FeatureCompleter")]
        [InlineData("AksEgress.Commands.TestAksEgressCommand", "Location", "AksEgress.Commands.LocationCompleter")]
        [InlineData("AksEgress.Commands.TestAksEgressCommand", "Feature", "AksEgress.Commands.FeatureCompleter")]
        public void TheParameterNamesItsCompleter(string cmdlet, string parameter, string completer)
        {
            var property = _metadata.Cmdlet(cmdlet).GetProperty(parameter)!;
            var attribute = Assert.Single(CmdletMetadata.Attributes(property, "ArgumentCompleterAttribute"));
            var type = Assert.IsAssignableFrom<Type>(Assert.Single(attribute.ConstructorArguments).Value);
            Assert.Equal(completer, type.FullName);
        }

        [Theory]
        [InlineData("AksEgress.Commands.LocationCompleter")]
        [InlineData("AksEgress.Commands.FeatureCompleter")]
        public void TheCompleterIsAPublicArgumentCompleterPowerShellCanCreate(string completer)
        {
            // PowerShell creates the completer itself with Activator.CreateInstance, so it needs a public parameterless constructor.
            var type = _metadata.Cmdlet(completer);
            Assert.True(type.IsPublic && !type.IsAbstract);
            Assert.Contains(type.GetInterfaces(), i => i.FullName == "System.Management.Automation.IArgumentCompleter");
            Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        }

        [Theory]
        [InlineData("AksEgress.Commands.GetAksEgressRuleCommand")]
        [InlineData("AksEgress.Commands.TestAksEgressCommand")]
        public void FeatureCompletionOffersExactlyWhatTheValidateSetAccepts(string cmdlet)
        {
            var accepted = CmdletMetadata.ValidateSet(_metadata.Cmdlet(cmdlet).GetProperty("Feature")!)!;
            var offered = FeatureCompletions.For("", null).Select(i => i.ListItemText);
            Assert.Equal(accepted.OrderBy(n => n, StringComparer.Ordinal), offered.OrderBy(n => n, StringComparer.Ordinal));
        }
    }
}
