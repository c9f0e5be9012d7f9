using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AksEgress.Planning;

namespace AksEgress.Export
{
    /// <summary>
    /// A bash script of az network firewall policy rule-collection-group commands that builds the same rule
    /// collection group as the other deployable formats. Every value from the rules is one single-quoted
    /// word (<see cref="ShellText.Quote"/>); what the operator gives at run time comes from environment
    /// variables, always expanded inside double quotes.
    /// </summary>
    public sealed class AzCliWriter : IRuleWriter
    {
        public const string ApiServerInput = "API_SERVER_PUBLIC_IP";
        public const string CustomDnsInput = "CUSTOM_DNS_SERVERS";
        public const string DnsProxyInput = "DNS_PROXY_ENABLED";

        /// <summary>The variables the script sets itself, which no placeholder input may take.</summary>
        internal static readonly string[] DeclaredVariables =
        {
            "RESOURCE_GROUP", "POLICY_NAME", "PRIORITY", "SOURCE_ADDRESSES", "SOURCE_IP_GROUPS", DnsProxyInput, ApiServerInput, CustomDnsInput,
            "AZURE_FIREWALL_VERSION", "AZURE_FIREWALL_FOUND", "AZURE_FIREWALL_NEEDED",
        };

        /// <summary>
        /// The oldest azure-firewall extension whose commands take every flag the script passes. Its HISTORY.rst
        /// (Azure/azure-cli-extensions, src/azure-firewall) has 0.12.0 add --destination-fqdns to "collection
        /// add-filter-collection" and "collection rule add". The group is named by --rule-collection-group-name, which
        /// the extension's own commands have taken from the start and still take beside the newer --rcg-name.
        /// </summary>
        public const string MinimumExtensionVersion = "0.12.0";
        private const string Group = "az network firewall policy rule-collection-group";

        public string Write(ExportPlan plan)
        {
            var names = FirewallNames.ForRules(plan);
            var useIpGroups = plan.Options.SourceIpGroups.Count > 0;
            var sourceInput = useIpGroups ? "SOURCE_IP_GROUPS" : "SOURCE_ADDRESSES";
            var sourceFlag = useIpGroups ? "--source-ip-groups" : "--source-addresses";
            var script = new StringBuilder();

            void Line(string text = "") => script.Append(text).Append('\n');

            Line("#!/usr/bin/env bash");
            Line("# Azure Firewall policy rules for the outbound traffic of Azure Kubernetes Service, written by AksEgress.");
            Line($"# Creates the rule collection group '{plan.CollectionGroupName}' in an existing firewall policy:");
            foreach (var line in CollectionSummary.Lines(plan, '\'')) Line("#   " + line);
            Line($"# Needs the Azure CLI with its azure-firewall extension {MinimumExtensionVersion} or later (az extension add --name azure-firewall;");
            Line($"# {MinimumExtensionVersion} added --destination-fqdns), signed in with az login; the script checks the extension before it");
            Line("# changes anything. Each command updates the whole firewall policy, so the script takes a while.");
            if (plan.HasFqdnNetworkRules)
            {
                Line("#");
                Line("# NOTE: " + plan.DnsProxyComment(DnsProxyInput));
            }
            Line("#");
            Line("# Inputs, from the environment:");
            var inputs = new List<(string Name, string Text)>
            {
                ("RESOURCE_GROUP", "resource group of the firewall policy (required)"),
                ("POLICY_NAME", "name of the firewall policy (required)"),
                ("PRIORITY", $"priority of the rule collection group, 100-65000 (default {plan.Options.Priority.ToString(CultureInfo.InvariantCulture)})"),
                useIpGroups
                    ? (sourceInput, "space-separated resource ids of the source IP groups (default: the groups below)")
                    : (sourceInput, "space-separated source addresses or CIDRs, the node subnets (default: the addresses below)"),
            };
            var proxyDefault = plan.Options.DnsProxyEnabled ? "true" : "false";
            if (plan.HasFqdnNetworkRules)
            {
                inputs.Add((DnsProxyInput, $"true if the firewall policy has DNS proxy on, else false (default {proxyDefault}); see the note above"));
            }
            foreach (var input in plan.PlaceholderInputs) inputs.Add((input.ShellName, InputHelp(input.Placeholder) + " (required)"));
            var width = inputs.Max(i => i.Name.Length);
            foreach (var (name, text) in inputs) Line($"#   {name.PadRight(width)}  {text}");
            Line("set -euo pipefail");
            Line();

            Line("RESOURCE_GROUP=\"${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the firewall policy}\"");
            Line("POLICY_NAME=\"${POLICY_NAME:?set POLICY_NAME to the name of the firewall policy}\"");
            Line($"PRIORITY=\"${{PRIORITY:-{plan.Options.Priority.ToString(CultureInfo.InvariantCulture)}}}\"");
            Line("if ! [[ \"$PRIORITY\" =~ ^[0-9]{3,5}$ ]] || (( 10#$PRIORITY < 100 || 10#$PRIORITY > 65000 )); then");
            Line("  echo \"PRIORITY must be a whole number from 100 to 65000, not '$PRIORITY'.\" >&2");
            Line("  exit 1");
            Line("fi");

            var defaults = useIpGroups
                ? plan.Options.SourceIpGroups.ToList()
                : (plan.Options.SourceAddresses.Count > 0 ? plan.Options.SourceAddresses.ToList() : new List<string> { "*" });
            Line($"if [[ -n \"${{{sourceInput}:-}}\" ]]; then");
            Line($"  read -r -a {sourceInput} <<< \"${sourceInput}\"");
            Line("else");
            if (!useIpGroups && plan.Options.SourceAddresses.Count == 0)
            {
                Line("  # '*' allows any source: set SOURCE_ADDRESSES to the node subnets of the cluster.");
            }
            Line($"  {sourceInput}=({string.Join(" ", defaults.Select(ShellText.Quote))})");
            Line("fi");
            Line($"if (( ${{#{sourceInput}[@]}} == 0 )); then");
            Line($"  echo \"{sourceInput} holds no value.\" >&2");
            Line("  exit 1");
            Line("fi");

            if (plan.HasFqdnNetworkRules)
            {
                Line($"{DnsProxyInput}=\"${{{DnsProxyInput}:-{proxyDefault}}}\"");
                Line($"if [[ \"${DnsProxyInput}\" != true && \"${DnsProxyInput}\" != false ]]; then");
                Line($"  echo \"{DnsProxyInput} must be true or false, not '${DnsProxyInput}'.\" >&2");
                Line("  exit 1");
                Line("fi");
            }

            foreach (var placeholder in plan.PlaceholderInputs)
            {
                var input = placeholder.ShellName;
                Line($"{input}=\"${{{input}:?set {input} to the {InputHelp(placeholder.Placeholder)}}}\"");
                if (!placeholder.IsSingleAddress) Line($"read -r -a {input} <<< \"${input}\"");
            }
            Line();
            ExtensionCheck(Line);
            Line();

            var total = 1 + plan.NetworkRules.Count + plan.ApplicationRuleCount;
            var step = 0;
            Line("# The rule collection group");
            Progress($"rule collection group {plan.CollectionGroupName}");
            Command($"{Group} create", new[]
            {
                ("--resource-group", "\"$RESOURCE_GROUP\""),
                ("--policy-name", "\"$POLICY_NAME\""),
                ("--name", ShellText.Quote(plan.CollectionGroupName)),
                ("--priority", "\"$PRIORITY\""),
            });

            var sources = $"\"${{{sourceInput}[@]}}\"";
            if (plan.NetworkRules.Count > 0)
            {
                Line();
                Line($"# Network rule collection '{FirewallNames.NetworkCollectionName}'");
                var first = true;
                foreach (var rule in plan.NetworkRules)
                {
                    List<(string, string)> Start(string description) => new List<(string, string)>
                    {
                        ("--description", ShellText.Quote(description)),
                        ("--ip-protocols", ShellText.Quote(rule.Protocol.ToString())),
                        (sourceFlag, sources),
                    };
                    var flags = Start(rule.FirewallDescription);
                    List<(string, string)>? withoutProxy = null;
                    switch (rule.DestinationType)
                    {
                        case DestinationType.Fqdn:
                        case DestinationType.WildcardFqdn:
                            // The FQDN with DNS proxy, else any destination on the same port (see ExportPlan.DnsProxyComment).
                            flags = Start(rule.FirewallDescriptionFor(true));
                            flags.Add(("--destination-fqdns", ShellText.Quote(rule.Destination)));
                            withoutProxy = Start(rule.FirewallDescriptionFor(false));
                            withoutProxy.Add(("--destination-addresses", ShellText.Quote("*")));
                            break;
                        case DestinationType.Placeholder:
                            var input = plan.InputFor(rule.Destination);
                            flags.Add(("--destination-addresses", input.IsSingleAddress ? $"\"${input.ShellName}\"" : $"\"${{{input.ShellName}[@]}}\""));
                            break;
                        default:
                            flags.Add(("--destination-addresses", ShellText.Quote(rule.Destination)));
                            break;
                    }
                    var ports = ("--destination-ports", ShellText.Quote(rule.Port.ToString(CultureInfo.InvariantCulture)));
                    flags.Add(ports);
                    withoutProxy?.Add(ports);
                    AddRule(plan, FirewallNames.NetworkCollectionName, FirewallNames.NetworkCollectionPriority, "NetworkRule", names[rule], first, flags, withoutProxy);
                    first = false;
                }
            }

            if (plan.ApplicationRuleCount > 0)
            {
                Line();
                Line($"# Application rule collection '{FirewallNames.ApplicationCollectionName}'");
                var first = true;
                if (plan.UsesFqdnTag)
                {
                    AddRule(plan, FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority, "ApplicationRule", FirewallNames.FqdnTagRuleName, first, new List<(string, string)>
                    {
                        ("--description", ShellText.Quote(plan.FqdnTagDescription)),
                        ("--protocols", ShellText.Quote("Https=443")),
                        (sourceFlag, sources),
                        ("--fqdn-tags", ShellText.Quote(ExportPlan.FqdnTag)),
                    });
                    first = false;
                }
                foreach (var rule in plan.ApplicationRules)
                {
                    var protocol = (rule.Protocol == RuleProtocol.HTTP ? "Http" : "Https") + "=" + rule.Port.ToString(CultureInfo.InvariantCulture);
                    AddRule(plan, FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority, "ApplicationRule", names[rule], first, new List<(string, string)>
                    {
                        ("--description", ShellText.Quote(rule.FirewallDescription)),
                        ("--protocols", ShellText.Quote(protocol)),
                        (sourceFlag, sources),
                        ("--target-fqdns", ShellText.Quote(rule.Destination)),
                    });
                    first = false;
                }
            }
            return script.ToString();

            // Every call prints nothing but errors (--output none); a progress line on stderr says what is being done.
            void Progress(string what) => Line("echo " + ShellText.Quote($"[{++step}/{total}] {what}") + " >&2");

            void Command(string command, IReadOnlyList<(string Flag, string Value)> flags, string indent = "")
            {
                script.Append(indent).Append(command);
                foreach (var (flag, value) in flags) script.Append(" \\\n  ").Append(indent).Append(flag).Append(' ').Append(value);
                script.Append(" \\\n  ").Append(indent).Append("--output 'none'\n");
            }

            // The first rule of a collection creates the collection; the others are added to it. A rule with flags
            // withoutProxy is written twice, chosen by the DNS proxy input.
            void AddRule(ExportPlan p, string collection, int priority, string ruleType, string ruleName, bool first, List<(string, string)> ruleFlags,
                List<(string, string)>? withoutProxy = null)
            {
                if (!first) Line();
                Progress($"{collection}: {ruleName}");
                if (withoutProxy != null)
                {
                    Line($"if [[ \"${DnsProxyInput}\" == true ]]; then");
                    Write(ruleFlags, "  ");
                    Line("else");
                    Write(withoutProxy, "  ");
                    Line("fi");
                    return;
                }
                Write(ruleFlags, "");

                void Write(List<(string, string)> chosen, string indent)
                {
                    var flags = new List<(string, string)>
                    {
                        ("--resource-group", "\"$RESOURCE_GROUP\""),
                        ("--policy-name", "\"$POLICY_NAME\""),
                        ("--rule-collection-group-name", ShellText.Quote(p.CollectionGroupName)),
                    };
                    if (first)
                    {
                        flags.Add(("--name", ShellText.Quote(collection)));
                        flags.Add(("--collection-priority", ShellText.Quote(priority.ToString(CultureInfo.InvariantCulture))));
                        flags.Add(("--action", ShellText.Quote("Allow")));
                        flags.Add(("--rule-type", ShellText.Quote(ruleType)));
                        flags.Add(("--rule-name", ShellText.Quote(ruleName)));
                        flags.AddRange(chosen);
                        Command($"{Group} collection add-filter-collection", flags, indent);
                    }
                    else
                    {
                        flags.Add(("--collection-name", ShellText.Quote(collection)));
                        flags.Add(("--name", ShellText.Quote(ruleName)));
                        flags.Add(("--rule-type", ShellText.Quote(ruleType)));
                        flags.AddRange(chosen);
                        Command($"{Group} collection rule add", flags, indent);
                    }
                }
            }
        }

        /// <summary>
        /// Stops the script, exit code 3, before the first change when the azure-firewall extension is missing or older
        /// than <see cref="MinimumExtensionVersion"/>. The version az reports is only matched and compared as numbers,
        /// never run.
        /// </summary>
        private static void ExtensionCheck(System.Action<string> line)
        {
            var needed = MinimumExtensionVersion.Split('.');
            line($"# The azure-firewall extension must be {MinimumExtensionVersion} or later, for --destination-fqdns.");
            line("if ! AZURE_FIREWALL_VERSION=\"$(az extension show --name azure-firewall --query version --output tsv)\"; then");
            line("  echo \"Could not read the version of the azure-firewall extension of the Azure CLI. Install it with: az extension add --name azure-firewall\" >&2");
            line("  exit 3");
            line("fi");
            line("AZURE_FIREWALL_VERSION=\"${AZURE_FIREWALL_VERSION//$'\\r'/}\"");
            line("if ! [[ \"$AZURE_FIREWALL_VERSION\" =~ ^([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9]{1,9}) ]]; then");
            line($"  echo \"The azure-firewall extension reports the version '$AZURE_FIREWALL_VERSION', which this script cannot read; it needs {MinimumExtensionVersion} or later.\" >&2");
            line("  exit 3");
            line("fi");
            line("AZURE_FIREWALL_FOUND=(\"${BASH_REMATCH[1]}\" \"${BASH_REMATCH[2]}\" \"${BASH_REMATCH[3]}\")");
            line($"AZURE_FIREWALL_NEEDED=({string.Join(" ", needed)})");
            line("for i in 0 1 2; do");
            line("  if (( 10#${AZURE_FIREWALL_FOUND[i]} > AZURE_FIREWALL_NEEDED[i] )); then break; fi");
            line("  if (( 10#${AZURE_FIREWALL_FOUND[i]} < AZURE_FIREWALL_NEEDED[i] )); then");
            line($"    echo \"The azure-firewall extension is $AZURE_FIREWALL_VERSION; this script needs {MinimumExtensionVersion} or later. Update it with: az extension update --name azure-firewall\" >&2");
            line("    exit 3");
            line("  fi");
            line("done");
        }

        private static string InputHelp(string placeholder)
        {
            switch (placeholder)
            {
                case Placeholders.ApiServerPublicIp: return "public IP address of the cluster API server";
                case Placeholders.CustomDnsIp: return "IP addresses of the custom DNS servers of the cluster virtual network, separated by spaces";
                default: return "destination addresses for the placeholder, separated by spaces";
            }
        }
    }
}
