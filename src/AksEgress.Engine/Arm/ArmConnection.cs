using System.Collections.Generic;
using System.Security;
using Azure.Core;
using Azure.Identity;

namespace AksEgress.Arm
{
    /// <summary>
    /// Which cloud ARM is called in and with which credential, in the documented order: an explicit
    /// -AccessToken; the caller's Az context (when it is signed in to that cloud); DefaultAzureCredential.
    /// </summary>
    public sealed class ArmConnection
    {
        private ArmConnection(ArmCloud cloud, TokenCredential credential, string source, string? subscriptionId, IReadOnlyList<string> notes)
        {
            Cloud = cloud;
            Credential = credential;
            Source = source;
            DefaultSubscriptionId = subscriptionId;
            Notes = notes;
        }

        public ArmCloud Cloud { get; }
        public TokenCredential Credential { get; }
        /// <summary>Where the credential came from, for -Verbose. Never the token.</summary>
        public string Source { get; }
        /// <summary>The Az context's subscription, used when -SubscriptionId is not given.</summary>
        public string? DefaultSubscriptionId { get; }
        /// <summary>Why a credential earlier in the order was passed over, for -Verbose.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>
        /// The client for this connection. Built here so the host never names an Azure.Core type (the credential): on
        /// PowerShell 7 the host lives in the default load context, where Azure.Core would bind to Az's copy or none.
        /// </summary>
        public ArmClient CreateClient(ArmClientOptions? options = null) => new ArmClient(Cloud, Credential, options);

        /// <summary>
        /// Whether to ask the Az context at all: always without -AccessToken (it may hold the credential), and with
        /// it only when the context's subscription is needed (-ResourceGroupName/-Name without -SubscriptionId).
        /// </summary>
        public static bool AsksAzContext(bool accessTokenGiven, bool subscriptionNeeded) => !accessTokenGiven || subscriptionNeeded;

        /// <param name="cloudAsked">-Cloud when the operator gave it; otherwise the Az context's cloud, else the public cloud.</param>
        /// <param name="accessToken">-AccessToken, if given.</param>
        /// <param name="azContext">A token from the caller's Az context, if Az.Accounts is signed in.</param>
        /// <param name="azContextWhyNot">Why no Az context token was obtained, for -Verbose.</param>
        public static ArmConnection Choose(AzureCloudName? cloudAsked, SecureString? accessToken, AzContextToken? azContext, string? azContextWhyNot)
        {
            var notes = new List<string>();
            var contextCloud = azContext?.Cloud;
            var cloud = ArmCloud.For(cloudAsked ?? contextCloud ?? AzureCloudName.AzureCloud);
            var subscription = azContext != null && contextCloud == cloud.Cloud ? azContext.SubscriptionId : null;

            if (accessToken != null)
            {
                return new ArmConnection(cloud, new SecureStringTokenCredential(accessToken), "the token given with -AccessToken", subscription, notes);
            }
            if (azContext != null && contextCloud == cloud.Cloud)
            {
                return new ArmConnection(cloud, new SecureStringTokenCredential(azContext.Token, azContext.ExpiresOn),
                    $"the Az context of {azContext.Account ?? "the signed-in account"}", subscription, notes);
            }
            if (azContext != null)
            {
                notes.Add($"The Az context is signed in to {contextCloud?.ToString() ?? azContext.EnvironmentName ?? "another environment"}, not {cloud.Cloud}, so its token is not used.");
            }
            else if (azContextWhyNot != null)
            {
                notes.Add($"No Az context token: {azContextWhyNot}");
            }
            return new ArmConnection(cloud, DefaultCredential(cloud), "DefaultAzureCredential (environment, workload identity, managed identity, Azure CLI, Azure Developer CLI)", subscription, notes);
        }

        /// <summary>
        /// DefaultAzureCredential without the sources that cannot help inside PowerShell: the Az context was asked
        /// already (its credential would start a second pwsh), and nothing may pop up a browser in a runbook.
        /// </summary>
        private static TokenCredential DefaultCredential(ArmCloud cloud) =>
            new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                AuthorityHost = cloud.AuthorityHost,
                ExcludeAzurePowerShellCredential = true,
                ExcludeInteractiveBrowserCredential = true,
                ExcludeVisualStudioCredential = true,
                ExcludeVisualStudioCodeCredential = true,
            });
    }
}
