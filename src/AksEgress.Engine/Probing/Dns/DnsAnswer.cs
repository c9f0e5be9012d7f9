using System;
using System.Collections.Generic;
using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>What a DNS server answered to one query. A timeout is never a DnsAnswer (see <see cref="DnsTimeoutException"/>).</summary>
    public sealed class DnsAnswer
    {
        internal DnsAnswer(
            IPEndPoint server,
            DnsRcode rcode,
            IReadOnlyList<IPAddress> addresses,
            IReadOnlyList<string> cnameChain,
            bool truncated,
            string transport,
            TimeSpan elapsed)
        {
            Server = server;
            Rcode = rcode;
            Addresses = addresses;
            CnameChain = cnameChain;
            Truncated = truncated;
            Transport = transport;
            Elapsed = elapsed;
        }

        public IPEndPoint Server { get; }
        /// <summary>NoError, NXDomain, ... or any other 4-bit value as its number (see <see cref="DnsRcodeExtensions.ToMnemonic"/>).</summary>
        public DnsRcode Rcode { get; }
        /// <summary>The addresses of the asked type, for the query name or a name of its CNAME chain; none is possible with NoError.</summary>
        public IReadOnlyList<IPAddress> Addresses { get; }
        /// <summary>
        /// The CNAME targets in the answer, starting from the query name: for a → b → c it is [b, c]. A loop stops the
        /// chain after the repeated name, which then appears twice (a → b → a gives [b, a]).
        /// </summary>
        public IReadOnlyList<string> CnameChain { get; }
        /// <summary>The UDP answer had TC=1 and this answer came over TCP.</summary>
        public bool Truncated { get; }
        /// <summary>"udp" or "tcp": how this answer arrived.</summary>
        public string Transport { get; }
        /// <summary>From sending the query to this answer, the TCP retry included.</summary>
        public TimeSpan Elapsed { get; }

        internal static DnsAnswer From(DnsMessage reply, DnsPendingQuery query, string transport, bool truncated, TimeSpan elapsed)
        {
            var names = new List<string> { query.Name };
            var chain = new List<string>();
            var current = query.Name;
            while (true)
            {
                var alias = FindCname(reply, current);
                if (alias == null) break;
                chain.Add(alias);
                if (names.Exists(n => DnsName.AreEqual(n, alias))) break; // a loop: the repeat shows it
                names.Add(alias);
                current = alias;
            }

            var addresses = new List<IPAddress>();
            foreach (var record in reply.Answers)
            {
                if (record.Type != query.Type || record.Address == null) continue;
                if (!names.Exists(n => DnsName.AreEqual(n, record.Name))) continue; // not about our name: ignore
                if (!addresses.Contains(record.Address)) addresses.Add(record.Address);
            }

            return new DnsAnswer(query.Server, reply.Rcode, addresses, chain, truncated, transport, elapsed);
        }

        private static string? FindCname(DnsMessage reply, string owner)
        {
            foreach (var record in reply.Answers)
            {
                if (record.Type == DnsRecordType.CNAME && record.Target != null && DnsName.AreEqual(record.Name, owner)) return record.Target;
            }

            return null;
        }
    }
}
