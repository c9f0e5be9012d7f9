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

        /// <summary>
        /// Times the two stages of a pipeline item by item: for each of <paramref name="items"/> items, the baseline
        /// stage makes the item's input and the action consumes it at once, as the engine runs them, so the two
        /// alternate every item. A round covers every item; returns the medians of the per-round totals (microseconds)
        /// and of the per-round ratios action/baseline, after the same warm-up as <see cref="Compare"/>.
        /// </summary>
        public static (double Micros, double BaselineMicros, double Ratio) ComparePipeline<T>(int items, Func<int, T> baseline, Action<T> action, int rounds)
        {
            var warmUp = Stopwatch.StartNew();
            for (var i = 0; warmUp.ElapsedMilliseconds < 1500; i = (i + 1) % items) action(baseline(i));

            var times = new double[rounds];
            var baselineTimes = new double[rounds];
            var ratios = new double[rounds];
            for (var r = 0; r < rounds; r++)
            {
                long ticks = 0, baselineTicks = 0;
                for (var i = 0; i < items; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    var input = baseline(i);
                    var made = Stopwatch.GetTimestamp();
                    action(input);
                    var done = Stopwatch.GetTimestamp();
                    baselineTicks += made - start;
                    ticks += done - made;
                }
                times[r] = ticks * 1_000_000.0 / Stopwatch.Frequency;
                baselineTimes[r] = baselineTicks * 1_000_000.0 / Stopwatch.Frequency;
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
