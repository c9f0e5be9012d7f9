using AksEgress.Probing;

namespace AksEgress.Engine.Tests.Planning
{
    /// <summary>
    /// The page offers Container insights two options ("두 가지 옵션"): the AzureMonitor service tag, or the FQDN rules.
    /// Both sides say so in Condition and name the other side in Alternatives, in every cloud; -Quiet accepts either.
    /// </summary>
    public sealed class AzureMonitorOptionTests
    {
        public static IEnumerable<object[]> Clouds => new[]
        {
            new object[] { AzureCloudName.AzureCloud, "koreacentral" },
            new object[] { AzureCloudName.AzureChinaCloud, "chinaeast2" },
            new object[] { AzureCloudName.AzureUSGovernment, "usgovvirginia" },
        };

        [Theory]
        [MemberData(nameof(Clouds))]
        public void TheServiceTagRuleSaysItIsOneOptionAndListsTheOther(AzureCloudName cloud, string location)
        {
            var rules = PlanFixtures.Derive(location, cloud, p => p.Features = new List<AksFeature> { AksFeature.Monitoring }).Rules;
            var tag = Assert.Single(rules, r => r.Destination == "AzureMonitor");
            var fqdns = rules.Where(r => r.Feature == AksFeature.Monitoring && r.Kind == RuleKind.Application).ToList();

            Assert.NotEmpty(fqdns);
            Assert.Contains("Either", tag.Condition);
            Assert.Contains("AzureMonitor service tag", tag.Condition);
            // Every FQDN of the other option, with the region filled in, is named on the tag's row.
            Assert.All(fqdns, r => Assert.Contains(r.Destination, tag.Alternatives));
            Assert.DoesNotContain("{location}", tag.Alternatives);
            Assert.Contains($"{location}.handler.control.monitor.", tag.Alternatives);
            Assert.All(fqdns, r =>
            {
                Assert.Contains("Either", r.Condition);
                Assert.Contains("AzureMonitor:443", r.Alternatives);
            });
            Assert.Equal(RuleRequirement.Required, tag.Requirement);
        }

        [Fact]
        public void TheLegacyRowIsNotPartOfTheChoice()
        {
            var rules = PlanFixtures.Derive("eastus", configure: p =>
            {
                p.Features = new List<AksFeature> { AksFeature.Monitoring };
                p.IncludeLegacy = true;
            }).Rules;
            var legacy = Assert.Single(rules, r => r.RuleId == "legacy-monitor-microsoftonline");
            Assert.Equal("", legacy.Condition);
            Assert.DoesNotContain("*.microsoftonline.com", Assert.Single(rules, r => r.Destination == "AzureMonitor").Alternatives);
        }

        [Fact]
        public void QuietAcceptsTheFqdnOptionInPlaceOfTheUnprobeableTag()
        {
            var summary = new ProbeSummary();
            summary.Add(Result("monitor-service-tag", "aks1", ProbeStatus.Skipped));
            summary.Add(Result("monitor-dc", "aks1", ProbeStatus.Passed));
            summary.Add(Result("monitor-ods", "aks1", ProbeStatus.Passed));

            Assert.True(summary.AllRequiredPassed);
            Assert.Empty(summary.RequiredNotPassed);
        }

        [Fact]
        public void QuietRefusesWhenAnFqdnOfTheOtherOptionFailedOrNoneWasProbed()
        {
            var failed = new ProbeSummary();
            failed.Add(Result("monitor-service-tag", "aks1", ProbeStatus.Skipped));
            failed.Add(Result("monitor-dc", "aks1", ProbeStatus.Passed));
            failed.Add(Result("monitor-ods", "aks1", ProbeStatus.Failed));
            Assert.False(failed.AllRequiredPassed);
            Assert.Equal(2, failed.RequiredNotPassed.Count);
            Assert.Contains(failed.RequiredNotPassed, l => l.StartsWith("monitor-service-tag", StringComparison.Ordinal));

            var tagOnly = new ProbeSummary();
            tagOnly.Add(Result("monitor-service-tag", "aks1", ProbeStatus.Skipped));
            Assert.False(tagOnly.AllRequiredPassed);

            // One cluster's FQDN rules do not stand in for another cluster's tag.
            var twoClusters = new ProbeSummary();
            twoClusters.Add(Result("monitor-service-tag", "aks1", ProbeStatus.Skipped));
            twoClusters.Add(Result("monitor-dc", "aks2", ProbeStatus.Passed));
            Assert.False(twoClusters.AllRequiredPassed);
        }

        private static AksEgressTestResult Result(string ruleId, string cluster, ProbeStatus status) => new()
        {
            RuleId = ruleId,
            ClusterName = cluster,
            Requirement = RuleRequirement.Required,
            Destination = ruleId,
            Status = status,
        };
    }
}
