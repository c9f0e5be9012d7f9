using AksEgress.Arm;
using AksEgress.Errors;
using Xunit;

namespace AksEgress.Engine.Tests.Arm
{
    /// <summary>Issue 12, finding 22: -All:$false is off, not a fleet-wide query.</summary>
    public class LiveTargetsTests
    {
        [Fact]
        public void All_given_as_false_is_refused_naming_what_to_give_instead()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => LiveTargets.CheckAll(false));
            Assert.Equal("AllSwitchOff", ex.ErrorId);
            Assert.Contains("-All was given as $false", ex.Message);
            Assert.Contains("-ResourceGroupName and -Name", ex.Message);
        }

        [Fact]
        public void All_given_is_accepted()
        {
            LiveTargets.CheckAll(true);
        }

        [Fact]
        public void Offline_with_service_reported_is_refused()
        {
            var ex = Assert.Throws<AksEgressInputException>(() => LiveTargets.CheckOffline(true, true));
            Assert.Equal("OfflineWithServiceReported", ex.ErrorId);
        }
    }
}
