using System.Text.RegularExpressions;
using AksEgress.Engine.Tests.Cmdlets;

namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>The manifest read as text (no PowerShell here): what Import-Module and the packages take from it.</summary>
    public class ManifestTests
    {
        private static readonly string Manifest = File.ReadAllText(RepositoryFiles.PathOf("AksEgress.psd1"));

        [Fact]
        public void ExportsEveryCmdletTheHostDefinesAndNothingElse()
        {
            using var metadata = new CmdletMetadata();
            var defined = metadata.Assembly.GetTypes()
                .Select(t => CmdletMetadata.Attribute(t, "CmdletAttribute"))
                .Where(a => a != null)
                .Select(a => $"{a!.ConstructorArguments[0].Value}-{a.ConstructorArguments[1].Value}")
                .OrderBy(n => n, StringComparer.Ordinal);

            Assert.Equal(defined, List("CmdletsToExport").OrderBy(n => n, StringComparer.Ordinal));
        }

        [Fact]
        public void RunsOnBothEditionsFromWindowsPowerShell51()
        {
            Assert.Equal(new[] { "Core", "Desktop" }, List("CompatiblePSEditions").OrderBy(n => n, StringComparer.Ordinal));
            Assert.Matches(@"(?m)^\s*PowerShellVersion\s*=\s*'5\.1'", Manifest);
        }

        [Fact]
        public void PicksTheHostAssemblyOfTheEditionThatImportsIt()
        {
            // $PSEdition is 'Core' on PowerShell 7 and 'Desktop' on Windows PowerShell 5.1: the folder names of the hosts.
            Assert.Matches(@"(?m)^\s*RootModule\s*=\s*""bin/\$PSEdition/AksEgress\.dll""\s*$", Manifest);
            foreach (var edition in new[] { "Core", "Desktop" })
            {
                Assert.Contains($"bin/{edition}/AksEgress.dll", ExpectedModule.Files);
            }
        }

        [Fact]
        public void LeavesTheViewsToTheFirstCommandThatWritesThem()
        {
            // FormatsToProcess would rebuild the session's whole format table during Import-Module; ModuleViews adds
            // the file on first use instead, so the manifest must not name it too.
            Assert.DoesNotMatch(@"(?m)^\s*FormatsToProcess\s*=", Manifest);
            Assert.Contains("AksEgress.Format.ps1xml", ExpectedModule.Files);
        }

        [Fact]
        public void HasTheVersionOfDirectoryBuildProps()
        {
            Assert.Matches(@"(?m)^\s*ModuleVersion\s*=\s*'" + Regex.Escape(RepositoryFiles.ModuleVersion()) + "'", Manifest);
        }

        private static string[] List(string key)
        {
            var match = Regex.Match(Manifest, @"(?m)^\s*" + key + @"\s*=\s*@\(([^)]*)\)");
            Assert.True(match.Success, $"no {key} = @(...) line in AksEgress.psd1");
            return Regex.Matches(match.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value).ToArray();
        }
    }
}
