namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>
    /// The tests that run build/AksEgress.Module.proj share one publish (ModuleBuild) and run alone: each build is
    /// a child dotnet that takes the machine's cores for seconds, which would skew the timing-sensitive tests
    /// running beside it.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ModulePackagingCollection : ICollectionFixture<ModuleBuild>
    {
        public const string Name = "Module packaging";
    }
}
