using System;
using Azure.Identity;

namespace AksEgress.Arm
{
    /// <summary>Where Azure Resource Manager lives for one cloud, and the token scope and sign-in authority it needs.</summary>
    public sealed class ArmCloud
    {
        private ArmCloud(AzureCloudName cloud, Uri resourceManager, string scope, Uri authorityHost)
        {
            Cloud = cloud;
            ResourceManager = resourceManager;
            Scope = scope;
            AuthorityHost = authorityHost;
        }

        public AzureCloudName Cloud { get; }
        public Uri ResourceManager { get; }
        /// <summary>The token scope: the ARM audience of this cloud with "/.default".</summary>
        public string Scope { get; }
        public Uri AuthorityHost { get; }

        public static ArmCloud For(AzureCloudName cloud)
        {
            switch (cloud)
            {
                case AzureCloudName.AzureChinaCloud:
                    return new ArmCloud(cloud, new Uri("https://management.chinacloudapi.cn/"),
                        "https://management.chinacloudapi.cn/.default", AzureAuthorityHosts.AzureChina);
                case AzureCloudName.AzureUSGovernment:
                    return new ArmCloud(cloud, new Uri("https://management.usgovcloudapi.net/"),
                        "https://management.usgovcloudapi.net/.default", AzureAuthorityHosts.AzureGovernment);
                default:
                    return new ArmCloud(AzureCloudName.AzureCloud, new Uri("https://management.azure.com/"),
                        "https://management.azure.com/.default", AzureAuthorityHosts.AzurePublicCloud);
            }
        }

        /// <summary>
        /// The same cloud reached through another ARM endpoint (a test server, or the ResourceManagerUrl of the
        /// caller's Az environment). The scope stays the cloud's: tokens are issued for the audience, not the host.
        /// </summary>
        public ArmCloud WithEndpoint(Uri resourceManager)
        {
            if (resourceManager == null) throw new ArgumentNullException(nameof(resourceManager));
            var text = resourceManager.AbsoluteUri;
            return new ArmCloud(Cloud, new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/"), Scope, AuthorityHost);
        }
    }
}
