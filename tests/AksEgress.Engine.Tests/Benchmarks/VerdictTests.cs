using AksEgress.Benchmarks;

namespace AksEgress.Engine.Tests.Benchmarks
{
    /// <summary>The harness's verdict: a printed miss is never followed by "all benchmark targets met".</summary>
    public class VerdictTests
    {
        private const string AllMet = "all benchmark targets met";

        [Fact]
        public void AFullRunFailsOnAnyMissedTargetGuardedInCiOrNot()
        {
            var verdict = new Verdict(failAbove: null, only: null);
            verdict.Ratio("catalog load", 1.01, 1.0, guardedInCi: true);
            verdict.Ratio("import", 2.10, 2.0, guardedInCi: false);

            Assert.Equal(1, verdict.ExitCode);
            Assert.Equal(2, verdict.Failures.Count);
            var lines = verdict.Lines().ToList();
            Assert.Contains("TARGET MISSED: import ratio 2.10 > 2.00", lines);
            Assert.Equal("benchmark FAILED: 2 targets missed", lines[^1]);
        }

        [Fact]
        public void AFullRunThatMeetsEveryTargetSaysSo()
        {
            var verdict = new Verdict(failAbove: null, only: null);
            verdict.Ratio("catalog load", 0.99, 1.0, guardedInCi: true);
            verdict.Ratio("import", 1.70, 2.0, guardedInCi: false);

            Assert.Equal(0, verdict.ExitCode);
            Assert.Equal(new[] { AllMet }, verdict.Lines());
        }

        [Fact]
        public void AQuickRunPassesAMissItDoesNotGuardAndSaysItWasMissed()
        {
            var verdict = new Verdict(failAbove: 1.5, only: null);
            verdict.Ratio("catalog load", 0.99, 1.0, guardedInCi: true);
            verdict.Ratio("import", 2.39, 2.0, guardedInCi: false);

            Assert.Equal(0, verdict.ExitCode);
            var lines = verdict.Lines().ToList();
            Assert.Equal("TARGET MISSED (not enforced under --fail-above): import ratio 2.39 > 2.00 (not guarded under --fail-above)", lines[0]);
            Assert.Equal("regression guard (--fail-above 1.50) held; 1 target missed, not enforced under --fail-above", lines[^1]);
            Assert.DoesNotContain(AllMet, lines);
        }

        [Fact]
        public void AQuickRunCountsARatioBetweenTargetAndGuardAsAMissNotAsMet()
        {
            var verdict = new Verdict(failAbove: 1.5, only: null);
            verdict.Ratio("catalog load", 1.20, 1.0, guardedInCi: true);

            Assert.Equal(0, verdict.ExitCode);
            var lines = verdict.Lines().ToList();
            Assert.Contains("(within the --fail-above 1.50 guard)", lines[0]);
            Assert.DoesNotContain(AllMet, lines);
        }

        [Fact]
        public void AQuickRunFailsWhenTheGuardBreaks()
        {
            var verdict = new Verdict(failAbove: 1.5, only: null);
            verdict.Ratio("catalog load", 1.60, 1.0, guardedInCi: true);
            verdict.Ratio("import", 2.39, 2.0, guardedInCi: false);

            Assert.Equal(1, verdict.ExitCode);
            Assert.Equal("benchmark FAILED: 1 target missed, 1 more missed but not enforced", verdict.Lines().Last());
        }

        [Fact]
        public void AQuickRunThatMeetsEveryTargetSaysTheGuardHeld()
        {
            var verdict = new Verdict(failAbove: 1.5, only: null);
            verdict.Ratio("catalog load", 0.99, 1.0, guardedInCi: true);

            Assert.Equal(new[] { "regression guard (--fail-above 1.50) held; every target met" }, verdict.Lines());
        }

        [Fact]
        public void ACaseNotMeasuredIsNeverCountedAsMet()
        {
            var skipped = new Verdict(failAbove: null, only: null);
            skipped.Skipped.Add("import time (pwsh is not on PATH)");
            Assert.Equal("benchmark FAILED: 0 targets missed; 1 case not measured", skipped.Lines().Last());
            Assert.Equal(1, skipped.ExitCode);

            var only = new Verdict(failAbove: null, only: "import");
            only.Ratio("import", 1.70, 2.0, guardedInCi: false);
            Assert.Equal("every target measured was met (--only import: the other cases were not run)", only.Lines().Last());
        }

        [Fact]
        public void NoRunEndsWithAllMetAfterPrintingAMiss()
        {
            foreach (var failAbove in new double?[] { null, 1.5 })
            {
                foreach (var guarded in new[] { true, false })
                {
                    var verdict = new Verdict(failAbove, only: null);
                    verdict.Ratio("case", 9.0, 1.0, guarded);
                    var lines = verdict.Lines().ToList();
                    Assert.Contains(lines, l => l.StartsWith("TARGET MISSED", StringComparison.Ordinal));
                    Assert.NotEqual(AllMet, lines[^1]);
                }
            }
        }
    }
}
