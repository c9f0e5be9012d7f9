using System.Collections.Generic;
using AksEgress.Regions;

namespace AksEgress.Completion
{
    /// <summary>
    /// The portal's display name of each region in regions.json ("Korea Central" for koreacentral), so completion
    /// can match what people say as well as the ARM name. regions.json holds ARM names only, and the display names
    /// cannot be derived from them (eastus2euap is "East US 2 EUAP"), so they are listed here; a test checks that
    /// this list and regions.json name exactly the same regions, which also catches a misspelt display name.
    /// </summary>
    internal static class RegionDisplayNames
    {
        private static readonly Dictionary<string, string> ByName = Build(
            "Australia Central", "Australia Central 2", "Australia East", "Australia Southeast", "Austria East",
            "Belgium Central", "Brazil South", "Brazil Southeast", "Canada Central", "Canada East", "Central India",
            "Central US", "Central US EUAP", "Chile Central", "Denmark East", "East Asia", "East US", "East US 2",
            "East US 2 EUAP", "France Central", "France South", "Germany North", "Germany West Central",
            "Indonesia Central", "Israel Central", "Italy North", "Japan East", "Japan West", "Jio India Central",
            "Jio India West", "Korea Central", "Korea South", "Malaysia West", "Mexico Central", "New Zealand North",
            "North Central US", "North Europe", "Norway East", "Norway West", "Poland Central", "Qatar Central",
            "South Africa North", "South Africa West", "South Central US", "South India", "Southeast Asia",
            "Spain Central", "Sweden Central", "Sweden South", "Switzerland North", "Switzerland West", "UAE Central",
            "UAE North", "UK South", "UK West", "West Central US", "West Europe", "West India", "West US", "West US 2",
            "West US 3",
            "China East", "China East 2", "China East 3", "China North", "China North 2", "China North 3",
            "USDoD Central", "USDoD East", "USGov Arizona", "USGov Iowa", "USGov Texas", "USGov Virginia");

        /// <summary>The display name of an ARM region name; the name itself for a region not listed here.</summary>
        public static string Of(string region) => ByName.TryGetValue(region, out var display) ? display : region;

        /// <summary>The ARM names this table covers (for the test that keeps it and regions.json in step).</summary>
        public static IEnumerable<string> ListedRegions => ByName.Keys;

        // Keyed by the ARM name each display name normalises to, the same rule -Location applies to what is typed.
        private static Dictionary<string, string> Build(params string[] displayNames)
        {
            var byName = new Dictionary<string, string>();
            foreach (var display in displayNames) byName.Add(RegionDirectory.Normalize(display), display);
            return byName;
        }
    }
}
