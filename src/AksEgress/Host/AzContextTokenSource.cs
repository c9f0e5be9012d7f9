using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Security;
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
        // and Az.Accounts' own, found with -ListImported so nothing is ever auto-imported.
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
@{ Status = 'Ok'; Context = $context; Token = $token }
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
            Hashtable? result;
            try
            {
                using (var shell = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    shell.AddScript(Script, useLocalScope: true);
                    if (!string.IsNullOrWhiteSpace(resourceUrl)) shell.AddParameter("ResourceUrl", resourceUrl);
                    var output = shell.Invoke();
                    result = output.Count == 0 ? null : output[output.Count - 1]?.BaseObject as Hashtable;
                    if (result == null && shell.Streams.Error.Count > 0)
                    {
                        whyNot = "Az.Accounts failed: " + OneLine(shell.Streams.Error[0].ToString());
                        return null;
                    }
                }
            }
            catch (PipelineStoppedException)
            {
                throw; // Ctrl+C while Az.Accounts was working: stop, do not fall back
            }
            catch (Exception ex)
            {
                whyNot = "Az.Accounts failed: " + OneLine((ex as IContainsErrorRecord)?.ErrorRecord?.ToString() ?? ex.Message);
                return null;
            }

            switch (Text(result?["Status"]))
            {
                case "Ok":
                    break;
                case "NotLoaded":
                    whyNot = "Az.Accounts is not loaded in this session.";
                    return null;
                case "NoAccount":
                    whyNot = "Get-AzContext has no signed-in account; run Connect-AzAccount.";
                    return null;
                case "NoResourceUrl":
                    whyNot = "The Az context names no Resource Manager URL.";
                    return null;
                default:
                    whyNot = "Az.Accounts returned nothing usable.";
                    return null;
            }

            var tokenObject = result!["Token"];
            var secure = ToSecureString(Property(tokenObject, "Token"));
            if (secure == null)
            {
                whyNot = "Get-AzAccessToken returned no token.";
                return null;
            }

            var context = result["Context"];
            var environment = Property(context, "Environment");
            return new AzContextToken(secure)
            {
                ExpiresOn = ToDateTimeOffset(Property(tokenObject, "ExpiresOn")),
                EnvironmentName = Text(Property(environment, "Name")),
                ResourceManagerUrl = Text(Property(environment, "ResourceManagerUrl")),
                SubscriptionId = Text(Property(Property(context, "Subscription"), "Id")),
                TenantId = Text(Property(Property(context, "Tenant"), "Id")),
                Account = Text(Property(Property(context, "Account"), "Id")),
            };
        }

        /// <summary>A property of a PSObject, a .NET object or a hashtable; null when missing or unreadable.</summary>
        private static object? Property(object? value, string name)
        {
            if (value == null) return null;
            var wrapped = value as PSObject ?? PSObject.AsPSObject(value);
            if (wrapped.BaseObject is IDictionary dictionary) return dictionary.Contains(name) ? dictionary[name] : null;
            try
            {
                return wrapped.Properties[name]?.Value;
            }
            catch (Exception ex) when (ex is GetValueException || ex is InvalidOperationException || ex is NotSupportedException)
            {
                return null;
            }
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string? Text(object? value)
        {
            var raw = Unwrap(value);
            var text = raw as string ?? (raw == null ? null : Convert.ToString(raw, CultureInfo.InvariantCulture));
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        /// <summary>
        /// A SecureString as is (Az.Accounts 2.17+ with -AsSecureString, 5.x by default). A plain string (older
        /// Az.Accounts) is copied into a SecureString at once and the reference dropped; .NET cannot wipe it.
        /// </summary>
        private static SecureString? ToSecureString(object? value)
        {
            var raw = Unwrap(value);
            if (raw is SecureString secure) return secure.Length == 0 ? null : secure;
            if (!(raw is string plain) || plain.Length == 0) return null;
            var copy = new SecureString();
            foreach (var c in plain) copy.AppendChar(c);
            copy.MakeReadOnly();
            return copy;
        }

        private static DateTimeOffset? ToDateTimeOffset(object? value)
        {
            switch (Unwrap(value))
            {
                case DateTimeOffset offset:
                    return offset;
                case DateTime time:
                    return time.Kind == DateTimeKind.Unspecified
                        ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
                        : new DateTimeOffset(time.ToUniversalTime());
                case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                    return parsed;
                default:
                    return null;
            }
        }

        private static string OneLine(string? text)
        {
            var line = string.Join(" ", (text ?? "").Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
            if (line.Length == 0) return "no reason given.";
            return line.Length <= 300 ? line : line.Substring(0, 297) + "...";
        }
    }
}
