using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AksEgress.Planning;

namespace AksEgress.Export
{
    /// <summary>A value in the firewall description that the ARM and Bicep writers share.</summary>
    internal abstract class ArmNode
    {
    }

    /// <summary>A literal string, written as it is meant (each writer escapes it for its own language).</summary>
    internal sealed class ArmText : ArmNode
    {
        public ArmText(string value) => Value = value;
        public string Value { get; }
    }

    internal sealed class ArmNumber : ArmNode
    {
        public ArmNumber(int value) => Value = value;
        public int Value { get; }
    }

    internal sealed class ArmBool : ArmNode
    {
        public ArmBool(bool value) => Value = value;
        public bool Value { get; }
    }

    /// <summary>
    /// One of two values, chosen at deployment by a bool parameter: ARM's if(parameters('p'), a, b), which is what
    /// bicep build makes of the Bicep p ? a : b, so the two writers give the same template.
    /// </summary>
    internal sealed class ArmCondition : ArmNode
    {
        public ArmCondition(string parameter, ArmNode whenTrue, ArmNode whenFalse)
        {
            Parameter = parameter;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        public string Parameter { get; }
        public ArmNode WhenTrue { get; }
        public ArmNode WhenFalse { get; }
    }

    /// <summary>The whole value of a template parameter.</summary>
    internal sealed class ArmParameterRef : ArmNode
    {
        public ArmParameterRef(string name) => Name = name;
        public string Name { get; }
    }

    internal sealed class ArmArray : ArmNode
    {
        public ArmArray(IReadOnlyList<ArmNode> items) => Items = items;
        public IReadOnlyList<ArmNode> Items { get; }
    }

    /// <summary>An object whose properties keep the order they were added in.</summary>
    internal sealed class ArmObject : ArmNode
    {
        private readonly List<KeyValuePair<string, ArmNode>> _properties = new List<KeyValuePair<string, ArmNode>>();
        public IReadOnlyList<KeyValuePair<string, ArmNode>> Properties => _properties;

        public ArmObject Add(string name, ArmNode value)
        {
            _properties.Add(new KeyValuePair<string, ArmNode>(name, value));
            return this;
        }

        public ArmObject Add(string name, string text) => Add(name, new ArmText(text));
        public ArmObject Add(string name, int number) => Add(name, new ArmNumber(number));
    }

    /// <summary>A deployment parameter: an identifier, its type, and what to pass.</summary>
    internal sealed class ArmParameter
    {
        public ArmParameter(string name, string type, string description)
        {
            Name = name;
            Type = type;
            Description = description;
        }

        public string Name { get; }
        /// <summary>"string", "int", "bool" or "array" (the same word in ARM and Bicep).</summary>
        public string Type { get; }
        public string Description { get; }
        /// <summary>Null: the value must be given at deployment.</summary>
        public ArmNode? DefaultValue { get; set; }
        public int? MinValue { get; set; }
        public int? MaxValue { get; set; }
        public int? MinLength { get; set; }
    }

    /// <summary>
    /// The firewall both the ARM template and the Bicep file describe, decided once from a plan, so the two
    /// formats cannot drift apart: parameters, the rule collection group and its collections and rules.
    /// </summary>
    internal sealed class ArmFirewallModel
    {
        public const string ApiVersion = "2023-09-01";
        public const string PolicyType = "Microsoft.Network/firewallPolicies";
        public const string GroupType = "Microsoft.Network/firewallPolicies/ruleCollectionGroups";
        public const string PolicyNameParameter = "firewallPolicyName";
        public const string PriorityParameter = "ruleCollectionGroupPriority";
        public const string SourceAddressesParameter = "sourceAddresses";
        public const string ApiServerParameter = "apiServerPublicIp";
        public const string CustomDnsParameter = "customDnsServers";
        public const string DnsProxyParameter = "dnsProxyEnabled";

        private ArmFirewallModel(IReadOnlyList<string> comments, IReadOnlyList<ArmParameter> parameters, string groupName, ArmArray ruleCollections)
        {
            Comments = comments;
            Parameters = parameters;
            GroupName = groupName;
            RuleCollections = ruleCollections;
        }

        /// <summary>Sentences that say what the file is (ARM metadata.comments, Bicep header comment). Fixed text and the sanitized group name only.</summary>
        public IReadOnlyList<string> Comments { get; }
        public IReadOnlyList<ArmParameter> Parameters { get; }
        /// <summary>The collection group name, already reduced to letters, digits, '.', '_' and '-'.</summary>
        public string GroupName { get; }
        public ArmArray RuleCollections { get; }

        public static ArmFirewallModel Build(ExportPlan plan)
        {
            var parameters = new List<ArmParameter>
            {
                new ArmParameter(PolicyNameParameter, "string",
                    "Name of the existing Azure Firewall policy, in the resource group of this deployment, that receives the rule collection group."),
                new ArmParameter(PriorityParameter, "int",
                    "Priority of the rule collection group within the firewall policy, from 100 to 65000; lower numbers are processed first.")
                {
                    DefaultValue = new ArmNumber(plan.Options.Priority),
                    MinValue = 100,
                    MaxValue = 65000,
                },
            };

            ArmNode sources;
            var sourceKey = "sourceAddresses";
            if (plan.Options.SourceIpGroups.Count > 0)
            {
                sourceKey = "sourceIpGroups";
                sources = TextArray(plan.Options.SourceIpGroups);
            }
            else
            {
                var addresses = plan.Options.SourceAddresses.Count > 0 ? plan.Options.SourceAddresses : (IList<string>)new[] { "*" };
                parameters.Add(new ArmParameter(SourceAddressesParameter, "array",
                    "Source addresses every rule allows: the node subnet CIDRs of the cluster or clusters. The value * allows any source.")
                {
                    DefaultValue = TextArray(addresses),
                    MinLength = 1,
                });
                sources = new ArmParameterRef(SourceAddressesParameter);
            }

            if (plan.HasFqdnNetworkRules)
            {
                parameters.Add(new ArmParameter(DnsProxyParameter, "bool",
                    "Whether the firewall policy has DNS proxy on. Azure accepts a network rule to an FQDN only then: true allows the FQDN itself, " +
                    "false allows any destination (*) on the same protocol and port instead, which deploys on any policy.")
                {
                    DefaultValue = new ArmBool(plan.Options.DnsProxyEnabled),
                });
            }

            var placeholderParameters = PlaceholderParameters(plan, parameters);
            var names = FirewallNames.ForRules(plan);
            var collections = new List<ArmNode>();

            if (plan.NetworkRules.Count > 0)
            {
                var rules = new List<ArmNode>();
                foreach (var rule in plan.NetworkRules)
                {
                    var node = new ArmObject()
                        .Add("ruleType", "NetworkRule")
                        .Add("name", names[rule])
                        .Add("description", rule.DependsOnDnsProxy
                            ? new ArmCondition(DnsProxyParameter, new ArmText(rule.FirewallDescriptionFor(true)), new ArmText(rule.FirewallDescriptionFor(false)))
                            : new ArmText(rule.FirewallDescription))
                        .Add("ipProtocols", TextArray(new[] { rule.Protocol == RuleProtocol.UDP ? "UDP" : "TCP" }))
                        .Add(sourceKey, sources);
                    if (rule.DestinationType == DestinationType.Placeholder)
                    {
                        var parameter = placeholderParameters[rule.Destination];
                        node.Add("destinationAddresses", parameter.Type == "array"
                            ? new ArmParameterRef(parameter.Name)
                            : new ArmArray(new ArmNode[] { new ArmParameterRef(parameter.Name) }));
                    }
                    else if (rule.IsFqdn)
                    {
                        // Both lists, one of them empty: azurerm sends every destination list of a network rule, empty ones
                        // as [], so Azure takes an empty destinationFqdns beside destinationAddresses (and the reverse).
                        var none = new ArmArray(new ArmNode[0]);
                        node.Add("destinationAddresses", new ArmCondition(DnsProxyParameter, none, TextArray(new[] { "*" })));
                        node.Add("destinationFqdns", new ArmCondition(DnsProxyParameter, TextArray(new[] { rule.Destination }), none));
                    }
                    else
                    {
                        node.Add("destinationAddresses", TextArray(new[] { rule.Destination }));
                    }
                    node.Add("destinationPorts", TextArray(new[] { rule.Port.ToString(CultureInfo.InvariantCulture) }));
                    rules.Add(node);
                }
                collections.Add(Collection(FirewallNames.NetworkCollectionName, FirewallNames.NetworkCollectionPriority, rules));
            }

            if (plan.ApplicationRuleCount > 0)
            {
                var rules = new List<ArmNode>();
                if (plan.UsesFqdnTag)
                {
                    rules.Add(new ArmObject()
                        .Add("ruleType", "ApplicationRule")
                        .Add("name", FirewallNames.FqdnTagRuleName)
                        .Add("description", plan.FqdnTagDescription)
                        .Add("protocols", new ArmArray(new ArmNode[] { Protocol("Https", 443) }))
                        .Add(sourceKey, sources)
                        .Add("fqdnTags", TextArray(new[] { ExportPlan.FqdnTag })));
                }
                foreach (var rule in plan.ApplicationRules)
                {
                    rules.Add(new ArmObject()
                        .Add("ruleType", "ApplicationRule")
                        .Add("name", names[rule])
                        .Add("description", rule.FirewallDescription)
                        .Add("protocols", new ArmArray(new ArmNode[] { Protocol(rule.Protocol == RuleProtocol.HTTP ? "Http" : "Https", rule.Port) }))
                        .Add(sourceKey, sources)
                        .Add("targetFqdns", TextArray(new[] { rule.Destination })));
                }
                collections.Add(Collection(FirewallNames.ApplicationCollectionName, FirewallNames.ApplicationCollectionPriority, rules));
            }

            var comments = new List<string>
            {
                $"Azure Firewall policy rule collection group {plan.CollectionGroupName} with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule.",
                $"Deploy it to the resource group of the existing firewall policy named by the {PolicyNameParameter} parameter.",
            };
            if (placeholderParameters.Count > 0)
            {
                var wanted = new List<string>();
                foreach (var parameter in placeholderParameters.Values) wanted.Add(parameter.Name);
                wanted.Sort(StringComparer.Ordinal);
                comments.Add($"Destinations that are not known yet are parameters without a default, to be given at deployment: {string.Join(", ", wanted)}.");
            }
            if (plan.HasFqdnNetworkRules) comments.Add(plan.DnsProxyComment($"the {DnsProxyParameter} parameter"));

            return new ArmFirewallModel(comments, parameters, plan.CollectionGroupName, new ArmArray(collections));
        }

        /// <summary>One parameter per unfilled placeholder, added to <paramref name="parameters"/> in the plan's (sorted) order.</summary>
        private static Dictionary<string, ArmParameter> PlaceholderParameters(ExportPlan plan, List<ArmParameter> parameters)
        {
            // Looked up by key only; the parameters list keeps the order.
            var byPlaceholder = new Dictionary<string, ArmParameter>(StringComparer.Ordinal);
            foreach (var input in plan.PlaceholderInputs)
            {
                ArmParameter parameter;
                if (input.Placeholder == Placeholders.ApiServerPublicIp)
                {
                    parameter = new ArmParameter(input.ArmName, "string",
                        "Public IP address of the AKS API server (resolve the API server FQDN of the cluster). Only pods that reach the API server by IP address need this rule.");
                }
                else if (input.Placeholder == Placeholders.CustomDnsIp)
                {
                    parameter = new ArmParameter(input.ArmName, "array",
                        "IP addresses of the custom DNS servers that the virtual network of the cluster uses, for example 10.0.0.4. Needed only with custom DNS servers.")
                    {
                        MinLength = 1,
                    };
                }
                else
                {
                    parameter = new ArmParameter(input.ArmName, "string",
                        "Destination address for the placeholder " + FirewallText.Clean(input.Placeholder) + ", which must be replaced by the real address.");
                }
                byPlaceholder[input.Placeholder] = parameter;
                parameters.Add(parameter);
            }
            return byPlaceholder;
        }

        private static ArmObject Collection(string name, int priority, List<ArmNode> rules) =>
            new ArmObject()
                .Add("ruleCollectionType", "FirewallPolicyFilterRuleCollection")
                .Add("name", name)
                .Add("priority", priority)
                .Add("action", new ArmObject().Add("type", "Allow"))
                .Add("rules", new ArmArray(rules));

        private static ArmObject Protocol(string type, int port) =>
            new ArmObject().Add("protocolType", type).Add("port", port);

        private static ArmArray TextArray(IEnumerable<string> values)
        {
            var items = new List<ArmNode>();
            foreach (var value in values) items.Add(new ArmText(FirewallText.Clean(value)));
            return new ArmArray(items);
        }
    }
}
