namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The record types this client asks for or reads (RFC 1035, RFC 3596). Other types in an answer are skipped,
    /// and a question of another type keeps its numeric value in this enum.
    /// </summary>
    public enum DnsRecordType : ushort
    {
        /// <summary>An IPv4 address.</summary>
        A = 1,
        /// <summary>An alias: the owner name stands for the target name.</summary>
        CNAME = 5,
        /// <summary>An IPv6 address.</summary>
        AAAA = 28,
    }
}
