using System;
using System.Management.Automation;
using System.Security;
using AksEgress.Arm;

namespace AksEgress.Commands
{
    /// <summary>
    /// Finds the credential and cloud for ARM calls (the order is the engine's, ArmConnection.Choose) and builds
    /// the client. Runs on the pipeline thread: asking the Az context needs the runspace.
    /// </summary>
    internal static class ArmSession
    {
        public static ArmClient Connect(PSCmdlet cmdlet, AzureCloudName? cloudAsked, SecureString? accessToken, bool needContext,
            Action<string> debug, out string? contextSubscriptionId)
        {
            AzContextToken? context = null;
            string? whyNot = null;
            if (ArmConnection.AsksAzContext(accessToken != null, needContext))
            {
                context = AzContextTokenSource.TryGet(cmdlet, null, out whyNot);
            }

            var connection = ArmConnection.Choose(cloudAsked, accessToken, context, whyNot);
            cmdlet.WriteVerbose($"ARM endpoint {connection.Cloud.ResourceManager} ({connection.Cloud.Cloud}); credential: {connection.Source}.");
            foreach (var note in connection.Notes) cmdlet.WriteVerbose(note);
            contextSubscriptionId = connection.DefaultSubscriptionId;
            return connection.CreateClient(new ArmClientOptions { Log = debug });
        }
    }
}
