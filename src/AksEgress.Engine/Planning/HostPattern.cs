using System;

namespace AksEgress.Planning
{
    /// <summary>Host names and the wildcards that cover them, compared without regard to case.</summary>
    internal static class HostPattern
    {
        /// <summary>A concrete DNS host name: dot-separated labels of letters, digits and inner hyphens; no wildcard, no template.</summary>
        public static bool IsHostName(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.Length > 253) return false;
            var labelStart = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != '.')
                {
                    var c = text[i];
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
                    continue;
                }
                var length = i - labelStart;
                if (length == 0 || length > 63 || text[labelStart] == '-' || text[i - 1] == '-') return false;
                labelStart = i + 1;
            }
            return true;
        }

        /// <summary>
        /// True when <paramref name="wildcard"/> covers <paramref name="host"/>: each '*' stands for one or more
        /// characters ("*.data.mcr.microsoft.com" covers "eastus.data.mcr.microsoft.com"; "md-*.blob.storage.azure.net"
        /// covers "md-abc.blob.storage.azure.net"). A pattern without '*' covers only itself.
        /// </summary>
        public static bool Covers(string wildcard, string host)
        {
            int p = 0, h = 0, star = -1, resume = 0;
            while (h < host.Length)
            {
                if (p < wildcard.Length && wildcard[p] == '*')
                {
                    // '*' takes at least one character; remember where to give it one more if the rest fails.
                    star = p++;
                    resume = ++h;
                }
                else if (p < wildcard.Length && SameLetter(wildcard[p], host[h]))
                {
                    p++;
                    h++;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    h = ++resume;
                }
                else
                {
                    return false;
                }
            }
            return p == wildcard.Length;
        }

        /// <summary>The text with {location} replaced by the region; null when it needs a region and there is none.</summary>
        public static string? Fill(string template, string? location)
        {
            if (template.IndexOf(LocationToken, StringComparison.Ordinal) < 0) return template;
            var region = AksEgress.Regions.RegionDirectory.Normalize(location ?? "");
            return region.Length == 0 ? null : template.Replace(LocationToken, region);
        }

        public const string LocationToken = "{location}";

        private static bool SameLetter(char a, char b) => a == b || char.ToLowerInvariant(a) == char.ToLowerInvariant(b);
    }
}
