using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AksEgress.Engine.Tests.Cmdlets;

namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>The Package target: the Azure Automation zip and the NuGet package a local PowerShell repository serves.</summary>
    [Collection(ModulePackagingCollection.Name)]
    public class ModulePackageTests
    {
        private static readonly string[] PackageParts = { "[Content_Types].xml", "_rels/.rels", "AksEgress.nuspec" };

        private readonly ModuleBuild _build;

        public ModulePackageTests(ModuleBuild build) => _build = build;

        [Fact]
        public void AutomationZipHoldsTheModuleFolderAtItsRootWithoutAVersionFolder()
        {
            var zipPath = _build.Packaged.AutomationZip;

            // Azure Automation wants the zip, its folder and the manifest to share the module's name.
            Assert.Equal("AksEgress.zip", Path.GetFileName(zipPath));
            var entries = FileEntries(zipPath);
            Assert.Equal(ExpectedModule.Files.Select(f => "AksEgress/" + f).OrderBy(f => f, StringComparer.Ordinal), entries);
            Assert.DoesNotContain(entries, e => e.StartsWith($"AksEgress/{_build.Version}/", StringComparison.Ordinal));
            // Automation cannot import a module with a file path over 140 characters.
            Assert.All(entries, e => Assert.True(e.Length <= 140, e));
        }

        [Fact]
        public void NupkgHoldsTheModuleFilesAtItsRootBesideNuGetsOwnParts()
        {
            var entries = FileEntries(_build.Packaged.Nupkg);

            foreach (var part in PackageParts) Assert.Contains(part, entries);
            var moduleEntries = entries
                .Where(e => !PackageParts.Contains(e) && !e.StartsWith("package/services/metadata/", StringComparison.Ordinal));
            Assert.Equal(ExpectedModule.Files, moduleEntries);
        }

        [Fact]
        public void NuspecNamesTheModuleItsVersionAndTheTagsPowerShellGetSearches()
        {
            var metadata = Nuspec(_build.Packaged.Nupkg).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

            Assert.Equal("AksEgress", Value("id"));
            Assert.Equal(RepositoryFiles.ModuleVersion(), Value("version"));
            var tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("PSModule", tags);
            Assert.Contains("PSEdition_Core", tags);
            Assert.Contains("PSEdition_Desktop", tags);
            Assert.Contains("PSIncludes_Cmdlet", tags);
            var cmdlets = CmdletNames();
            Assert.Equal(3, cmdlets.Length);
            foreach (var cmdlet in cmdlets)
            {
                Assert.Contains("PSCmdlet_" + cmdlet, tags);
                Assert.Contains("PSCommand_" + cmdlet, tags);
            }

            // The links and notes are the manifest's, read here on their own.
            var manifest = File.ReadAllText(RepositoryFiles.PathOf("AksEgress.psd1"));
            Assert.Equal(ManifestValue(manifest, "ProjectUri"), Value("projectUrl"));
            Assert.Equal(ManifestValue(manifest, "LicenseUri"), Value("licenseUrl"));
            Assert.Contains(RepositoryFiles.ModuleVersion(), Value("releaseNotes"));
        }

        /// <summary>The cmdlets the host assembly defines, from their [Cmdlet(verb, noun)] attributes.</summary>
        private static string[] CmdletNames()
        {
            using var metadata = new CmdletMetadata();
            return metadata.Assembly.GetTypes()
                .Select(t => CmdletMetadata.Attribute(t, "CmdletAttribute"))
                .Where(a => a != null)
                .Select(a => $"{a!.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}")
                .ToArray();
        }

        private static string ManifestValue(string manifest, string key) =>
            Regex.Match(manifest, @"(?m)^\s*" + key + @"\s*=\s*'([^']*)'").Groups[1].Value;

        private static string[] FileEntries(string zipPath)
        {
            using var zip = ZipFile.OpenRead(zipPath);
            return zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => e.FullName.Replace('\\', '/'))
                .OrderBy(e => e, StringComparer.Ordinal).ToArray();
        }

        private static XDocument Nuspec(string nupkgPath)
        {
            using var zip = ZipFile.OpenRead(nupkgPath);
            using var stream = zip.GetEntry("AksEgress.nuspec")!.Open();
            return XDocument.Load(stream);
        }
    }
}
