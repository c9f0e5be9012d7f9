using System.Globalization;

namespace AksEgress.Benchmarks
{
    /// <summary>
    /// What a run found, and the one line that ends it. Every target ends up in exactly one place: met, missed and
    /// enforced (the run fails), missed but not enforced (a --fail-above run, which guards against regressions
    /// instead of holding targets), or not measured (skipped, or left out by --only). The last line says which of
    /// these happened, so it never reads "all benchmark targets met" after a miss was printed, or when a case was
    /// not measured.
    /// </summary>
    internal sealed class Verdict
    {
        private readonly double? _failAbove;
        private readonly string? _only;

        public Verdict(double? failAbove, string? only)
        {
            _failAbove = failAbove;
            _only = only;
        }

        /// <summary>Missed targets that fail the run (exit code 1).</summary>
        public List<string> Failures { get; } = new List<string>();

        /// <summary>Missed targets that a --fail-above run prints but does not fail on.</summary>
        public List<string> NotEnforced { get; } = new List<string>();

        /// <summary>Cases this machine could not measure, with the reason.</summary>
        public List<string> Skipped { get; } = new List<string>();

        /// <summary>A case that could not be measured fails the run too: a target nobody checked is not met.</summary>
        public int ExitCode => Failures.Count > 0 || Skipped.Count > 0 ? 1 : 0;

        /// <summary>
        /// A ratio against its target. Without --fail-above a ratio above the target fails the run. With it, a ratio
        /// above the guard fails only when <paramref name="guardedInCi"/> (timings not yet met with margin are not
        /// guarded), and a ratio above the target but not failing is printed as a miss that was not enforced.
        /// </summary>
        public void Ratio(string name, double ratio, double target, bool guardedInCi)
        {
            if (!_failAbove.HasValue)
            {
                if (ratio > target) Failures.Add($"{name} ratio {F(ratio)} > {F(target)}");
                return;
            }
            if (guardedInCi && ratio > _failAbove.Value)
            {
                Failures.Add($"{name} ratio {F(ratio)} > {F(_failAbove.Value)} (the --fail-above guard; target {F(target)})");
                return;
            }
            if (ratio > target)
            {
                var why = guardedInCi ? $"within the --fail-above {F(_failAbove.Value)} guard" : "not guarded under --fail-above";
                NotEnforced.Add($"{name} ratio {F(ratio)} > {F(target)} ({why})");
            }
        }

        /// <summary>The closing lines: every miss, then one line that says truthfully what held.</summary>
        public IEnumerable<string> Lines()
        {
            foreach (var note in NotEnforced) yield return $"TARGET MISSED (not enforced under --fail-above): {note}";
            foreach (var failure in Failures) yield return $"TARGET MISSED: {failure}";
            foreach (var skip in Skipped) yield return $"NOT MEASURED: {skip}";
            yield return Summary();
        }

        private string Summary()
        {
            var scope = _only == null ? "" : $" (--only {_only}: the other cases were not run)";
            var skipped = Skipped.Count == 0 ? "" : $"; {Count(Skipped.Count, "case")} not measured";
            if (Failures.Count > 0 || Skipped.Count > 0)
            {
                var alsoMissed = NotEnforced.Count == 0 ? "" : $", {NotEnforced.Count} more missed but not enforced";
                return $"benchmark FAILED: {Count(Failures.Count, "target")} missed{alsoMissed}{skipped}{scope}";
            }
            if (_failAbove.HasValue)
            {
                var missed = NotEnforced.Count == 0 ? "every target met" : $"{Count(NotEnforced.Count, "target")} missed, not enforced under --fail-above";
                return $"regression guard (--fail-above {F(_failAbove.Value)}) held; {missed}{skipped}{scope}";
            }
            if (_only != null) return $"every target measured was met{scope}";
            return "all benchmark targets met";
        }

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

        private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
