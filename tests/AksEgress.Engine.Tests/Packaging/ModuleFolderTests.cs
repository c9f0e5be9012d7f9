using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>The assembly step of build/AksEgress.Module.proj: the folder it writes, and the mistakes it refuses.</summary>
    [Collection(ModulePackagingCollection.Name)]
    public class ModuleFolderTests
    {
        private readonly ModuleBuild _build;

        public ModuleFolderTests(ModuleBuild build) => _build = build;

        [Fact]
        public void AssemblesExactlyTheListedFilesAndNothingElse()
        {
            using var workspace = _build.NewWorkspace();
            var run = workspace.Run("Assemble");

            Assert.True(run.Succeeded, run.Output);
            Assert.Equal(ExpectedModule.Files, RepositoryFiles.RelativeFiles(workspace.ModuleDirectory));
            Assert.Equal(File.ReadAllBytes(workspace.ManifestPath), File.ReadAllBytes(Path.Combine(workspace.ModuleDirectory, "AksEgress.psd1")));
        }

        [Fact]
        public void EachHostFolderHoldsTheBuildForItsEdition()
        {
            using var workspace = _build.NewWorkspace();
            Assert.True(workspace.Run("Assemble").Succeeded);

            // PowerShell 7 runs on .NET (System.Runtime); Windows PowerShell 5.1 on .NET Framework (mscorlib).
            Assert.Contains("System.Runtime", References(Path.Combine(workspace.ModuleDirectory, "bin", "Core", "AksEgress.dll")));
            Assert.Contains("mscorlib", References(Path.Combine(workspace.ModuleDirectory, "bin", "Desktop", "AksEgress.dll")));
        }

        [Theory]
        [InlineData("source", "en-US/about_AksEgress.help.txt", "en-US/about_AksEgress.help.txt")]
        [InlineData("source", "AksEgress.Format.ps1xml", "AksEgress.Format.ps1xml")]
        [InlineData("engine", "Azure.Core.dll", "bin/Common/Azure.Core.dll")]
        [InlineData("desktop", "AksEgress.dll", "bin/Desktop/AksEgress.dll")]
        public void AMissingListedFileFailsTheBuildAndIsNamed(string folder, string file, string moduleEntry)
        {
            using var workspace = _build.NewWorkspace();
            File.Delete(folder == "source" ? Path.Combine(workspace.SourceDirectory, file) : Path.Combine(workspace.StagingDirectory, folder, file));

            var run = workspace.Run("Assemble");

            Assert.False(run.Succeeded);
            Assert.Contains("listed files are missing", run.Output);
            Assert.Contains(moduleEntry, run.Output);
            Assert.False(Directory.Exists(workspace.ModuleDirectory));
        }

        [Theory]
        [InlineData("engine", "Contoso.Unplanned.Dependency.dll")]
        [InlineData("core", "runtimes/win/lib/net8.0/Contoso.Native.Wrapper.dll")]
        public void ADllNoListMentionsFailsTheBuildAndIsNamed(string publish, string file)
        {
            using var workspace = _build.NewWorkspace();
            var path = Path.Combine(workspace.StagingDirectory, publish, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(workspace.StagingDirectory, "engine", "AksEgress.Engine.dll"), path);

            var run = workspace.Run("Assemble");

            Assert.False(run.Succeeded);
            Assert.Contains("does not list", run.Output);
            Assert.Contains($"{publish}/{file}", run.Output.Replace('\\', '/'));
            Assert.False(Directory.Exists(workspace.ModuleDirectory));
        }

        [Fact]
        public void ADllPowerShellProvidesFailsTheBuild()
        {
            using var workspace = _build.NewWorkspace();
            File.Copy(Path.Combine(workspace.StagingDirectory, "engine", "AksEgress.Engine.dll"),
                Path.Combine(workspace.StagingDirectory, "core", "System.Management.Automation.dll"));

            var run = workspace.Run("Assemble");

            Assert.False(run.Succeeded);
            Assert.Contains("System.Management.Automation.dll, which PowerShell provides", run.Output);
        }

        [Fact]
        public void AManifestWhoseVersionIsNotTheBuildVersionFailsTheBuild()
        {
            using var workspace = _build.NewWorkspace();
            var manifest = File.ReadAllText(workspace.ManifestPath);
            var stale = $"ModuleVersion = '{_build.Version}'";
            Assert.Contains(stale, manifest);
            File.WriteAllText(workspace.ManifestPath, manifest.Replace(stale, "ModuleVersion = '0.0.1'"));

            var run = workspace.Run("Assemble");

            Assert.False(run.Succeeded);
            Assert.Contains($"ModuleVersion '0.0.1'", run.Output);
            Assert.Contains($"<Version> '{_build.Version}'", run.Output);
        }

        private static string[] References(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToArray();
        }
    }
}
