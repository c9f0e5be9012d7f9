namespace AksEgress.Probing.Dns
{
    /// <summary>One entry of a message's question section; a reply must echo ours for us to accept it.</summary>
    public sealed class DnsQuestion
    {
        internal DnsQuestion(string name, DnsRecordType type, ushort @class)
        {
            Name = name;
            Type = type;
            Class = @class;
        }

        /// <summary>Without the trailing dot; "." for the root. Odd octets are escaped as \DDD.</summary>
        public string Name { get; }
        /// <summary>May hold a numeric type this enum does not name.</summary>
        public DnsRecordType Type { get; }
        /// <summary>1 is IN (Internet), the only class we ask about.</summary>
        public ushort Class { get; }
    }
}
