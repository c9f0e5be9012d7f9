using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AksEgress.Catalog;
using AksEgress.Errors;
using AksEgress.Planning;
using AksEgress.Probing;

namespace AksEgress.Commands
{
    /// <summary>
    /// Test-AksEgress: probes each rule from this machine's network (a jump box or a pod in the cluster's subnet)
    /// and says Passed, Failed with the kind of failure and its evidence, or Skipped with the reason. Rules come
    /// from the pipeline (Get-AksEgressRule, Import-Csv) or from the planning parameters.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "AksEgress", DefaultParameterSetName = ParameterSets.InputObject)]
    [OutputType(typeof(AksEgressTestResult), typeof(bool))]
    public sealed class TestAksEgressCommand : AsyncPSCmdlet
    {
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ParameterSets.InputObject)]
        // Also taken in the Plan set, only so that rules piped with -Location reach a clear error (PipedRulesWithLocation)
        // instead of PowerShell's "input object cannot be bound", which leaves the user guessing.
        [Parameter(ValueFromPipeline = true, ParameterSetName = ParameterSets.Plan, DontShow = true)]
        [ValidateNotEmptyInput]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(LocationCompleter))]
        public string Location { get; set; } = "";

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateSet("AzureCloud", "AzureChinaCloud", "AzureUSGovernment")]
        public string Cloud { get; set; } = "AzureCloud";

        [Parameter(ParameterSetName = ParameterSets.Plan)]
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
        [ValidateNotNullOrEmpty]
        public string? ApiServerFqdn { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        public string? ApiServerAddress { get; set; }

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateNotNullOrEmpty]
        public string[] CustomDnsServer { get; set; } = new string[0];

        [Parameter(ParameterSetName = ParameterSets.Plan)]
        [ValidateSet("Required", "Recommended", "Optional")]
        [ValidateNotNullOrEmpty]
        public string[] Requirement { get; set; } = { "Required", "Recommended" };

        /// <summary>The bound of each probe, all its steps together.</summary>
        [Parameter]
        [ValidateRange(1, 300)]
        public int TimeoutSec { get; set; } = 5;

        /// <summary>Probes (and so sockets) in flight at once.</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>Resolve through this DNS server (the cluster's custom DNS) instead of the system resolver.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DnsServer { get; set; }

        /// <summary>An HTTP proxy (http://host:port): HTTP and HTTPS probes go through it with CONNECT.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Proxy { get; set; }

        /// <summary>Hosts and domains that bypass -Proxy.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] NoProxy { get; set; } = new string[0];

        /// <summary>Probe directly even when the rules carry their cluster's httpProxyConfig (-Proxy overrides it anyway).</summary>
        [Parameter]
        public SwitchParameter IgnoreClusterProxy { get; set; }

        /// <summary>Return one boolean: every Required rule passed.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        private readonly List<AksEgressRule> _rules = new List<AksEgressRule>();
        private readonly PropertyTreeBuilder _trees = new PropertyTreeBuilder();
        private ProbeOptions? _options;

        protected override Task BeginProcessingAsync(CancellationToken cancel)
        {
            ModuleViews.EnsureLoaded(this);
            try
            {
                _options = EgressTestSetup.Options(new EgressTestRequest
                {
                    TimeoutSec = TimeoutSec,
                    ThrottleLimit = ThrottleLimit,
                    DnsServer = DnsServer,
                    Proxy = Proxy,
                    NoProxy = NoProxy,
                    UseClusterProxy = !IgnoreClusterProxy.IsPresent,
                });
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
            }
            return Task.CompletedTask;
        }

        protected override Task ProcessRecordAsync(CancellationToken cancel)
        {
            if (InputObject == null) return Task.CompletedTask;
            if (ParameterSetName == ParameterSets.Plan) ThrowTerminatingError(ErrorRecords.FromInput(EgressTestSetup.PipedRulesWithPlan(), InputObject));
            try
            {
                _rules.Add(PipedRule.Read(InputObject, _trees, cancel));
            }
            catch (AksEgressInputException ex)
            {
                WriteError(ErrorRecords.FromInput(ex, InputObject)); // one unusable row; the others are still tested
            }
            return Task.CompletedTask;
        }

        protected override async Task EndProcessingAsync(CancellationToken cancel)
        {
            if (ParameterSetName == ParameterSets.Plan && !DerivePlan()) return;

            var probes = EgressTestSetup.Plan(_rules, RuleCatalog.Default, _options!);
            var runner = new ProbeRunner(_options!, ThrottleLimit, Prober.RunAsync);
            const string activity = "Testing AKS egress rules";
            var summary = await runner.RunAsync(probes,
                result => { if (!Quiet.IsPresent) QueueObject(result); },
                (done, total) => QueueProgress(new ProgressRecord(2, activity, $"{done} of {total} rules") { PercentComplete = done * 100 / Math.Max(1, total) }),
                cancel).ConfigureAwait(false);
            QueueProgress(new ProgressRecord(2, activity, "done") { RecordType = ProgressRecordType.Completed });
            QueueInformation($"AksEgress: {summary}", new[] { "AksEgress", "Summary" });
            if (summary.NothingTestedWarning != null) QueueWarning(summary.NothingTestedWarning);
            if (Quiet.IsPresent)
            {
                if (!summary.AllRequiredPassed) QueueVerbose("Required rules not shown open: " + string.Join("; ", summary.RequiredNotPassed));
                QueueObject(summary.AllRequiredPassed);
            }
        }

        private bool DerivePlan()
        {
            try
            {
                var result = RuleDeriver.Default.Derive(new PlanInput
                {
                    Cloud = Cloud,
                    Location = Location,
                    Feature = Feature,
                    OsSku = OsSku,
                    PrivateCluster = PrivateCluster.IsPresent,
                    ApiServerFqdn = ApiServerFqdn,
                    ApiServerAddress = ApiServerAddress,
                    CustomDnsServer = CustomDnsServer,
                    Requirement = Requirement,
                }.ToRulePlan());
                foreach (var warning in result.Warnings) WriteWarning(warning);
                _rules.AddRange(result.Rules);
                return true;
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
                return false;
            }
        }
    }
}
