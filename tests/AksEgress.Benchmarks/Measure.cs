using System.Diagnostics;

namespace AksEgress.Benchmarks
{
    /// <summary>Median time of repeated runs, after a warm-up, so two measurements in one process can be compared.</summary>
    internal static class Measure
    {
        public static double MedianMicroseconds(Action action, int rounds, int perRound)
        {
            for (var i = 0; i < perRound; i++) action(); // warm-up: JIT and tiering
            var samples = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < perRound; i++) action();
                samples[r] = watch.Elapsed.TotalMilliseconds * 1000.0 / perRound;
            }
            Array.Sort(samples);
            return samples[rounds / 2];
        }
    }
}
