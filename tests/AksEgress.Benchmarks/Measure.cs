using System.Diagnostics;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// Times two actions in alternating rounds, after a warm-up, and reports the median of each and the median
    /// of the per-round ratios: drift on a shared 2-core machine then hits both sides alike.
    /// </summary>
    internal static class Measure
    {
        public static (double Micros, double BaselineMicros, double Ratio) Compare(Action action, Action baseline, int rounds, int perRound)
        {
            // Long enough that tiered compilation has promoted the hot methods (it waits ~100 ms before
            // recompiling), so our code is not compared at tier 0 against precompiled framework code.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.ElapsedMilliseconds < 1500) { action(); baseline(); }

            var times = new double[rounds];
            var baselineTimes = new double[rounds];
            var ratios = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                times[r] = Time(action, perRound);
                baselineTimes[r] = Time(baseline, perRound);
                ratios[r] = times[r] / baselineTimes[r];
            }
            return (Median(times), Median(baselineTimes), Median(ratios));
        }

        private static double Time(Action action, int count)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++) action();
            return watch.Elapsed.TotalMilliseconds * 1000.0 / count;
        }

        private static double Median(double[] values)
        {
            var sorted = (double[])values.Clone();
            Array.Sort(sorted);
            return sorted[sorted.Length / 2];
        }
    }
}
