using System;
using System.Text.Json;

namespace AksEgress.Arm
{
    /// <summary>Follows ARM's "nextLink" without ever sending our bearer token to a host other than ARM's.</summary>
    internal static class ArmPaging
    {
        /// <summary>Most pages a list may have before we call it a loop.</summary>
        public const int MaxPages = 1000;

        public static Uri? NextLink(JsonElement page, ArmCloud cloud)
        {
            if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("nextLink", out var link) || link.ValueKind != JsonValueKind.String)
            {
                return null;
            }
            var text = link.GetString();
            if (string.IsNullOrEmpty(text)) return null;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var next)
                || next.Scheme != Uri.UriSchemeHttps
                || !string.Equals(next.Authority, cloud.ResourceManager.Authority, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArmRequestException(ArmFailureReason.MalformedResponse, 200, null,
                    $"ARM's nextLink does not point at {cloud.ResourceManager.Authority}, so it was not followed");
            }
            return next;
        }
    }
}
