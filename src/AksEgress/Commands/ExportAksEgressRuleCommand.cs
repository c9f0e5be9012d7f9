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
    [OutputType(typeof(FileInfo), ParameterSetName = new[] { ParameterSets.ToFile, ParameterSets.ToLiteralFile })]
    public sealed class ExportAksEgressRuleCommand : PSCmdlet
    {
        private readonly List<AksEgressRule> _rules = new List<AksEgressRule>();
        private readonly PropertyTreeBuilder _trees = new PropertyTreeBuilder();
        private ExportOptions _options = new ExportOptions();
        private string? _filePath;
        private int _refused;
        // Ctrl+C while a large piped object is copied: the copy looks at this token as it goes.
        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotEmptyInput]
        public PSObject[] InputObject { get; set; } = new PSObject[0];

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateSet("AzureFirewallArm", "Bicep", "Terraform", "AzCli", "Csv", "Json", "Markdown")]
        public string Format { get; set; } = "";

        /// <summary>The file to write; wildcards must resolve to one existing file (as Out-File's -FilePath does).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ParameterSets.ToFile)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = "";

        /// <summary>The file to write, taken as typed: [ab].json and *.json are file names.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParameterSets.ToLiteralFile)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = "";

        [Parameter(ParameterSetName = ParameterSets.ToFile)]
        [Parameter(ParameterSetName = ParameterSets.ToLiteralFile)]
        public SwitchParameter Force { get; set; }

        [Parameter(ParameterSetName = ParameterSets.ToFile)]
        [Parameter(ParameterSetName = ParameterSets.ToLiteralFile)]
        public SwitchParameter NoClobber { get; set; }

        [Parameter(ParameterSetName = ParameterSets.ToFile)]
        [Parameter(ParameterSetName = ParameterSets.ToLiteralFile)]
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

        /// <summary>The firewall policy has DNS proxy on: network rules to FQDNs default to allowing the FQDN itself.</summary>
        [Parameter]
        public SwitchParameter DnsProxyEnabled { get; set; }

        protected override void BeginProcessing()
        {
            _options = new ExportOptions
            {
                SourceAddresses = SourceAddress,
                SourceIpGroups = SourceIpGroup,
                Priority = Priority,
                CollectionGroupName = CollectionGroupName,
                UseFqdnTag = UseFqdnTag.IsPresent,
                DnsProxyEnabled = DnsProxyEnabled.IsPresent,
            };
            try
            {
                ExportPlanner.ValidateOptions(_options);
            }
            catch (AksEgressInputException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromInput(ex));
            }
            // The path is checked before any rule is read: a path that cannot be written stops the command at once.
            if (ParameterSetName == ParameterSets.ToFile) _filePath = ResolveFilePath(Path, literal: false);
            else if (ParameterSetName == ParameterSets.ToLiteralFile) _filePath = ResolveFilePath(LiteralPath, literal: true);
        }

        /// <summary>
        /// PowerShell's provider path rules, as Out-File has them: the path must be on the FileSystem provider (not Env:,
        /// Variable:, Function:, ...); with -Path, wildcards must match exactly one existing file.
        /// </summary>
        private string ResolveFilePath(string given, bool literal)
        {
            var parameter = literal ? "-LiteralPath" : "-Path";
            ProviderInfo provider;
            string path;
            try
            {
                if (!literal && WildcardPattern.ContainsWildcardCharacters(given))
                {
                    var matches = SessionState.Path.GetResolvedProviderPathFromPSPath(given, out provider);
                    if (matches.Count == 0) throw new ItemNotFoundException(given);
                    if (matches.Count != 1)
                    {
                        ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                            $"{parameter} '{given}' matches {matches.Count} files; an export is written to one file. Name it, or use -LiteralPath for a name that holds wildcard characters."),
                            "ExportPathAmbiguous", ErrorCategory.InvalidArgument, given));
                    }
                    path = matches[0];
                }
                else
                {
                    path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given, out provider, out _);
                }
            }
            catch (ItemNotFoundException)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                    $"{parameter} '{given}' has wildcard characters and matches no file. To create a file with that name, use -LiteralPath '{given}'."),
                    "ExportPathNotFound", ErrorCategory.ObjectNotFound, given));
                throw;
            }
            catch (Exception ex) when (ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is PSArgumentException || ex is NotSupportedException)
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"{parameter} '{given}' is not a path to a file: {ex.Message}", ex),
                    "ExportPathInvalid", ErrorCategory.InvalidArgument, given));
                throw;
            }
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(
                    $"{parameter} '{given}' is on the {provider.Name} provider. Export-AksEgressRule writes files only: give a file-system path, such as ./aks-egress.json."),
                    "ExportPathNotFileSystem", ErrorCategory.InvalidArgument, given));
            }
            return path;
        }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject)
            {
                if (item == null) continue;
                try
                {
                    _rules.Add(PipedRule.Read(item, _trees, _stopping.Token));
                }
                catch (AksEgressInputException ex)
                {
                    // One unusable object: say which and why, keep the others.
                    _refused++;
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

            // A rule Azure Firewall would refuse is reported on its own; the export holds the others.
            foreach (var rule in result.Refused) WriteError(ErrorRecords.FromInput(rule));
            var refused = _refused + result.Refused.Count;
            if (_filePath != null && ExportFilePolicy.WritesNothing(_rules.Count - result.Refused.Count, refused))
            {
                WriteError(new ErrorRecord(new InvalidOperationException(ExportFilePolicy.ExplainNothingWritten(refused, _filePath)),
                    "ExportNothingToWrite", ErrorCategory.InvalidData, _filePath));
                return;
            }
            if (_rules.Count == 0) WriteWarning("No rules came through the pipeline; the export describes an empty rule set.");
            foreach (var warning in result.Warnings) WriteWarning(warning);

            if (_filePath == null)
            {
                WriteObject(result.Text);
                return;
            }
            WriteFile(_filePath, result.Text);
        }

        private void WriteFile(string path, string text)
        {
            try
            {
                var file = new FileInfo(path);
                var kind = FileTarget.KindOf(path);
                var action = ExportFilePolicy.Decide(kind, kind == ExportTargetKind.File && file.IsReadOnly, NoClobber.IsPresent, Force.IsPresent);
                if (action != ExportFileAction.Write && action != ExportFileAction.ClearReadOnlyThenWrite)
                {
                    WriteError(new ErrorRecord(new IOException(ExportFilePolicy.Explain(action, path)), RefusalErrorId(action), RefusalCategory(action), path));
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

        protected override void StopProcessing() => _stopping.Cancel();

        private static string RefusalErrorId(ExportFileAction action)
        {
            switch (action)
            {
                case ExportFileAction.RefuseExisting: return "ExportFileExists";
                case ExportFileAction.RefuseReadOnly: return "ExportFileReadOnly";
                case ExportFileAction.RefuseDirectory: return "ExportPathIsFolder";
                default: return "ExportPathIsPipe";
            }
        }

        private static ErrorCategory RefusalCategory(ExportFileAction action) =>
            action == ExportFileAction.RefuseExisting ? ErrorCategory.ResourceExists
            : action == ExportFileAction.RefuseReadOnly ? ErrorCategory.PermissionDenied
            : ErrorCategory.InvalidArgument;

        private ExportFormat ParseFormat() =>
            (ExportFormat)Enum.Parse(typeof(ExportFormat), Format, ignoreCase: true);
    }
}
