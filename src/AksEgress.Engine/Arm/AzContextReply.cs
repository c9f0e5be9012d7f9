using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security;

namespace AksEgress.Arm
{
    /// <summary>
    /// What the host's Az.Accounts script answered (a status and plain values, see AzContextTokenSource), turned
    /// into a token or the one-line reason there is none. Every decision about the answer is here, so xunit can
    /// reach it; the host only runs the script and copies its hashtable.
    /// </summary>
    public static class AzContextReply
    {
        /// <summary>The token and context of an "Ok" reply; null with <paramref name="whyNot"/> otherwise. Never puts token content in text.</summary>
        public static AzContextToken? Read(IReadOnlyDictionary<string, object?> reply, out string? whyNot)
        {
            whyNot = WhyNot(Text(Value(reply, "Status")));
            if (whyNot != null) return null;

            var secure = ToSecureString(Value(reply, "Token"));
            if (secure == null)
            {
                whyNot = "Get-AzAccessToken returned no token.";
                return null;
            }
            return new AzContextToken(secure)
            {
                ExpiresOn = ToDateTimeOffset(Value(reply, "ExpiresOn")),
                EnvironmentName = Text(Value(reply, "EnvironmentName")),
                ResourceManagerUrl = Text(Value(reply, "ResourceManagerUrl")),
                SubscriptionId = Text(Value(reply, "SubscriptionId")),
                TenantId = Text(Value(reply, "TenantId")),
                Account = Text(Value(reply, "Account")),
            };
        }

        /// <summary>The reason for a script that failed or wrote an error instead of answering.</summary>
        public static string Failure(string? message) => "Az.Accounts failed: " + OneLine(message);

        private static string? WhyNot(string? status)
        {
            switch (status)
            {
                case "Ok": return null;
                case "NotLoaded": return "Az.Accounts is not loaded in this session.";
                case "NoAccount": return "Get-AzContext has no signed-in account; run Connect-AzAccount.";
                case "NoResourceUrl": return "The Az context names no Resource Manager URL.";
                default: return "Az.Accounts returned nothing usable.";
            }
        }

        private static object? Value(IReadOnlyDictionary<string, object?> reply, string name) =>
            reply.TryGetValue(name, out var value) ? value : null;

        private static string? Text(object? value)
        {
            var text = value as string ?? (value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture));
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        /// <summary>
        /// A SecureString as is (Az.Accounts 2.17+ with -AsSecureString, 5.x by default). A plain string (older
        /// Az.Accounts) is copied into a SecureString at once and the reference dropped; .NET cannot wipe it.
        /// </summary>
        internal static SecureString? ToSecureString(object? value)
        {
            if (value is SecureString secure) return secure.Length == 0 ? null : secure;
            if (!(value is string plain) || plain.Length == 0) return null;
            var copy = new SecureString();
            foreach (var c in plain) copy.AppendChar(c);
            copy.MakeReadOnly();
            return copy;
        }

        internal static DateTimeOffset? ToDateTimeOffset(object? value)
        {
            switch (value)
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

        internal static string OneLine(string? text)
        {
            var line = string.Join(" ", (text ?? "").Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();
            if (line.Length == 0) return "no reason given.";
            return line.Length <= 300 ? line : line.Substring(0, 297) + "...";
        }
    }
}
