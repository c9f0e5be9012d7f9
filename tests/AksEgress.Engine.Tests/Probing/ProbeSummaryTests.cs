using AksEgress.Catalog;
using AksEgress.Probing;
using Xunit;

namespace AksEgress.Engine.Tests.Probing
{
    /// <summary>What -Quiet answers for a run with nothing in it: `if (-not (Import-Csv empty.csv | Test-AksEgress -Quiet))` must not pass.</summary>
    public class ProbeSummaryTests
    {
        [Fact]
        public void A_run_that_tested_nothing_is_not_all_required_passed_and_says_so()
        {
            var summary = new ProbeSummary();

            Assert.False(summary.AllRequiredPassed);
            Assert.Contains("nothing was tested", summary.NothingTestedWarning);
            Assert.Contains("-Quiet answers $false", summary.NothingTestedWarning);
        }

        [Fact]
        public void A_run_with_a_passed_required_rule_is_all_required_passed_without_the_warning()
        {
            var summary = new ProbeSummary();
            summary.Add(new AksEgressTestResult { RuleId = "core-mcr", Requirement = RuleRequirement.Required, Destination = "mcr.microsoft.com", Status = ProbeStatus.Passed });

            Assert.True(summary.AllRequiredPassed);
            Assert.Null(summary.NothingTestedWarning);
        }
    }
}
