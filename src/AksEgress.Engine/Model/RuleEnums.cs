namespace AksEgress
{
    /// <summary>Firewall rule kind: a network (L4) rule or an application (FQDN, L7) rule.</summary>
    public enum RuleKind
    {
        Network,
        Application,
    }

    /// <summary>How strongly the source page asks for the rule.</summary>
    public enum RuleRequirement
    {
        Required,
        Recommended,
        Optional,
    }

    /// <summary>What the Destination string is, so exporters and probes know how to treat it.</summary>
    public enum DestinationType
    {
        Fqdn,
        WildcardFqdn,
        ServiceTag,
        IpAddress,
        /// <summary>A value only the operator knows (APIServerPublicIP, CustomDnsIP); see the warning that names the parameter that fills it.</summary>
        Placeholder,
        /// <summary>Any destination ("*").</summary>
        Any,
    }

    /// <summary>Protocol as the page writes it: TCP/UDP for network rules, HTTP/HTTPS for application rules.</summary>
    public enum RuleProtocol
    {
        TCP,
        UDP,
        HTTP,
        HTTPS,
    }

    /// <summary>Which edition of the page a rule comes from.</summary>
    public enum CatalogEdition
    {
        /// <summary>The current page (and the newer English editions the issues add).</summary>
        Current,
        /// <summary>Only in the 2020 page: tunnelfront-era and preview rules, returned only on request.</summary>
        Legacy2020,
    }
}
