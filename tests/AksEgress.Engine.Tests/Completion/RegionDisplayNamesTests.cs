using AksEgress.Completion;
using AksEgress.Regions;

namespace AksEgress.Engine.Tests.Completion
{
    public class RegionDisplayNamesTests
    {
        // Both directions: a region added to regions.json needs a display name, and a display name that normalises
        // to no region is misspelt (its region would then show its bare ARM name).
        [Fact]
        public void EveryRegionOfEveryCloudHasExactlyOneDisplayName()
        {
            var regions = Enum.GetValues<AzureCloudName>().SelectMany(c => RegionDirectory.Default.RegionsOf(c)).OrderBy(r => r, StringComparer.Ordinal);
            Assert.Equal(regions, RegionDisplayNames.ListedRegions.OrderBy(r => r, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("koreacentral", "Korea Central")]
        [InlineData("eastus2euap", "East US 2 EUAP")]
        [InlineData("usdodeast", "USDoD East")]
        public void DisplayNamesAreThePortalsSpelling(string region, string display) =>
            Assert.Equal(display, RegionDisplayNames.Of(region));
    }
}
