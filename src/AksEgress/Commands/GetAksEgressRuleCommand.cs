using System;
using System.Collections.Generic;
using AksEgress.Clusters;
using System.Management.Automation;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Commands
{
    /// <summary>
    /// Get-AksEgressRule: the outbound rules a cluster needs. The Plan set describes a cluster that may not
    /// exist yet; the InputObject set takes clusters from the pipeline (Get-AzAksCluster, az aks show |
    /// ConvertFrom-Json, Search-AzGraph). Every decision is the engine's; this class only binds and writes.
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

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        public PSObject? InputObject { get; set; }

        /// <summary>Plan set: the cluster's features. InputObject set: features to add to what was detected.</summary>
        [Parameter]
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

        private List<AksFeature> _features = new List<AksFeature>();
        private List<RuleRequirement> _requirements = new List<RuleRequirement>();

        protected override void BeginProcessing()
        {
            try
            {
                _features = PlanText.ParseFeatures(Feature);
                _requirements = PlanText.ParseRequirements(Requirement);
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != ParameterSets.InputObject || InputObject == null) return;
            DerivationResult result;
            try
            {
                result = ClusterRules.Derive(PropertyTreeBuilder.FromObject(InputObject), _features, _requirements, IncludeLegacy.IsPresent);
            }
            catch (AksEgressInputException ex)
            {
                // One cluster that cannot be read: say which, keep going with the rest of the pipeline.
                WriteError(ErrorRecords.FromInput(ex));
                return;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                WriteError(ErrorRecords.Unexpected(ex, "ClusterRuleDerivationFailed", InputObject));
                return;
            }
            Write(result);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ParameterSets.Plan) return;
            DerivationResult result;
            try
            {
                var plan = new RulePlan
                {
                    Cloud = PlanText.ParseCloud(Cloud),
                    Location = Location,
                    Features = _features,
                    OsSku = PlanText.ParseOsSku(OsSku),
                    PrivateCluster = PrivateCluster.IsPresent,
                    LegacyTunnel = LegacyTunnel.IsPresent,
                    ApiServerFqdn = ApiServerFqdn,
                    ApiServerAddress = ApiServerAddress,
                    CustomDnsServers = CustomDnsServer,
                    Requirements = _requirements,
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
            Write(result);
        }

        private void Write(DerivationResult result)
        {
            foreach (var warning in result.Warnings) WriteWarning(warning);
            foreach (var rule in result.Rules) WriteObject(rule);
        }
    }
}
