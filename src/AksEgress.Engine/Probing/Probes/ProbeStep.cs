namespace AksEgress.Probing
{
    /// <summary>The steps of a probe; the one running when time runs out decides the failure kind and its wording.</summary>
    internal enum ProbeStep
    {
        Start,
        Resolve,
        Connect,
        ProxyConnect,
        ProxyHandshake,
        TlsHandshake,
        HttpExchange,
        NtpExchange,
        DnsExchange,
    }
}
