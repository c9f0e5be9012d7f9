using System;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Catalog;

namespace AksEgress.Probing
{
    /// <summary>Counts of a run, and what -Quiet answers.</summary>
    public sealed class ProbeSummary
    {
        private readonly List<string> _requiredNotPassed = new List<string>();
        // Azure Monitor's either/or, per cluster: the service tag cannot be probed (it is skipped), so it is shown open
        // when the other option, every Monitoring FQDN rule of the same cluster, passed.
        private readonly Dictionary<string, List<string>> _skippedTagOption = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private readonly Dictionary<string, bool> _fqdnOptionAllPassed = new Dictionary<string, bool>(StringComparer.Ordinal);
        private readonly Func<string, RuleCondition?> _optionOf;

        private static readonly Lazy<Func<string, RuleCondition?>> CatalogOptions = new Lazy<Func<string, RuleCondition?>>(() => MonitorOptionOf(RuleCatalog.Default));

        public ProbeSummary() : this(CatalogOptions.Value)
        {
        }

        /// <param name="optionOf">Which side of Azure Monitor's either/or a rule id is on, or null.</param>
        internal ProbeSummary(Func<string, RuleCondition?> optionOf)
        {
            _optionOf = optionOf;
        }

        public int Passed { get; private set; }
        public int Failed { get; private set; }
        public int Skipped { get; private set; }

        /// <summary>Required rules that failed or could not be probed, by id and host, for the -Quiet explanation.</summary>
        public IReadOnlyList<string> RequiredNotPassed =>
            _requiredNotPassed.Concat(_skippedTagOption.Where(c => !OtherOptionPassed(c.Key)).SelectMany(c => c.Value)).ToList();

        /// <summary>
        /// -Quiet: every Required rule passed. A Required rule that was skipped was not shown to be open, so it does not
        /// count as passed, except the AzureMonitor service tag when its alternative, all the Monitoring FQDN rules of that
        /// cluster, passed. A run that tested nothing showed nothing open: an empty rules file or a filter that let
        /// nothing through must not read as "egress is open" in a script's if.
        /// </summary>
        public bool AllRequiredPassed => Passed + Failed + Skipped > 0 && _requiredNotPassed.Count == 0 && _skippedTagOption.Keys.All(OtherOptionPassed);

        /// <summary>The warning for a run that had no rule to test, or null.</summary>
        public string? NothingTestedWarning => Passed + Failed + Skipped > 0 ? null
            : "No rules came to Test-AksEgress, so nothing was tested and nothing is shown open (-Quiet answers $false). Check what was piped: an empty CSV file, or a filter that let no rule through.";

        public void Add(AksEgressTestResult result)
        {
            if (result.Status == ProbeStatus.Passed) Passed++;
            else if (result.Status == ProbeStatus.Failed) Failed++;
            else Skipped++;
            if (result.Requirement != RuleRequirement.Required) return;

            var cluster = result.ClusterName ?? "";
            var option = _optionOf(result.RuleId);
            if (option == RuleCondition.AzureMonitorFqdnOption)
            {
                _fqdnOptionAllPassed[cluster] = (!_fqdnOptionAllPassed.TryGetValue(cluster, out var sofar) || sofar) && result.Status == ProbeStatus.Passed;
            }
            if (result.Status == ProbeStatus.Passed) return;
            var line = $"{result.RuleId} ({(result.TestedHost.Length > 0 ? result.TestedHost : result.Destination)}: {result.Status})";
            if (option == RuleCondition.AzureMonitorServiceTagOption && result.Status == ProbeStatus.Skipped)
            {
                if (!_skippedTagOption.TryGetValue(cluster, out var lines)) _skippedTagOption[cluster] = lines = new List<string>();
                lines.Add(line + " (or all Monitoring FQDN rules)");
                return;
            }
            _requiredNotPassed.Add(line);
        }

        /// <summary>The summary line written as information.</summary>
        public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";

        private bool OtherOptionPassed(string cluster) => _fqdnOptionAllPassed.TryGetValue(cluster, out var passed) && passed;

        private static Func<string, RuleCondition?> MonitorOptionOf(RuleCatalog catalog)
        {
            var sides = new Dictionary<string, RuleCondition>(StringComparer.Ordinal);
            foreach (var entry in catalog.Entries)
            {
                if (entry.Has(RuleCondition.AzureMonitorServiceTagOption)) sides[entry.Id] = RuleCondition.AzureMonitorServiceTagOption;
                else if (entry.Has(RuleCondition.AzureMonitorFqdnOption)) sides[entry.Id] = RuleCondition.AzureMonitorFqdnOption;
            }
            return id => sides.TryGetValue(id, out var side) ? side : (RuleCondition?)null;
        }
    }
}
