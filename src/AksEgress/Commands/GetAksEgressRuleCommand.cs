using System;
using System.Management.Automation;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Commands
{
    /// <summary>
    /// Get-AksEgressRule: the outbound rules a cluster needs. The Plan set describes a cluster that may not
    /// exist yet; every decision is the engine's (RuleDeriver), this class only binds and writes.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AksEgressRule", DefaultParameterSetName = ParameterSets.Plan)]
    [OutputType(typeof(AksEgressRule))]
    public sealed class GetAksEgressRuleCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        public string Location { get; set; } = "";

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateSet("AzureCloud", "AzureChinaCloud", "AzureUSGovernment")]
        public string Cloud { get; set; } = "AzureCloud";

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateSet("Core", "UbuntuUpdates", "GpuNodePool", "WindowsNodePool", "WorkloadIdentity", "Defender",
            "KeyVaultSecretsProvider", "Monitoring", "AzurePolicy", "CostAnalysis", "ClusterExtensions", "DevSpaces")]
        public string[] Feature { get; set; } = new string[0];

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateSet("Ubuntu", "AzureLinux")]
        public string OsSku { get; set; } = "Ubuntu";

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        public SwitchParameter PrivateCluster { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        public SwitchParameter LegacyTunnel { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        public string? ApiServerFqdn { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        public string? ApiServerAddress { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        public string[] CustomDnsServer { get; set; } = new string[0];

        [Parameter]
        [ValidateSet("Required", "Recommended", "Optional")]
        public string[] Requirement { get; set; } = { "Required", "Recommended" };

        [Parameter]
        public SwitchParameter IncludeLegacy { get; set; }

        protected override void EndProcessing()
        {
            DerivationResult result;
            try
            {
                var plan = new RulePlan
                {
                    Cloud = PlanText.ParseCloud(Cloud),
                    Location = Location,
                    Features = PlanText.ParseFeatures(Feature),
                    OsSku = PlanText.ParseOsSku(OsSku),
                    PrivateCluster = PrivateCluster.IsPresent,
                    LegacyTunnel = LegacyTunnel.IsPresent,
                    ApiServerFqdn = ApiServerFqdn,
                    ApiServerAddress = ApiServerAddress,
                    CustomDnsServers = CustomDnsServer,
                    Requirements = PlanText.ParseRequirements(Requirement),
                    IncludeLegacy = IncludeLegacy.IsPresent,
                };
                result = RuleDeriver.Default.Derive(plan);
            }
            catch (AksEgressInputException ex)
            {
                // The plan is the whole input of this parameter set: nothing can be listed without it.
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
                return;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(ErrorRecords.Unexpected(ex, "RuleDerivationFailed", Location));
                return;
            }

            foreach (var warning in result.Warnings) WriteWarning(warning);
            foreach (var rule in result.Rules) WriteObject(rule);
        }
    }
}
