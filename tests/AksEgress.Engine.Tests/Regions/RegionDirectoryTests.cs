using AksEgress.Regions;

namespace AksEgress.Engine.Tests.Regions
{
    public class RegionDirectoryTests
    {
        [Theory]
        [InlineData(AzureCloudName.AzureCloud, "westus2")]
        [InlineData(AzureCloudName.AzureChinaCloud, "chinanorth3")]
        [InlineData(AzureCloudName.AzureUSGovernment, "usgovarizona")]
        public void KnowsTheRegionsOfEachCloud(AzureCloudName cloud, string region)
        {
            Assert.Equal(region, RegionDirectory.Default.Find(cloud, region));
            foreach (var other in Enum.GetValues<AzureCloudName>().Where(c => c != cloud))
            {
                Assert.Null(RegionDirectory.Default.Find(other, region));
            }
        }

        [Theory]
        [InlineData("korea", "koreacentral")]
        [InlineData("westuerope", "westeurope")]
        [InlineData("eastus3", "eastus")]
        public void SuggestsTheIntendedRegionFirst(string typed, string intended) =>
            Assert.Equal(intended, RegionDirectory.Default.Suggest(AzureCloudName.AzureCloud, typed)[0]);
    }
}
