using System;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Catalog;
using AksEgress.Regions;

namespace AksEgress.Completion
{
    /// <summary>Tab completion for -Location: the regions of the cloud the command line names.</summary>
    public static class LocationCompletions
    {
        /// <summary>
        /// Regions of <paramref name="cloud"/> whose ARM name or display name begins with the word typed
        /// (case-insensitive, quotes ignored), sorted by ARM name; every region of that cloud for an empty word.
        /// </summary>
        public static IReadOnlyList<CompletionItem> For(string? wordToComplete, string? cloud) =>
            For(RegionDirectory.Default, wordToComplete, cloud);

        internal static IReadOnlyList<CompletionItem> For(RegionDirectory directory, string? wordToComplete, string? cloud)
        {
            var chosen = CloudOf(cloud);
            var typed = CompletionWord.Unquote(wordToComplete).Trim();
            // "Korea Cen" reaches koreacentral through the display name, "KoreaCen" through the ARM name.
            var typedName = RegionDirectory.Normalize(typed);
            return directory.RegionsOf(chosen)
                .Where(region => region.StartsWith(typedName, StringComparison.Ordinal)
                    || RegionDisplayNames.Of(region).StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .OrderBy(region => region, StringComparer.Ordinal)
                .Select(region => new CompletionItem(
                    CompletionWord.Quote(region, wordToComplete),
                    region,
                    $"{RegionDisplayNames.Of(region)} ({chosen})"))
                .ToList();
        }

        // Completion runs before PowerShell validates anything, so -Cloud may be missing, half typed or wrong.
        // AzureCloud is what both cmdlets plan for when -Cloud is not given, so the user sees the regions the
        // command would accept if it ran now, rather than nothing.
        private static AzureCloudName CloudOf(string? cloud) =>
            EnumText.TryParse<AzureCloudName>(cloud, ignoreCase: true, out var parsed) ? parsed : AzureCloudName.AzureCloud;
    }
}
