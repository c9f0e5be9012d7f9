using System;
using System.Security;

namespace AksEgress.Arm
{
    /// <summary>
    /// What the host read from the caller's Az context (Get-AzContext and Get-AzAccessToken): the ARM token and
    /// where it is valid. Plain data; only <see cref="Token"/> is a secret and it never leaves a SecureString
    /// until <see cref="SecureStringTokenCredential"/> hands it to Azure.Core.
    /// </summary>
    public sealed class AzContextToken
    {
        public AzContextToken(SecureString token)
        {
            Token = token ?? throw new ArgumentNullException(nameof(token));
        }

        /// <summary>The bearer token for the resource it was asked for (ARM by default).</summary>
        public SecureString Token { get; }

        /// <summary>When the token expires; null when Az.Accounts did not say.</summary>
        public DateTimeOffset? ExpiresOn { get; set; }

        /// <summary>The context's Environment.Name: AzureCloud, AzureChinaCloud, AzureUSGovernment or a custom name.</summary>
        public string? EnvironmentName { get; set; }

        /// <summary>The context's Environment.ResourceManagerUrl, for example https://management.azure.com/.</summary>
        public string? ResourceManagerUrl { get; set; }

        public string? SubscriptionId { get; set; }

        public string? TenantId { get; set; }

        /// <summary>The signed-in account's id (a user name, an application id or a managed identity). Never a secret.</summary>
        public string? Account { get; set; }

        /// <summary>The cloud the context points at, when it is one the catalog knows.</summary>
        public AzureCloudName? Cloud => AzEnvironmentMap.CloudOf(EnvironmentName, ResourceManagerUrl);

        /// <summary>Describes the context without the token.</summary>
        public override string ToString() =>
            $"Az context (account {Account ?? "unknown"}, environment {EnvironmentName ?? "unknown"}, subscription {SubscriptionId ?? "none"})";
    }
}
