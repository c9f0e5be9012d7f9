using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using AksEgress.Errors;
using AksEgress.Export;

namespace AksEgress.Commands
{
    /// <summary>
    /// Export-AksEgressRule: writes piped rules as a firewall configuration (ARM, Bicep, Terraform, az script)
    /// or as a rule list (CSV, JSON, Markdown). Collects every rule, then writes once in EndProcessing, so
    /// identical rules of several features or clusters are merged.
    /// </summary>
    [Cmdlet(VerbsData.Export, "AksEgressRule", SupportsShouldProcess = true, DefaultParameterSetName = ParameterSets.ToPipeline)]
    [OutputType(typeof(string), ParameterSetName = new[] { ParameterSets.ToPipeline })]
    [OutputType(typeof(FileInfo), ParameterSetName = new[] { ParameterSets.ToFile })]
    public sealed class ExportAksEgressRuleCommand : PSCmdlet
    {
        private readonly List<AksEgressRule> _rules = new List<AksEgressRule>();
        private readonly PropertyTreeBuilder _trees = new PropertyTreeBuilder();
        private ExportOptions _options = new ExportOptions();

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; } = new PSObject[0];

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("AzureFirewallArm", "Bicep", "Terraform", "AzCli", "Csv", "Json", "Markdown")]
        public string Format { get; set; } = "";

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.ToFile)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        [Parameter(ParameterSetName = ParameterSets.ToFile)]
        public SwitchParameter Force { get; set; }

        [Parameter(ParameterSetName = ParameterSets.ToFile)]
        public SwitchParameter NoClobber { get; set; }

        [Parameter(ParameterSetName = ParameterSets.ToFile)]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] SourceAddress { get; set; } = new string[0];

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] SourceIpGroup { get; set; } = new string[0];

        [Parameter]
        [ValidateRange(100, 65000)]
        public int Priority { get; set; } = ExportOptions.DefaultPriority;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string CollectionGroupName { get; set; } = ExportOptions.DefaultCollectionGroupName;

        [Parameter]
        public SwitchParameter UseFqdnTag { get; set; }

        protected override void BeginProcessing()
        {
            _options = new ExportOptions
            {
                SourceAddresses = SourceAddress,
                SourceIpGroups = SourceIpGroup,
                Priority = Priority,
                CollectionGroupName = CollectionGroupName,
                UseFqdnTag = UseFqdnTag.IsPresent,
            };
            try
            {
                ExportPlanner.ValidateOptions(_options);
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                if (item == null) continue;
                try
                {
                    _rules.Add(PipedRule.Read(item, _trees));
                }
                catch (AksEgressInputException ex)
                {
                    // One unusable object: say which and why, keep the others.
                    WriteError(new ErrorRecord(ex, ex.ErrorId, ErrorCategory.InvalidData, item));
                }
            }
        }

        protected override void EndProcessing()
        {
            ExportResult result;
            try
            {
                result = RuleExporter.Export(_rules, ParseFormat(), _options);
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
                return;
            }
            catch (Exception ex) when (!(ex is PipelineStoppedException))
            {
                ThrowTerminatingError(ErrorRecords.Unexpected(ex, "ExportFailed", Format));
                return;
            }

            if (_rules.Count == 0) WriteWarning("No rules came through the pipeline; the export describes an empty rule set.");
            foreach (var warning in result.Warnings) WriteWarning(warning);

            if (ParameterSetName == ParameterSets.ToPipeline)
            {
                WriteObject(result.Text);
                return;
            }
            WriteFile(result.Text);
        }

        private void WriteFile(string text)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                var file = new FileInfo(path);
                var action = ExportFilePolicy.Decide(file.Exists, file.Exists && file.IsReadOnly, NoClobber.IsPresent, Force.IsPresent);
                if (action == ExportFileAction.RefuseExisting || action == ExportFileAction.RefuseReadOnly)
                {
                    WriteError(new ErrorRecord(new IOException(ExportFilePolicy.Explain(action, path)),
                        action == ExportFileAction.RefuseExisting ? "ExportFileExists" : "ExportFileReadOnly",
                        action == ExportFileAction.RefuseExisting ? ErrorCategory.ResourceExists : ErrorCategory.PermissionDenied, path));
                    return;
                }
                if (!ShouldProcess(path, $"Write the {Format} export of {_rules.Count} AKS egress rules")) return;
                if (action == ExportFileAction.ClearReadOnlyThenWrite) file.IsReadOnly = false;
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                if (PassThru.IsPresent) WriteObject(new FileInfo(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                WriteError(new ErrorRecord(ex, "ExportFileWriteFailed", ErrorCategory.WriteError, path));
            }
        }

        private ExportFormat ParseFormat() =>
            (ExportFormat)Enum.Parse(typeof(ExportFormat), Format, ignoreCase: true);
    }
}
