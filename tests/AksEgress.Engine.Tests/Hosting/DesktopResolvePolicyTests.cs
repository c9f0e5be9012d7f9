using AksEgress.Hosting;

namespace AksEgress.Engine.Tests.Hosting
{
    public class DesktopResolvePolicyTests
    {
        private static readonly string Bin = Path.Combine(Path.GetTempPath(), "AksEgress", "bin", "Desktop");
        private static readonly HashSet<string> Shipped = new(StringComparer.OrdinalIgnoreCase)
        {
            Path.Combine(Bin, "System.Runtime.CompilerServices.Unsafe.dll"),
            Path.Combine(Bin, "System.Text.Json.dll"),
        };

        private static string? Choose(string requested, string? requester) => DesktopResolvePolicy.Choose(requested, requester, Bin, Shipped.Contains);

        public static TheoryData<string, string?, bool> Cases() => new()
        {
            // System.Memory (ours) asks for the older Unsafe it was built against: answer with the one we ship.
            { "System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", Path.Combine(Bin, "System.Memory.dll"), true },
            // The runtime does not always say who asked.
            { "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", null, true },
            { "System.Text.Json", "", true },
            // An assembly outside our folder (Az, PowerShell) asking: not ours to answer.
            { "System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", Path.Combine(Path.GetTempPath(), "Az.Accounts", "Az.Accounts.dll"), false },
            // Something we do not ship.
            { "Azure.Core, Version=1.44.0.0, Culture=neutral, PublicKeyToken=92742159e12e44c8", Path.Combine(Bin, "AksEgress.Engine.dll"), false },
            // Satellite resource lookups and cultured names are never ours.
            { "System.Text.Json.resources, Version=8.0.0.0, Culture=ko-KR, PublicKeyToken=cc7b13ffcd2ddd51", Path.Combine(Bin, "System.Text.Json.dll"), false },
            { "System.Text.Json, Version=8.0.0.0, Culture=ko-KR, PublicKeyToken=cc7b13ffcd2ddd51", null, false },
            // Names that are not assembly names, or try to leave the folder.
            { "not an assembly name,,,", null, false },
            { "..\\..\\evil", null, false },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void AnswersOnlyForShippedAssembliesAskedForByOurOwn(string requested, string? requester, bool answers)
        {
            var chosen = Choose(requested, requester);
            if (answers)
            {
                Assert.NotNull(chosen);
                Assert.Equal(Bin, Path.GetDirectoryName(chosen));
                Assert.Equal(new System.Reflection.AssemblyName(requested).Name + ".dll", Path.GetFileName(chosen));
            }
            else
            {
                Assert.Null(chosen);
            }
        }
    }
}
