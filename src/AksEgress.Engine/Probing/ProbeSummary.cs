using System.Collections.Generic;

namespace AksEgress.Probing
{
    /// <summary>Counts of a run, and what -Quiet answers.</summary>
    public sealed class ProbeSummary
    {
        private readonly List<string> _requiredNotPassed = new List<string>();

        public int Passed { get; private set; }
        public int Failed { get; private set; }
        public int Skipped { get; private set; }

        /// <summary>Required rules that failed or could not be probed, by id and host, for the -Quiet explanation.</summary>
        public IReadOnlyList<string> RequiredNotPassed => _requiredNotPassed;

        /// <summary>-Quiet: every Required rule passed. A Required rule that was skipped was not shown to be open, so it does not count as passed.</summary>
        public bool AllRequiredPassed => _requiredNotPassed.Count == 0;

        public void Add(AksEgressTestResult result)
        {
            if (result.Status == ProbeStatus.Passed) Passed++;
            else if (result.Status == ProbeStatus.Failed) Failed++;
            else Skipped++;
            if (result.Requirement == RuleRequirement.Required && result.Status != ProbeStatus.Passed)
            {
                _requiredNotPassed.Add($"{result.RuleId} ({(result.TestedHost.Length > 0 ? result.TestedHost : result.Destination)}: {result.Status})");
            }
        }

        /// <summary>The summary line written as information.</summary>
        public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
    }
}
