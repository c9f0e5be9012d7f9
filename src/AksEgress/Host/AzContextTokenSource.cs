using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using AksEgress.Arm;

namespace AksEgress.Commands
{
    /// <summary>
    /// Borrows an ARM token from the caller's Az session (Connect-AzAccount), so a signed-in user is not asked
    /// to sign in again. Never imports Az.Accounts and never signs in: no loaded module or no account means
    /// null, and the caller falls back to DefaultAzureCredential.
    /// </summary>
    internal static class AzContextTokenSource
    {
        // Runs in a local scope of the caller's runspace; values come in as parameters, never as script text.
        // Windows PowerShell 5.1 and PowerShell 7.4+. Only Microsoft.PowerShell.Core commands (always loaded)
        // and Az.Accounts' own, found with -ListImported so nothing is ever auto-imported. It answers plain values
        // (the token as it came: a SecureString, or a string from an old Az.Accounts); AzContextReply reads them.
        private const string Script = @"
param([string] $ResourceUrl)
Set-StrictMode -Off
$ErrorActionPreference = 'Stop'
if (-not (Get-Module -Name Az.Accounts)) { return @{ Status = 'NotLoaded' } }
$getContext = @(Get-Command -Name Get-AzContext -Module Az.Accounts -ListImported -ErrorAction Ignore)[0]
$getToken = @(Get-Command -Name Get-AzAccessToken -Module Az.Accounts -ListImported -ErrorAction Ignore)[0]
if (-not $getContext -or -not $getToken) { return @{ Status = 'NotLoaded' } }
$context = @(& $getContext -ErrorAction Stop)[0]
if (-not $context -or -not $context.Account) { return @{ Status = 'NoAccount' } }
if (-not $ResourceUrl) { $ResourceUrl = [string] $context.Environment.ResourceManagerUrl }
if (-not $ResourceUrl) { return @{ Status = 'NoResourceUrl' } }
$arguments = @{ ResourceUrl = $ResourceUrl; ErrorAction = 'Stop'; WarningAction = 'Ignore' }
if ($getToken.Parameters.Keys -contains 'AsSecureString') { $arguments['AsSecureString'] = $true }
$token = @(& $getToken @arguments)[0]
@{
    Status = 'Ok'
    Token = $token.Token
    ExpiresOn = $token.ExpiresOn
    EnvironmentName = $context.Environment.Name
    ResourceManagerUrl = $context.Environment.ResourceManagerUrl
    SubscriptionId = $context.Subscription.Id
    TenantId = $context.Tenant.Id
    Account = $context.Account.Id
}
";

        /// <summary>
        /// The caller's Az token for <paramref name="resourceUrl"/> (default: the context's Resource Manager URL),
        /// or null with <paramref name="whyNot"/> saying why in one line that never contains token content.
        /// Must run on the pipeline thread (BeginProcessing, or a step's synchronous start).
        /// </summary>
        internal static AzContextToken? TryGet(PSCmdlet cmdlet, string? resourceUrl, out string? whyNot)
        {
            if (cmdlet == null) throw new ArgumentNullException(nameof(cmdlet));
            whyNot = null;
            var reply = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            try
            {
                using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    shell.AddScript(Script, useLocalScope: true);
                    if (!string.IsNullOrWhiteSpace(resourceUrl)) shell.AddParameter("ResourceUrl", resourceUrl);
                    var output = shell.Invoke();
                    var result = output.Count == 0 ? null : output[output.Count - 1]?.BaseObject as Hashtable;
                    if (result == null && shell.Streams.Error.Count > 0)
                    {
                        whyNot = AzContextReply.Failure(shell.Streams.Error[0].ToString());
                        return null;
                    }
                    foreach (DictionaryEntry entry in result ?? new Hashtable())
                    {
                        var key = entry.Key?.ToString();
                        if (key != null) reply[key] = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    }
                }
            }
            catch (PipelineStoppedException)
            {
                throw; // Ctrl+C while Az.Accounts was working: stop, do not fall back
            }
            catch (Exception ex)
            {
                whyNot = AzContextReply.Failure((ex as IContainsErrorRecord)?.ErrorRecord?.ToString() ?? ex.Message);
                return null;
            }
            return AzContextReply.Read(reply, out whyNot);
        }
    }
}
