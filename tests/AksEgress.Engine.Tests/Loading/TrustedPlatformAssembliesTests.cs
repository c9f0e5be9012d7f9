using System.Reflection;
using System.Text.Json;
using AksEgress.Loading;

namespace AksEgress.Engine.Tests.Loading
{
    public class TrustedPlatformAssembliesTests
    {
        private static readonly string Runtime = Path.Combine(Path.GetTempPath(), "shared", "Microsoft.NETCore.App", "8.0.0");
        private static readonly string PsHome = Path.Combine(Path.GetTempPath(), "powershell", "7");

        private static readonly Dictionary<string, string> Names = new()
        {
            [Path.Combine(Runtime, "System.Text.Json.dll")] = "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
            [Path.Combine(PsHome, "System.Text.Json.dll")] = "System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
            [Path.Combine(PsHome, "Microsoft.Bcl.AsyncInterfaces.dll")] = "Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
        };

        private static TrustedPlatformAssemblies Platform() => new(
            string.Join(Path.PathSeparator, Path.Combine(Runtime, "System.Text.Json.dll"), "", Path.Combine(PsHome, "System.Text.Json.dll"),
                Path.Combine(PsHome, "Microsoft.Bcl.AsyncInterfaces.dll"), Path.Combine(PsHome, "libpsl-native.so")),
            path => Names.TryGetValue(path, out var name) ? new AssemblyName(name) : null);

        [Theory]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", true)]
        [InlineData("system.text.json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", true)]
        [InlineData("System.Text.Json, Version=9.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", false)]
        [InlineData("Microsoft.Bcl.AsyncInterfaces, Version=1.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", true)]
        [InlineData("Azure.Core, Version=1.50.0.0, Culture=neutral, PublicKeyToken=92742159e12e44c8", false)]
        [InlineData("libpsl-native", false)]
        public void ThePlatformServesARequestOnlyWhenItsCopySatisfiesIt(string requested, bool served)
        {
            Assert.Equal(served, Platform().Satisfies(new AssemblyName(requested)));
        }

        [Fact]
        public void TheFirstCopyListedIsTheOneConsidered()
        {
            // The host lists the copy it chose first; the runtime never binds a later duplicate.
            Assert.Equal(Path.Combine(Runtime, "System.Text.Json.dll"), Platform().PathOf("System.Text.Json"));
        }

        [Fact]
        public void ThisProcessListsTheRuntimesOwnSystemTextJson()
        {
            var platform = TrustedPlatformAssemblies.OfThisProcess();
            Assert.Equal(typeof(JsonSerializer).Assembly.Location, platform.PathOf("System.Text.Json"));
            Assert.True(platform.Satisfies(new AssemblyName("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")));
        }
    }
}
