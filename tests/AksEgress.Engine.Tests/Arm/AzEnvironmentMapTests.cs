using AksEgress.Arm;

namespace AksEgress.Engine.Tests.Arm
{
    public class AzEnvironmentMapTests
    {
        public static TheoryData<string?, string?, AzureCloudName?> Cases() => new()
        {
            // Az environment names decide, whatever their case.
            { "AzureCloud", null, AzureCloudName.AzureCloud },
            { "azurecloud", null, AzureCloudName.AzureCloud },
            { "AzureChinaCloud", null, AzureCloudName.AzureChinaCloud },
            { "AZURECHINACLOUD", "", AzureCloudName.AzureChinaCloud },
            { "AzureUSGovernment", null, AzureCloudName.AzureUSGovernment },
            { " azureusgovernment ", null, AzureCloudName.AzureUSGovernment },
            // A known name wins over the URL.
            { "AzureChinaCloud", "https://management.azure.com/", AzureCloudName.AzureChinaCloud },
            // Otherwise (custom or missing name) the Resource Manager URL does, in any of its spellings.
            { null, "https://management.azure.com/", AzureCloudName.AzureCloud },
            { null, "https://management.azure.com", AzureCloudName.AzureCloud },
            { null, "management.azure.com", AzureCloudName.AzureCloud },
            { null, "management.azure.com/", AzureCloudName.AzureCloud },
            { null, "HTTPS://Management.Azure.com:443/", AzureCloudName.AzureCloud },
            { "", "https://management.chinacloudapi.cn/", AzureCloudName.AzureChinaCloud },
            { "MyChina", "management.chinacloudapi.cn", AzureCloudName.AzureChinaCloud },
            { null, "https://management.usgovcloudapi.net/", AzureCloudName.AzureUSGovernment },
            { "Custom", "https://management.usgovcloudapi.net", AzureCloudName.AzureUSGovernment },
            // Unknown clouds and things that are not an ARM base URL.
            { null, null, null },
            { "", "", null },
            { "AzureGermanCloud", "https://management.microsoftazure.de/", null },
            { "AzureStack", "https://management.local.azurestack.external/", null },
            { null, "https://management.azure.com.evil.example/", null },
            { null, "https://notmanagement.azure.com/", null },
            { null, "https://management.azure.com:8443/", null },
            { null, "https://management.azure.com/subscriptions", null },
            { null, "ftp://management.azure.com/", null },
            { null, "not a url", null },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Maps_environment_or_arm_url_to_cloud(string? environmentName, string? resourceManagerUrl, AzureCloudName? expected)
        {
            Assert.Equal(expected, AzEnvironmentMap.CloudOf(environmentName, resourceManagerUrl));
        }

        [Fact]
        public void Context_token_exposes_the_cloud_it_points_at()
        {
            using var token = new System.Security.SecureString();
            token.AppendChar('x');
            var context = new AzContextToken(token) { EnvironmentName = "AzureUSGovernment" };
            Assert.Equal(AzureCloudName.AzureUSGovernment, context.Cloud);
        }
    }
}
