using AksEgress.Arm;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Engine.Tests.Planning
{
    /// <summary>Small engine decisions that the cmdlets used to make themselves.</summary>
    public sealed class CmdletDecisionTests
    {
        [Fact]
        public void PlanningParametersBecomeOnePlanForEveryCmdlet()
        {
            var plan = new PlanInput
            {
                Cloud = "AzureChinaCloud", Location = "chinaeast2", Feature = new[] { "Monitoring" }, OsSku = "AzureLinux",
                PrivateCluster = true, CustomDnsServer = new[] { "10.0.0.4" }, Requirement = new[] { "Optional" }, IncludeLegacy = true,
            }.ToRulePlan();

            Assert.Equal(AzureCloudName.AzureChinaCloud, plan.Cloud);
            Assert.Equal(new[] { AksFeature.Monitoring }, plan.Features);
            Assert.Equal(LinuxOsSku.AzureLinux, plan.OsSku);
            Assert.Equal(new[] { RuleRequirement.Optional }, plan.Requirements);
            Assert.Equal(new[] { "10.0.0.4" }, plan.CustomDnsServers);
            Assert.True(plan.PrivateCluster && plan.IncludeLegacy && !plan.LegacyTunnel);
        }

        [Fact]
        public void AnUnreadablePlanningValueNamesItsParameter()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => new PlanInput { Location = "eastus", Cloud = "Mars" }.ToRulePlan());
            Assert.Contains("-Cloud", ex.Message);
        }

        [Theory]
        [InlineData(false, false, true)]
        [InlineData(false, true, true)]
        [InlineData(true, false, false)]
        [InlineData(true, true, true)]
        public void TheAzContextIsAskedUnlessATokenWasGivenAndNoSubscriptionIsNeeded(bool token, bool subscription, bool asks) =>
            Assert.Equal(asks, ArmConnection.AsksAzContext(token, subscription));

        [Fact]
        public void FleetProgressSaysHowManyOfHowMany()
        {
            Assert.Equal("1000 of 2500 clusters", new FleetProgress(1, 1000, 2500).Status);
            Assert.Equal("7 clusters", new FleetProgress(1, 7, null).Status);
        }

        [Theory]
        [InlineData("10.1.2.3", "10.0.0.0/8", true)]
        [InlineData("10.1.0.0/16", "10.0.0.0/8", true)]
        [InlineData("10.0.0.0/8", "10.1.0.0/16", false)]
        [InlineData("11.0.0.1", "10.0.0.0/8", false)]
        [InlineData("10.0.0.1", "10.0.0.1", true)]
        [InlineData("::1", "10.0.0.0/8", false)]
        [InlineData("fd00::5", "fd00::/8", true)]
        [InlineData("host.example.com", "10.0.0.0/8", false)]
        public void AnAddressOrRangeIsWithinARange(string inner, string outer, bool within) =>
            Assert.Equal(within, IpAddressText.Within(inner, outer));
    }
}
