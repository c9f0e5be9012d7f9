using System;

namespace AksEgress.Arm
{
    /// <summary>Maps an Az.Accounts environment (its name, else its Resource Manager URL) to the catalog's cloud.</summary>
    public static class AzEnvironmentMap
    {
        /// <summary>Az.Accounts names its built-in environments as the catalog names the clouds.</summary>
        private static readonly AzureCloudName[] Clouds =
            { AzureCloudName.AzureCloud, AzureCloudName.AzureChinaCloud, AzureCloudName.AzureUSGovernment };

        /// <summary>
        /// The cloud of an Az environment. A known environment name (case-insensitive) decides; otherwise (a
        /// custom or missing name) the ARM URL does: "management.azure.com", "https://management.azure.com/" and
        /// the like. Anything else, including a URL with a path, a non-HTTPS port or another host, is null.
        /// </summary>
        public static AzureCloudName? CloudOf(string? environmentName, string? resourceManagerUrl)
        {
            var name = environmentName?.Trim();
            if (!string.IsNullOrEmpty(name))
            {
                foreach (var cloud in Clouds)
                {
                    if (string.Equals(cloud.ToString(), name, StringComparison.OrdinalIgnoreCase)) return cloud;
                }
            }

            var host = ArmHost(resourceManagerUrl);
            if (host == null) return null;
            foreach (var cloud in Clouds)
            {
                if (string.Equals(ArmCloud.For(cloud).ResourceManager.Host, host, StringComparison.OrdinalIgnoreCase)) return cloud;
            }
            return null;
        }

        /// <summary>The host of an ARM base URL, or null when the text is not one.</summary>
        private static string? ArmHost(string? url)
        {
            var text = url?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (text!.IndexOf("://", StringComparison.Ordinal) < 0) text = "https://" + text;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
            if (!uri.IsDefaultPort && uri.Port != 443) return null;
            if (uri.AbsolutePath != "/" || uri.Query.Length != 0 || uri.Fragment.Length != 0 || uri.UserInfo.Length != 0) return null;
            return uri.Host.TrimEnd('.');
        }
    }
}
