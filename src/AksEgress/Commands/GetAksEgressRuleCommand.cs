using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using AksEgress.Arm;
using AksEgress.Clusters;
using AksEgress.Errors;
using AksEgress.Planning;

namespace AksEgress.Commands
{
    /// <summary>
    /// Get-AksEgressRule: the outbound rules a cluster needs. Plan describes a cluster that may not exist yet;
    /// InputObject takes clusters from the pipeline; ResourceName, ResourceId and All read clusters live through
    /// ARM and Resource Graph. Every decision is the engine's; this class binds, calls and writes.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AksEgressRule", DefaultParameterSetName = ParameterSets.Plan)]
    [OutputType(typeof(AksEgressRule))]
    public sealed class GetAksEgressRuleCommand : AsyncPSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string Location { get; set; } = "";

        /// <summary>Plan: the cluster's cloud (default AzureCloud). Live sets: the cloud whose ARM is called (default: the Az context's).</summary>
        [Parameter]
        [ValidateSet("AzureCloud", "AzureChinaCloud", "AzureUSGovernment")]
        public string? Cloud { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        [ValidateNotEmptyInput]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.ResourceName)]
        [ValidateNotNullOrEmpty]
        public string ResourceGroupName { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.ResourceName)]
        [ValidateNotNullOrEmpty]
        [Alias("ClusterName")]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ResourceId)]
        [ValidateNotNullOrEmpty]
        [Alias("Id")]
        public string[] ResourceId { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.All)]
        public SwitchParameter All { get; set; }

        /// <summary>ResourceName: the cluster's subscription (default: the Az context's). All: the subscriptions to search (default: every one).</summary>
        [Parameter(ParameterSetName = ParameterSets.ResourceName)]
        [Parameter(ParameterSetName = ParameterSets.All)]
        [ValidateNotNullOrEmpty]
        public string[] SubscriptionId { get; set; } = new string[0];

        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Parameter(ParameterSetName = ParameterSets.ResourceName)]
        [Parameter(ParameterSetName = ParameterSets.ResourceId)]
        [Parameter(ParameterSetName = ParameterSets.All)]
        public SwitchParameter IncludeServiceReported { get; set; }

        /// <summary>Piped clusters only: never call ARM, derive from what the objects show (and warn about what they hide).</summary>
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        public SwitchParameter Offline { get; set; }

        /// <summary>An ARM access token for the cloud, e.g. (Get-AzAccessToken -AsSecureString).Token. Never written anywhere.</summary>
        [Parameter(ParameterSetName = ParameterSets.InputObject)]
        [Parameter(ParameterSetName = ParameterSets.ResourceName)]
        [Parameter(ParameterSetName = ParameterSets.ResourceId)]
        [Parameter(ParameterSetName = ParameterSets.All)]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        /// <summary>Plan: the cluster's features. Other sets: features to add to what was detected.</summary>
        [Parameter]
        [ValidateSet("Core", "UbuntuUpdates", "GpuNodePool", "WindowsNodePool", "WorkloadIdentity", "Defender",
            "KeyVaultSecretsProvider", "Monitoring", "AzurePolicy", "CostAnalysis", "ClusterExtensions", "DevSpaces")]
        [ArgumentCompleter(typeof(FeatureCompleter))]
        [ValidateNotNullOrEmpty]
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
        [ValidateNotNullOrEmpty]
        public string[] Requirement { get; set; } = { "Required", "Recommended" };

        [Parameter]
        public SwitchParameter IncludeLegacy { get; set; }

        private readonly PropertyTreeBuilder _trees = new PropertyTreeBuilder();
        private RuleRequest _request = new RuleRequest();
        private LiveClusterRules? _live;
        private bool _armTried;
        private string? _contextSubscription;
        private string? _clusterId;
        private IReadOnlyList<string>? _fleetSubscriptions;

        protected override Task BeginProcessingAsync(CancellationToken cancel)
        {
            ModuleViews.EnsureLoaded(this);
            try
            {
                _request = new RuleRequest
                {
                    ExtraFeatures = PlanText.ParseFeatures(Feature),
                    Requirements = PlanText.ParseRequirements(Requirement),
                    IncludeLegacy = IncludeLegacy.IsPresent,
                    IncludeServiceReported = IncludeServiceReported.IsPresent,
                    // Piped clusters: -Cloud is also what the user says of the documents (see RuleRequest.StatedCloud).
                    StatedCloud = ParameterSetName == ParameterSets.InputObject && Cloud != null ? PlanText.ParseCloud(Cloud) : (AzureCloudName?)null,
                };
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
            }
            if (ParameterSetName == ParameterSets.Plan) return Task.CompletedTask;

            _live = new LiveClusterRules(_request);
            if (ParameterSetName == ParameterSets.InputObject)
            {
                try
                {
                    LiveTargets.CheckOffline(Offline.IsPresent, IncludeServiceReported.IsPresent);
                }
                catch (AksEgressInputException ex)
                {
                    ThrowTerminatingError(ErrorRecords.FromInput(ex));
                }
                if (Offline.IsPresent)
                {
                    _armTried = true; // never look for a credential
                    _live.WhyNoArm = "-Offline was given";
                }
                return Task.CompletedTask;
            }

            if (ParameterSetName == ParameterSets.All)
            {
                try
                {
                    LiveTargets.CheckAll(All.IsPresent);
                }
                catch (AksEgressInputException ex)
                {
                    ThrowTerminatingError(ErrorRecords.FromInput(ex));
                }
            }

            // The live sets always call ARM: find the credential now, on the pipeline thread, then check what to ask
            // for; a subscription or name that cannot be right ends the command before any request.
            ConnectArm();
            try
            {
                if (ParameterSetName == ParameterSets.ResourceName)
                    _clusterId = LiveTargets.ByName(SubscriptionId, _contextSubscription, ResourceGroupName, Name);
                if (ParameterSetName == ParameterSets.All)
                    _fleetSubscriptions = LiveTargets.FleetSubscriptions(SubscriptionId);
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
            }
            return Task.CompletedTask;
        }

        protected override async Task ProcessRecordAsync(CancellationToken cancel)
        {
            if (_live == null) return;
            try
            {
                switch (ParameterSetName)
                {
                    case ParameterSets.InputObject:
                        if (InputObject == null) return;
                        // What has none of a cluster's properties is refused before any of it is walked; the copy is bounded.
                        ClusterProfileReader.RefuseByNames(PropertyTreeBuilder.TopLevelNames(InputObject, out var what), what);
                        var tree = _trees.FromObject(InputObject, cancel);
                        // ConnectArm runs inside the call before its first await, so still on the pipeline thread.
                        Write(await _live.ForPipedAsync(tree, _armTried ? null : (Action)ConnectArm, cancel).ConfigureAwait(false));
                        break;
                    case ParameterSets.ResourceId:
                        foreach (var id in ResourceId) Write(await _live.ForResourceIdAsync(id, cancel).ConfigureAwait(false));
                        break;
                    case ParameterSets.ResourceName:
                        Write(await _live.ForResourceIdAsync(_clusterId!, cancel).ConfigureAwait(false));
                        break;
                    case ParameterSets.All:
                        await FleetAsync(cancel).ConfigureAwait(false);
                        break;
                }
            }
            catch (AksEgressInputException ex)
            {
                QueueError(ErrorRecords.FromInput(ex, InputObject));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is PipelineStoppedException))
            {
                QueueError(ErrorRecords.Unexpected(ex, "ClusterRuleDerivationFailed", (object?)InputObject ?? ResourceGroupName));
            }
        }

        protected override Task EndProcessingAsync(CancellationToken cancel)
        {
            if (ParameterSetName == ParameterSets.Plan) WritePlan();
            var note = _live?.ExtensionsNote();
            if (note != null) WriteWarning(note);
            return Task.CompletedTask;
        }

        private async Task FleetAsync(CancellationToken cancel)
        {
            const string activity = "Reading AKS clusters from Azure Resource Graph";
            var count = await _live!.ForFleetAsync(_fleetSubscriptions, Write, progress =>
                QueueProgress(new ProgressRecord(1, activity, progress.Status) { PercentComplete = progress.Percent }), cancel).ConfigureAwait(false);
            QueueProgress(new ProgressRecord(1, activity, $"{count} clusters") { RecordType = ProgressRecordType.Completed });
        }

        private void ConnectArm()
        {
            _armTried = true;
            AzureCloudName? cloud = null;
            try
            {
                if (Cloud != null) cloud = PlanText.ParseCloud(Cloud);
                var needContext = ParameterSetName == ParameterSets.ResourceName && SubscriptionId.Length == 0;
                _live!.Arm = ArmSession.Connect(this, cloud, AccessToken, needContext, QueueDebug, out _contextSubscription);
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                // No client means every ARM call reports why; piped clusters fall back to what they show.
                _live!.WhyNoArm = ex.Message;
                WriteVerbose($"ARM is not available: {ex.Message}");
            }
        }

        /// <summary>Callable from any thread: one cluster's warnings, then its error or its rules, written in one pipeline-thread step.</summary>
        private void Write(ClusterOutcome outcome) => QueueWrites(() =>
        {
            foreach (var warning in outcome.Warnings) WriteWarning(warning);
            if (outcome.Error != null)
            {
                WriteError(ErrorRecords.FromInput(outcome.Error));
                return;
            }
            WriteObject(outcome.Rules, enumerateCollection: true);
        });

        private void WritePlan()
        {
            DerivationResult result;
            try
            {
                var plan = new PlanInput
                {
                    Cloud = Cloud ?? "AzureCloud",
                    Location = Location,
                    Feature = Feature,
                    OsSku = OsSku,
                    PrivateCluster = PrivateCluster.IsPresent,
                    LegacyTunnel = LegacyTunnel.IsPresent,
                    ApiServerFqdn = ApiServerFqdn,
                    ApiServerAddress = ApiServerAddress,
                    CustomDnsServer = CustomDnsServer,
                    Requirement = Requirement,
                    IncludeLegacy = IncludeLegacy.IsPresent,
                }.ToRulePlan();
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
