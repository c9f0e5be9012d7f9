using System.Diagnostics;
using AksEgress.Catalog;
using AksEgress.Probing;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// Test-AksEgress's wall time (issue 5): 40 rules on loopback, 10 of them black-holed, -TimeoutSec 2. Run as the
    /// cmdlet runs them (EgressTestSetup.Plan, ProbeRunner over Prober.RunAsync), once at the default ThrottleLimit 16
    /// and once one at a time. The dropped rules fit in one wave, so the run should last about one timeout; the
    /// sequential run is printed beside it to show what the concurrency saves.
    /// </summary>
    internal static class ProbeWallTime
    {
        private const int TimeoutSec = 2;
        private const int ThrottleLimit = 16;
        private const double Target = 1.15;

        /// <summary>Prints the measurement; adds to <paramref name="failures"/> a run over target or any wrong verdict.</summary>
        public static async Task RunAsync(bool quick, List<string> failures)
        {
            using var targets = await ProbeTargets.StartAsync();
            var rules = targets.Rules;
            var answered = rules.Count(r => !targets.IsBlackHoled(r.RuleId));
            Console.WriteLine($"probe wall time: {rules.Count} rules on loopback ({answered} answered: HTTPS, HTTP, TCP, NTP; " +
                $"{rules.Count - answered} black-holed), -TimeoutSec {TimeoutSec}; black hole: {targets.BlackHoleMode}");

            // Untimed: the first TLS handshake, socket and timer paths pay for JIT and first-use set-up, which a
            // PowerShell session pays once per process, not once per run.
            await RunOnceAsync(targets, rules.Where(r => !targets.IsBlackHoled(r.RuleId)).ToList(), ThrottleLimit);

            var wrong = new List<string>();
            var concurrent = new List<double>();
            var sequential = new List<double>();
            for (var round = 0; round < (quick ? 1 : 3); round++)
            {
                concurrent.Add(await TimedAsync(targets, ThrottleLimit, wrong));
                sequential.Add(await TimedAsync(targets, 1, wrong));
            }

            var wall = Median(concurrent);
            var oneByOne = Median(sequential);
            var ratio = wall / TimeoutSec;
            var label = concurrent.Count > 1 ? $"median of {concurrent.Count}" : "one run";
            Console.WriteLine($"  ThrottleLimit {ThrottleLimit}: {wall:0.00} s ({label}); ThrottleLimit 1 (sequential): {oneByOne:0.00} s; " +
                $"wall / {TimeoutSec} s timeout {ratio:0.00} (target <= {Target:0.00}); sequential / concurrent {oneByOne / wall:0.0}");
            if (concurrent.Count > 1)
                Console.WriteLine($"  runs: {string.Join(", ", concurrent.Select(s => s.ToString("0.00")))} s concurrent; {string.Join(", ", sequential.Select(s => s.ToString("0.00")))} s sequential");

            // A fast wrong answer is no answer: every run must have given each rule its verdict.
            foreach (var problem in wrong.Distinct()) failures.Add("probe wall time: " + problem);
            if (wrong.Count == 0)
                Console.WriteLine($"  verdicts: every run {answered} Passed, {rules.Count - answered} Failed with TcpTimeout, in the rules' order");
            else
                Console.WriteLine($"  verdicts wrong: {wrong.Distinct().Count()} distinct problem(s), listed below");
            // A fixed bound, not a ratio of two timings, so --fail-above does not loosen it (as with the fleet's request count).
            if (ratio > Target)
                failures.Add($"probe wall time {wall:0.00} s = {ratio:0.00} x the {TimeoutSec} s timeout > {Target:0.00}");
        }

        /// <summary>Seconds for planning and probing every rule; what went wrong in the verdicts goes to <paramref name="wrong"/>.</summary>
        private static async Task<double> TimedAsync(ProbeTargets targets, int throttleLimit, List<string> wrong)
        {
            var watch = Stopwatch.StartNew();
            var results = await RunOnceAsync(targets, targets.Rules, throttleLimit);
            var seconds = watch.Elapsed.TotalSeconds;
            wrong.AddRange(Check(targets, results).Select(p => $"ThrottleLimit {throttleLimit}: {p}"));
            return seconds;
        }

        private static async Task<List<AksEgressTestResult>> RunOnceAsync(ProbeTargets targets, IReadOnlyList<AksEgressRule> rules, int throttleLimit)
        {
            var options = targets.Options(TimeoutSec);
            var probes = EgressTestSetup.Plan(rules, RuleCatalog.Default);
            var results = new List<AksEgressTestResult>();
            // Only a hang would need this: every probe is bounded by the timeout, so a run ends long before it.
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await new ProbeRunner(options, throttleLimit, Prober.RunAsync).RunAsync(probes, results.Add, null, hang.Token);
            return results;
        }

        private static IEnumerable<string> Check(ProbeTargets targets, List<AksEgressTestResult> results)
        {
            var expected = targets.Rules.Select(r => r.RuleId).ToList();
            if (!results.Select(r => r.RuleId).SequenceEqual(expected))
                yield return $"{results.Count} results, not the {expected.Count} rules in their order";
            var passed = results.Count(r => r.Status == ProbeStatus.Passed && !targets.IsBlackHoled(r.RuleId));
            var dropped = results.Count(r => r.Status == ProbeStatus.Failed && r.FailureKind == ProbeFailureKind.TcpTimeout && targets.IsBlackHoled(r.RuleId));
            var answered = expected.Count(id => !targets.IsBlackHoled(id));
            if (passed != answered || dropped != expected.Count - answered)
                yield return $"{passed} answered rules Passed (expected {answered}), {dropped} black-holed rules Failed/TcpTimeout (expected {expected.Count - answered})";
            var first = results.FirstOrDefault(r => targets.IsBlackHoled(r.RuleId)
                ? !(r.Status == ProbeStatus.Failed && r.FailureKind == ProbeFailureKind.TcpTimeout)
                : r.Status != ProbeStatus.Passed);
            if (first != null)
                yield return $"first wrong verdict: {first.RuleId} {first.Status}/{first.FailureKind}: {first.Detail}";
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            var mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
