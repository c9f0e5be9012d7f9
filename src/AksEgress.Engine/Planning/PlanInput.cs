using System.Collections.Generic;

namespace AksEgress.Planning
{
    /// <summary>
    /// The planning parameters exactly as a cmdlet binds them (text, as PowerShell validated it), turned into a
    /// RulePlan in one place for every cmdlet that takes them.
    /// </summary>
    public sealed class PlanInput
    {
        public string Cloud { get; set; } = "AzureCloud";
        public string Location { get; set; } = "";
        public IList<string> Feature { get; set; } = new string[0];
        public string OsSku { get; set; } = "Ubuntu";
        public bool PrivateCluster { get; set; }
        public bool LegacyTunnel { get; set; }
        public string? ApiServerFqdn { get; set; }
        public string? ApiServerAddress { get; set; }
        public IList<string> CustomDnsServer { get; set; } = new string[0];
        public IList<string> Requirement { get; set; } = new[] { "Required", "Recommended" };
        public bool IncludeLegacy { get; set; }

        /// <summary>Throws AksEgressInputException naming the parameter when a value cannot be read.</summary>
        public RulePlan ToRulePlan() => new RulePlan
        {
            Cloud = PlanText.ParseCloud(Cloud),
            Location = Location,
            Features = PlanText.ParseFeatures(Feature),
            OsSku = PlanText.ParseOsSku(OsSku),
            PrivateCluster = PrivateCluster,
            LegacyTunnel = LegacyTunnel,
            ApiServerFqdn = ApiServerFqdn,
            ApiServerAddress = ApiServerAddress,
            CustomDnsServers = new List<string>(CustomDnsServer),
            Requirements = PlanText.ParseRequirements(Requirement),
            IncludeLegacy = IncludeLegacy,
        };
    }
}
