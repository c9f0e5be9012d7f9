namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>How one `dotnet msbuild` of the module project ended: its exit code and everything it printed.</summary>
    public sealed record MSBuildRun(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }
}
