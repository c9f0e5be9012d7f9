using System.Reflection;
using AksEgress.Loading;

namespace AksEgress.Engine.Tests.Loading
{
    public class AssemblyMatchTests
    {
        private const string Json = "PublicKeyToken=cc7b13ffcd2ddd51";

        public static TheoryData<string, string, bool> Cases() => new()
        {
            // candidate (what the platform has), requested (what the engine asks for), satisfies?
            { $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", true },
            // PowerShell 7.5 runs on .NET 9: its newer System.Text.Json serves the engine's 8.0 reference.
            { $"System.Text.Json, Version=9.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", true },
            // An older copy never serves a newer request.
            { $"System.Text.Json, Version=6.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", false },
            { $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.1, Culture=neutral, {Json}", false },
            { $"System.Text.Json, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", false },
            // Names compare ignoring case; a different name never matches.
            { $"system.text.json, Version=8.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", true },
            { $"System.Text.Json.Nodes, Version=8.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", false },
            // Another publisher's assembly of the same name is another assembly.
            { "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", false },
            { "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", false },
            { "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", false },
            // Unsigned on both sides, written as "null" or not written on the candidate: equal.
            { "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", true },
            { "Contoso.Lib, Version=1.0.0.0, Culture=neutral", "Contoso.Lib, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null", true },
            // A by-name request (no version, no token) takes what is there.
            { $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", "System.Text.Json", true },
            // Cultures: neutral written or not is neutral; a satellite is never the neutral assembly.
            { $"System.Text.Json, Version=8.0.0.0, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", true },
            { $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=ko-KR, {Json}", false },
            { $"System.Text.Json, Version=8.0.0.0, Culture=ko-KR, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=neutral, {Json}", false },
            { $"System.Text.Json, Version=8.0.0.0, Culture=KO-kr, {Json}", $"System.Text.Json, Version=8.0.0.0, Culture=ko-KR, {Json}", true },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void SatisfiesOnlyWithSameNameTokenAndCultureAndNoLowerVersion(string candidate, string requested, bool satisfies)
        {
            Assert.Equal(satisfies, AssemblyMatch.Satisfies(new AssemblyName(candidate), new AssemblyName(requested)));
        }

        [Fact]
        public void TheRuntimesNetStandardSatisfiesTheEnginesNetStandardReference()
        {
            // netstandard 2.0 is what the engine references; this runtime's netstandard.dll (2.1) must serve it.
            var netstandard = Assembly.Load("netstandard").GetName();
            Assert.True(AssemblyMatch.Satisfies(netstandard, new AssemblyName("netstandard, Version=2.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")));
        }
    }
}
