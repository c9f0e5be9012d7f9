using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>
    /// bin/Common serves Windows PowerShell 5.1 on Windows, where MSAL's token cache uses DPAPI and file ACLs. The
    /// netstandard2.0 builds of those packages only throw PlatformNotSupportedException, so the module ships builds
    /// that do the work.
    /// </summary>
    [Collection(ModulePackagingCollection.Name)]
    public class CommonDependencyTests
    {
        private readonly ModuleBuild _build;

        public CommonDependencyTests(ModuleBuild build) => _build = build;

        [Fact]
        public void DpapiIsTheWindowsBuildThatCallsCrypt32()
        {
            var common = Path.Combine(_build.Packaged.ModuleDirectory, "bin", "Common");
            using var assembly = Open(Path.Combine(common, "System.Security.Cryptography.ProtectedData.dll"));
            var reader = assembly.GetMetadataReader();
            var modules = Enumerable.Range(1, reader.GetTableRowCount(TableIndex.ModuleRef))
                .Select(row => reader.GetString(reader.GetModuleReference(MetadataTokens.ModuleReferenceHandle(row)).Name));
            Assert.Contains(modules, m => m.Equals("crypt32.dll", StringComparison.OrdinalIgnoreCase));
        }

        [Theory]
        [InlineData("System.Security.AccessControl.dll")]
        [InlineData("System.Security.Principal.Windows.dll")]
        [InlineData("System.IO.FileSystem.AccessControl.dll")]
        public void AccessControlForwardsToTheDotNetFrameworkTypes(string file)
        {
            var common = Path.Combine(_build.Packaged.ModuleDirectory, "bin", "Common");
            using var assembly = Open(Path.Combine(common, file));
            var reader = assembly.GetMetadataReader();
            var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name));
            Assert.Contains("mscorlib", references);
            Assert.NotEmpty(reader.ExportedTypes);
        }

        private static PEReader Open(string path) => new PEReader(File.OpenRead(path));
    }
}
