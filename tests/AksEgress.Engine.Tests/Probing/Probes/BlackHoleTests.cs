using Xunit.Abstractions;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>The helper itself: whichever way it is made, a connect to its port goes unanswered.</summary>
    public class BlackHoleTests
    {
        private readonly ITestOutputHelper _output;

        public BlackHoleTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task TheBestAvailableHoleSwallowsSyns()
        {
            using var hole = await BlackHole.CreateAsync();
            _output.WriteLine("black hole: " + hole.Mode);

            Assert.False(await BlackHole.ConnectsWithinAsync(hole.Port, TimeSpan.FromMilliseconds(300)));
        }

        [Fact]
        public async Task TheSynQueueFallbackSwallowsSynsToo()
        {
            if (!OperatingSystem.IsLinux())
                return; // Windows resets connects to a full backlog; the fallback is Linux's.
            using var hole = await BlackHole.CreateWithoutNftablesAsync();
            _output.WriteLine("black hole: " + hole.Mode);

            Assert.StartsWith("SYN-queue fill", hole.Mode);
            Assert.False(await BlackHole.ConnectsWithinAsync(hole.Port, TimeSpan.FromMilliseconds(300)));
        }
    }
}
