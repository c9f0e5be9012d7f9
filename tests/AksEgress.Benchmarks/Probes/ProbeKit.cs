namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>
    /// Stands in for the test project's ProbeKit, which the linked BlackHole calls but which also holds xunit
    /// assertions. The tests raise the thread pool's minimum so their timing checks do not depend on the pool's slow
    /// thread injection; the benchmark leaves the pool as the runtime sets it, because that is the pool the cmdlet gets.
    /// </summary>
    internal static class ProbeKit
    {
        public static void EnsurePoolHeadroom()
        {
        }
    }
}
