namespace AksEgress.Export
{
    /// <summary>The forms Export-AksEgressRule writes.</summary>
    public enum ExportFormat
    {
        /// <summary>ARM deployment template with a firewallPolicies/ruleCollectionGroups resource.</summary>
        AzureFirewallArm,
        Bicep,
        /// <summary>azurerm_firewall_policy_rule_collection_group.</summary>
        Terraform,
        /// <summary>bash script of az network firewall policy rule-collection-group commands.</summary>
        AzCli,
        Csv,
        Json,
        Markdown,
    }
}
