using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace AksEgress.Regions
{
    /// <summary>Region names of each cloud, from the embedded regions.json.</summary>
    public sealed class RegionDirectory
    {
        private static readonly Lazy<RegionDirectory> DefaultDirectory = new Lazy<RegionDirectory>(LoadEmbedded);
        private readonly Dictionary<AzureCloudName, string[]> _regions;

        private RegionDirectory(Dictionary<AzureCloudName, string[]> regions) => _regions = regions;

        public static RegionDirectory Default => DefaultDirectory.Value;

        /// <summary>The ARM region names of a cloud, sorted.</summary>
        public IReadOnlyList<string> RegionsOf(AzureCloudName cloud) => _regions[cloud];

        /// <summary>"Korea Central", "KOREACENTRAL" and "koreacentral" all become "koreacentral".</summary>
        public static string Normalize(string location) =>
            new string(location.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();

        /// <summary>The canonical name of a region of that cloud, or null when the cloud has no such region.</summary>
        public string? Find(AzureCloudName cloud, string location)
        {
            var wanted = Normalize(location);
            return _regions[cloud].FirstOrDefault(r => r == wanted);
        }

        /// <summary>The clouds that do have a region of this name (for "did you mean -Cloud …").</summary>
        public IEnumerable<AzureCloudName> CloudsWith(string location)
        {
            var wanted = Normalize(location);
            return _regions.Where(p => p.Value.Contains(wanted)).Select(p => p.Key);
        }

        /// <summary>Up to <paramref name="count"/> region names closest to what was typed: prefix matches first, then edit distance.</summary>
        public IReadOnlyList<string> Suggest(AzureCloudName cloud, string location, int count = 3)
        {
            var wanted = Normalize(location);
            return _regions[cloud]
                .Select(r => new { Name = r, Score = Score(wanted, r) })
                .OrderBy(x => x.Score)
                .ThenBy(x => x.Name, StringComparer.Ordinal)
                .Take(count)
                .Select(x => x.Name)
                .ToArray();
        }

        private static int Score(string typed, string region)
        {
            var distance = EditDistance.Between(typed, region);
            // A region that starts with what was typed ("korea" -> koreacentral) beats an equally distant stranger.
            return typed.Length > 0 && region.StartsWith(typed, StringComparison.Ordinal) ? distance / 4 : distance;
        }

        private static RegionDirectory LoadEmbedded()
        {
            using (var stream = typeof(RegionDirectory).Assembly.GetManifestResourceStream("AksEgress.regions.json")
                ?? throw new InvalidDataException("The assembly lacks the embedded regions.json; the build is broken."))
            using (var document = JsonDocument.Parse(stream))
            {
                var regions = new Dictionary<AzureCloudName, string[]>();
                foreach (AzureCloudName cloud in Enum.GetValues(typeof(AzureCloudName)))
                {
                    regions[cloud] = document.RootElement.GetProperty(cloud.ToString()).EnumerateArray()
                        .Select(e => e.GetString() ?? "").OrderBy(s => s, StringComparer.Ordinal).ToArray();
                }
                return new RegionDirectory(regions);
            }
        }
    }
}
