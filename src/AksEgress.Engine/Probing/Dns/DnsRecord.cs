using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// An answer record of class IN that we read: A or AAAA (<see cref="Address"/>) or CNAME (<see cref="Target"/>).
    /// Other types are skipped by the reader because nothing here uses them.
    /// </summary>
    public sealed class DnsRecord
    {
        internal DnsRecord(string name, DnsRecordType type, uint ttl, IPAddress? address, string? target)
        {
            Name = name;
            Type = type;
            Ttl = ttl;
            Address = address;
            Target = target;
        }

        /// <summary>The owner name, without the trailing dot.</summary>
        public string Name { get; }
        public DnsRecordType Type { get; }
        public uint Ttl { get; }
        /// <summary>For A and AAAA; null for CNAME.</summary>
        public IPAddress? Address { get; }
        /// <summary>For CNAME: the name the owner is an alias of; null otherwise.</summary>
        public string? Target { get; }
    }
}
