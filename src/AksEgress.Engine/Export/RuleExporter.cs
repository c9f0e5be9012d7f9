using System.Collections.Generic;
using AksEgress.Errors;

namespace AksEgress.Export
{
    /// <summary>The text of one export and what the operator should be told about it.</summary>
    public sealed class ExportResult
    {
        public ExportResult(string text, IReadOnlyList<string> warnings, IReadOnlyList<AksEgressInputException>? refused = null)
        {
            Text = text;
            Warnings = warnings;
            Refused = refused ?? new AksEgressInputException[0];
        }

        public string Text { get; }
        public IReadOnlyList<string> Warnings { get; }
        /// <summary>One error per rule left out of the export (<see cref="RuleLimits"/>); the export holds the others.</summary>
        public IReadOnlyList<AksEgressInputException> Refused { get; }
    }

    /// <summary>Entry point of Export-AksEgressRule: plan once, then write the chosen format.</summary>
    public static class RuleExporter
    {
        public static ExportResult Export(IEnumerable<AksEgressRule> rules, ExportFormat format, ExportOptions options)
        {
            var warnings = new List<string>();
            var refused = new List<AksEgressInputException>();
            var plan = ExportPlanner.Build(rules, options, warnings, IsDeployable(format), refused);
            return new ExportResult(WriterFor(format).Write(plan), warnings, refused);
        }

        /// <summary>Formats that are a firewall configuration rather than a list of rules.</summary>
        public static bool IsDeployable(ExportFormat format) =>
            format == ExportFormat.AzureFirewallArm || format == ExportFormat.Bicep || format == ExportFormat.Terraform || format == ExportFormat.AzCli;

        private static IRuleWriter WriterFor(ExportFormat format)
        {
            switch (format)
            {
                case ExportFormat.AzureFirewallArm: return new ArmTemplateWriter();
                case ExportFormat.Bicep: return new BicepWriter();
                case ExportFormat.Terraform: return new TerraformWriter();
                case ExportFormat.AzCli: return new AzCliWriter();
                case ExportFormat.Csv: return new CsvWriter();
                case ExportFormat.Json: return new JsonRulesWriter();
                default: return new MarkdownWriter();
            }
        }
    }
}
