using System.Text.Json;

namespace AksEgress.Engine.Tests.Loading
{
    /// <summary>
    /// PowerShell 7 with Az imported first: Az's Azure.Core is in the default context, then our module resolves the
    /// engine. The engine must get the Azure.Core it ships, Az must keep its own, and what the runtime already has
    /// must not be loaded a second time.
    /// </summary>
    public sealed class EngineLoadContextIsolationTests : IClassFixture<LoadContextProbeRun>
    {
        private readonly LoadContextProbeRun _run;

        public EngineLoadContextIsolationTests(LoadContextProbeRun run) => _run = run;

        private string InCommon(string file) => Path.Combine(_run.CommonDirectory, file);

        [Fact]
        public void TheTestSetupCouldShowAWrongChoice()
        {
            // bin/Common has its own copies of what the runtime also has, and the two Azure.Core versions differ.
            Assert.True(File.Exists(InCommon("System.Text.Json.dll")));
            Assert.True(File.Exists(InCommon("System.Memory.dll")));
            Assert.NotEqual(LoadContextProbeRun.VersionOf(InCommon("Azure.Core.dll")), LoadContextProbeRun.VersionOf(_run.OtherAzureCorePath));
        }

        [Fact]
        public void TheEngineLoadsFromBinCommonIntoItsOwnContext()
        {
            var engine = _run["engine"];
            Assert.Equal("AksEgress", engine.GetProperty("context").GetString());
            Assert.Equal(InCommon("AksEgress.Engine.dll"), engine.GetProperty("location").GetString());
        }

        [Fact]
        public void TheEngineGetsItsOwnAzureCoreWhileAzKeepsTheOneItLoadedFirst()
        {
            var shipped = LoadContextProbeRun.VersionOf(InCommon("Azure.Core.dll")).ToString();
            var bound = _run["tokenCredentialFrom"];
            Assert.Equal("Azure.Core", bound.GetProperty("name").GetString());
            Assert.Equal(shipped, bound.GetProperty("version").GetString());
            Assert.Equal(InCommon("Azure.Core.dll"), bound.GetProperty("location").GetString());
            Assert.Equal("AksEgress", bound.GetProperty("context").GetString());

            var az = Assert.Single(_run["defaultAzureCore"].EnumerateArray());
            Assert.Equal(LoadContextProbeRun.VersionOf(_run.OtherAzureCorePath).ToString(), az.GetProperty("version").GetString());
            Assert.Equal(_run.OtherAzureCorePath, az.GetProperty("location").GetString());
        }

        [Theory]
        [InlineData("System.Text.Json")]
        [InlineData("System.Memory")]
        [InlineData("netstandard")]
        public void WhatTheRuntimeHasIsSharedNotLoadedFromBinCommon(string name)
        {
            var reference = _run["engineReferences"].EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);
            Assert.Equal("Default", reference.GetProperty("context").GetString());
            Assert.True(reference.GetProperty("trusted").GetBoolean(), $"{name} came from {reference.GetProperty("location").GetString()}");
        }

        [Fact]
        public void EverythingInTheEngineContextComesFromBinCommonAndNothingTwice()
        {
            var loaded = _run["afterLive"].EnumerateArray().ToList();
            Assert.Contains(loaded, a => a.GetProperty("name").GetString() == "Azure.Core");
            Assert.All(loaded, a =>
            {
                Assert.Equal(_run.CommonDirectory, Path.GetDirectoryName(a.GetProperty("location").GetString()));
                Assert.False(a.GetProperty("trusted").GetBoolean());
            });
            Assert.DoesNotContain(loaded, a => a.GetProperty("name").GetString() is "System.Text.Json" or "System.Memory");
        }

        [Fact]
        public void AnOfflineDerivationLoadsNothingAzureRelated()
        {
            Assert.True(_run["offlineRuleCount"].GetInt32() > 0);
            var names = _run["afterOffline"].EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToList();
            Assert.Contains("AksEgress.Engine", names);
            Assert.DoesNotContain(names, n => n.StartsWith("Azure.", StringComparison.Ordinal) || n.StartsWith("Microsoft.Identity.", StringComparison.Ordinal));
        }
    }
}
