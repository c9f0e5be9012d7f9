using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AksEgress.Planning;

namespace AksEgress.Export
{
    /// <summary>
    /// Terraform configuration: variables for what only the operator knows, and one
    /// azurerm_firewall_policy_rule_collection_group with a network and an application rule collection.
    /// Every string from the rules goes through <see cref="HclText.Quote"/>, so no cluster name can end a
    /// string or start an interpolation.
    /// </summary>
    public sealed class TerraformWriter : IRuleWriter
    {
        public const string ResourceType = "azurerm_firewall_policy_rule_collection_group";
        public const string ResourceName = "aks_egress";
        public const string ApiServerVariable = "api_server_public_ip";
        public const string CustomDnsVariable = "custom_dns_servers";
        public const string DnsProxyVariable = "dns_proxy_enabled";

        /// <summary>
        /// The azurerm versions the file is written for. Every attribute it uses is in azurerm 3.75.0 (CHANGELOG-v3:
        /// "azurerm_firewall_policy_rule_collection_group - add support for the description property", #23354, which
        /// gave network and NAT rules their description; application rules had it since 2.76.0, #13190) and in the
        /// 4.x schema alike. 5.0 is a major release whose schema is not known yet.
        /// </summary>
        public const string AzurermVersions = ">= 3.75.0, < 5.0.0";

        /// <summary>Variable validation and can() came with Terraform 0.13.</summary>
        public const string TerraformVersions = ">= 0.13";

        /// <summary>The variables the file declares itself, which no placeholder variable may take.</summary>
        internal static readonly string[] DeclaredVariables =
        {
            "firewall_policy_id", "rule_collection_group_priority", "source_addresses", "source_ip_groups", DnsProxyVariable, ApiServerVariable, CustomDnsVariable,
        };

        /// <summary>A firewall policy resource id, in any letter case (RE2, as Terraform's regex reads it).</summary>
        internal const string PolicyIdPattern = @"(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Network/firewallPolicies/[^/]+$";

        public string Write(ExportPlan plan)
        {
            var names = FirewallNames.ForRules(plan);
            var useIpGroups = plan.Options.SourceIpGroups.Count > 0;
            var sourceAttribute = useIpGroups ? "source_ip_groups" : "source_addresses";
            var sourceExpression = "var." + sourceAttribute;

            var file = new HclBody();
            file.Comment("Azure Firewall policy rules for the outbound traffic of Azure Kubernetes Service, written by AksEgress.")
                .Comment($"Creates the rule collection group \"{plan.CollectionGroupName}\" in an existing firewall policy:");
            foreach (var line in CollectionSummary.Lines(plan, '"')) file.Comment("  " + line);
            file.Comment($"Needs Terraform {TerraformVersions} and the hashicorp/azurerm provider {AzurermVersions}: 3.75.0 added the description of")
                .Comment("network rules. The provider works in the subscription of firewall_policy_id. Apply it as it is with:")
                .Comment("  terraform init && terraform apply -var firewall_policy_id=<policy resource id>")
                .Comment("Inside a configuration that already configures azurerm, leave out the terraform and provider blocks.");
            if (plan.HasFqdnNetworkRules)
            {
                file.Comment("").Comment("NOTE: " + plan.DnsProxyComment("var." + DnsProxyVariable));
            }
            if (plan.Placeholders.Count > 0)
            {
                file.Comment("").Comment("Destinations only you know are variables without a default: " + string.Join(", ", plan.PlaceholderInputs.Select(i => i.TerraformName)) + ".");
            }
            file.BlankLine();

            file.Nested("terraform", new HclBody()
                .String("required_version", TerraformVersions)
                .BlankLine()
                .Nested("required_providers", new HclBody()
                    .Nested("azurerm =", new HclBody()
                        .String("source", "hashicorp/azurerm")
                        .String("version", AzurermVersions))));
            file.BlankLine();

            // azurerm 4 wants a subscription; the policy's own is the one to work in.
            file.Nested("provider \"azurerm\"", new HclBody()
                .Expression("subscription_id", "split(\"/\", var.firewall_policy_id)[2]")
                .BlankLine()
                .Nested("features", new HclBody()));
            file.BlankLine();

            file.Nested("variable \"firewall_policy_id\"", new HclBody()
                .Expression("type", "string")
                .String("description", "Resource id of the existing Azure Firewall policy that receives the rule collection group.")
                .BlankLine()
                .Nested("validation", new HclBody()
                    .Expression("condition", "can(regex(" + HclText.Quote(PolicyIdPattern) + ", var.firewall_policy_id))")
                    .String("error_message", "The firewall_policy_id must be a firewall policy resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/firewallPolicies/<name>.")));
            file.BlankLine();

            file.Nested("variable \"rule_collection_group_priority\"", new HclBody()
                .Expression("type", "number")
                .String("description", "Priority of the rule collection group, from 100 (evaluated first) to 65000.")
                .Number("default", plan.Options.Priority)
                .BlankLine()
                .Nested("validation", new HclBody()
                    .Expression("condition", "var.rule_collection_group_priority >= 100 && var.rule_collection_group_priority <= 65000")
                    .String("error_message", "The rule collection group priority must be from 100 to 65000.")));
            file.BlankLine();

            if (useIpGroups)
            {
                file.Nested("variable \"source_ip_groups\"", new HclBody()
                    .Expression("type", "list(string)")
                    .String("description", "Resource ids of the IP groups holding the source addresses (the node subnets of the cluster).")
                    .Strings("default", plan.Options.SourceIpGroups));
            }
            else
            {
                var sources = plan.Options.SourceAddresses.Count > 0 ? plan.Options.SourceAddresses.ToList() : new List<string> { "*" };
                var description = plan.Options.SourceAddresses.Count > 0
                    ? "Source addresses or CIDRs the rules allow (the node subnets of the cluster)."
                    : "Source addresses or CIDRs the rules allow. '*' allows any source: set the node subnets of the cluster.";
                file.Nested("variable \"source_addresses\"", new HclBody()
                    .Expression("type", "list(string)")
                    .String("description", description)
                    .Strings("default", sources));
            }

            if (plan.HasFqdnNetworkRules)
            {
                file.BlankLine();
                file.Nested($"variable \"{DnsProxyVariable}\"", new HclBody()
                    .Expression("type", "bool")
                    .String("description", "Whether the firewall policy has DNS proxy on. Azure accepts a network rule to an FQDN only then: true allows the FQDN itself, false allows any destination (*) on the same protocol and port instead, which deploys on any policy.")
                    .Expression("default", plan.Options.DnsProxyEnabled ? "true" : "false"));
            }

            foreach (var input in plan.PlaceholderInputs)
            {
                file.BlankLine();
                file.Nested($"variable \"{input.TerraformName}\"", new HclBody()
                    .Expression("type", input.IsSingleAddress ? "string" : "list(string)")
                    .String("description", VariableDescription(input.Placeholder)));
            }
            file.BlankLine();

            var group = new HclBody()
                .String("name", plan.CollectionGroupName)
                .Expression("firewall_policy_id", "var.firewall_policy_id")
                .Expression("priority", "var.rule_collection_group_priority");

            if (plan.NetworkRules.Count > 0)
            {
                var collection = CollectionHeader(FirewallNames.NetworkCollectionName, FirewallNames.NetworkCollectionPriority);
                foreach (var rule in plan.NetworkRules)
                {
                    var proxy = "var." + DnsProxyVariable + " ? ";
                    var body = new HclBody()
                        .String("name", names[rule])
                        .Expression("description", rule.DependsOnDnsProxy
                            ? proxy + HclText.Quote(rule.FirewallDescriptionFor(true)) + " : " + HclText.Quote(rule.FirewallDescriptionFor(false))
                            : HclText.Quote(rule.FirewallDescription))
                        .Strings("protocols", new[] { rule.Protocol.ToString() })
                        .Expression(sourceAttribute, sourceExpression);
                    switch (rule.DestinationType)
                    {
                        case DestinationType.Fqdn:
                        case DestinationType.WildcardFqdn:
                            // The FQDN with DNS proxy, else any destination on the same port (see ExportPlan.DnsProxyComment).
                            body.Expression("destination_addresses", proxy + "[] : " + HclText.List(new[] { "*" }));
                            body.Expression("destination_fqdns", proxy + HclText.List(new[] { rule.Destination }) + " : []");
                            break;
                        case DestinationType.Placeholder:
                            var input = plan.InputFor(rule.Destination);
                            var variable = "var." + input.TerraformName;
                            body.Expression("destination_addresses", input.IsSingleAddress ? "[" + variable + "]" : variable);
                            break;
                        default:
                            body.Strings("destination_addresses", new[] { rule.Destination });
                            break;
                    }
                    body.Strings("destination_ports", new[] { rule.Port.ToString(CultureInfo.InvariantCulture) });
                    collection.BlankLine().Nested("rule", body);
                }
                group.BlankLine().Nested("network_rule_collection", collection);
            }

            if (plan.ApplicationRuleCount > 0)
            {
                var collection = CollectionHeader(FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority);
                if (plan.UsesFqdnTag)
                {
                    collection.BlankLine().Nested("rule", new HclBody()
                        .String("name", FirewallNames.FqdnTagRuleName)
                        .String("description", plan.FqdnTagDescription)
                        .Nested("protocols", Protocol("Https", 443))
                        .Expression(sourceAttribute, sourceExpression)
                        .Strings("destination_fqdn_tags", new[] { ExportPlan.FqdnTag }));
                }
                foreach (var rule in plan.ApplicationRules)
                {
                    collection.BlankLine().Nested("rule", new HclBody()
                        .String("name", names[rule])
                        .String("description", rule.FirewallDescription)
                        .Nested("protocols", Protocol(rule.Protocol == RuleProtocol.HTTP ? "Http" : "Https", rule.Port))
                        .Expression(sourceAttribute, sourceExpression)
                        .Strings("destination_fqdns", new[] { rule.Destination }));
                }
                group.BlankLine().Nested("application_rule_collection", collection);
            }

            file.Nested($"resource \"{ResourceType}\" \"{ResourceName}\"", group);

            var output = new StringBuilder();
            file.WriteTo(output, 0);
            return output.ToString();
        }

        private static string VariableDescription(string placeholder)
        {
            switch (placeholder)
            {
                case Placeholders.ApiServerPublicIp:
                    return "Public IP address of the cluster's API server (the APIServerPublicIP destination); the rule matters only if pods reach the API server by its IP.";
                case Placeholders.CustomDnsIp:
                    return "IP addresses of the custom DNS servers of the cluster's virtual network (the CustomDnsIP destination).";
                default:
                    return $"Destination addresses that stand for the placeholder {FirewallText.Clean(placeholder)}.";
            }
        }

        private static HclBody CollectionHeader(string name, int priority) => new HclBody()
            .String("name", name)
            .Number("priority", priority)
            .String("action", "Allow");

        private static HclBody Protocol(string type, int port) => new HclBody()
            .String("type", type)
            .Number("port", port);
    }
}
