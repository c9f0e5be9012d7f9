namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The 4-bit RCODE of a response header (RFC 1035 4.1.1). Values without a name here (6-15) are kept as their
    /// number, so a server's unusual answer is still reported exactly.
    /// </summary>
    public enum DnsRcode
    {
        NoError = 0,
        /// <summary>The server could not read the query.</summary>
        FormErr = 1,
        /// <summary>The server failed to get an answer (often: it cannot reach the upstream or the zone is broken).</summary>
        ServFail = 2,
        /// <summary>The name does not exist.</summary>
        NXDomain = 3,
        /// <summary>The server does not support this kind of query.</summary>
        NotImp = 4,
        /// <summary>The server will not answer this client (policy, e.g. recursion not allowed from this address).</summary>
        Refused = 5,
    }
}
