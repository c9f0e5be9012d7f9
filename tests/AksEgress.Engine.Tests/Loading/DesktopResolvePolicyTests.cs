using System.Reflection;
using AksEgress.Loading;

namespace AksEgress.Engine.Tests.Loading
{
    public class DesktopResolvePolicyTests
    {
        private static readonly string Bin = Path.Combine(Path.GetTempPath(), "AksEgress", "0.1.0", "bin");
        private static readonly string Desktop = Path.Combine(Bin, "Desktop");
        private static readonly string Common = Path.Combine(Bin, "Common");

        // What bin/Common holds in these cases: file -> its assembly name (null: the file cannot be read).
        private static readonly Dictionary<string, string?> Shipped = new(StringComparer.OrdinalIgnoreCase)
        {
            [Path.Combine(Common, "AksEgress.Engine.dll")] = "AksEgress.Engine, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null",
            [Path.Combine(Common, "Azure.Core.dll")] = "Azure.Core, Version=1.50.0.0, Culture=neutral, PublicKeyToken=92742159e12e44c8",
            [Path.Combine(Common, "System.Text.Json.dll")] = "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51",
            [Path.Combine(Common, "System.Runtime.CompilerServices.Unsafe.dll")] = "System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a",
            [Path.Combine(Common, "Damaged.dll")] = null,
        };

        private static string? Choose(string requested, string? requester) =>
            DesktopResolvePolicy.Choose(requested, requester == null || requester.Length == 0 ? requester : Path.Combine(Bin, requester),
                Desktop, Common, Shipped.ContainsKey, path => Shipped.TryGetValue(path, out var name) && name != null ? new AssemblyName(name) : null);

        private const string Unsafe = "System.Runtime.CompilerServices.Unsafe";
        private const string CoreToken = "PublicKeyToken=92742159e12e44c8";
        private const string JsonToken = "PublicKeyToken=cc7b13ffcd2ddd51";
        private const string Engine = "Common/AksEgress.Engine.dll";

        public static TheoryData<string, string?, string?> Cases() => new()
        {
            // requested, requester (relative to bin/, null when the runtime does not say), file chosen in bin/Common
            // The host's first engine call: the engine is not beside it.
            { "AksEgress.Engine, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", "Desktop/AksEgress.dll", "AksEgress.Engine.dll" },
            // The engine's own dependency, and one a dependency asks for in an older version: no binding redirect needed.
            { $"Azure.Core, Version=1.50.0.0, Culture=neutral, {CoreToken}", Engine, "Azure.Core.dll" },
            { $"{Unsafe}, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "Common/System.Memory.dll", "System.Runtime.CompilerServices.Unsafe.dll" },
            // A newer minor version than shipped is still answered; a newer major version is refused.
            { $"Azure.Core, Version=1.51.0.0, Culture=neutral, {CoreToken}", Engine, "Azure.Core.dll" },
            { $"System.Text.Json, Version=9.0.0.0, Culture=neutral, {JsonToken}", Engine, null },
            // A by-name request from one of ours.
            { "Azure.Core", Engine, "Azure.Core.dll" },
            // Az (or anything outside bin/Desktop and bin/Common) asking: never ours to answer, even for a file we ship.
            { $"Azure.Core, Version=1.44.0.0, Culture=neutral, {CoreToken}", "../../../Az.Accounts/4.0.0/Az.Accounts.dll", null },
            { $"Azure.Core, Version=1.50.0.0, Culture=neutral, {CoreToken}", "Common/plugins/Other.dll", null },
            { $"Azure.Core, Version=1.50.0.0, Culture=neutral, {CoreToken}", "Other.dll", null },
            // The runtime did not say who asked: a by-name load we cannot attribute is not answered.
            { $"Azure.Core, Version=1.50.0.0, Culture=neutral, {CoreToken}", null, null },
            { $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {JsonToken}", "", null },
            // Not shipped; shipped but unreadable; another publisher's assembly of a shipped name.
            { "Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", Engine, null },
            { "Damaged, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", Engine, null },
            { "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", Engine, null },
            // Satellite lookups and cultured names are never ours.
            { $"System.Text.Json.resources, Version=8.0.0.0, Culture=ko-KR, {JsonToken}", "Common/System.Text.Json.dll", null },
            { $"System.Text.Json, Version=8.0.0.0, Culture=ko-KR, {JsonToken}", Engine, null },
            // Names that are not assembly names, or try to leave the folder.
            { "not an assembly name,,,", Engine, null },
            { "..\\Desktop\\AksEgress", Engine, null },
            { "../Desktop/AksEgress", Engine, null },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void AnswersOnlyOurOwnAssembliesWithFilesFromBinCommon(string requested, string? requester, string? chosenFile)
        {
            var chosen = Choose(requested, requester);
            if (chosenFile == null)
            {
                Assert.Null(chosen);
            }
            else
            {
                Assert.Equal(Path.Combine(Common, chosenFile), chosen);
            }
        }
    }
}
