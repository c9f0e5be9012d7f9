namespace AksEgress.Planning
{
    /// <summary>The destination type a destination's text implies, for rules that did not come from the catalog.</summary>
    internal static class DestinationTypeText
    {
        public static DestinationType Infer(string destination)
        {
            if (destination == "*") return DestinationType.Any;
            if (destination == Placeholders.ApiServerPublicIp || destination == Placeholders.CustomDnsIp) return DestinationType.Placeholder;
            if (IpAddressText.IsAddressCidrOrRange(destination)) return DestinationType.IpAddress;
            return destination.IndexOf('*') >= 0 ? DestinationType.WildcardFqdn : DestinationType.Fqdn;
        }
    }
}
