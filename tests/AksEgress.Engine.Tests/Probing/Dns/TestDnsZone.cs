using System.Net;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>How the test server answers for one name. Unknown names get NXDOMAIN.</summary>
    internal sealed class TestDnsZone
    {
        public List<string> A { get; } = new();
        public List<string> Aaaa { get; } = new();

        /// <summary>The name is an alias of this target.</summary>
        public string? Cname { get; set; }

        /// <summary>With <see cref="Cname"/>: the answer also carries the target's records, as a recursive server sends it.
        /// Without: only the alias, and the client must ask for the target itself.</summary>
        public bool IncludeTarget { get; set; }

        public int Rcode { get; set; }

        /// <summary>Query types that get no answer at all (1 = A, 28 = AAAA).</summary>
        public HashSet<int> SilentTypes { get; } = new();

        /// <summary>No answer for any type: the timeout case.</summary>
        public bool Silent { get; set; }

        /// <summary>UDP replies carry TC=1 and only the first record; TCP gets the whole answer.</summary>
        public bool TruncateOverUdp { get; set; }

        /// <summary>Only queries of these types get a truncated UDP reply (1 = A, 28 = AAAA).</summary>
        public HashSet<int> TruncateTypes { get; } = new();

        /// <summary>How long the server works on each UDP query before it answers.</summary>
        public TimeSpan UdpDelay { get; set; }

        /// <summary>After answering one query over TCP the server ends the connection (RFC 7766 lets it).</summary>
        public bool CloseTcpAfterAnswer { get; set; }

        /// <summary>
        /// Before the real reply: one with the right id but the question of the other family (A for AAAA and back), with
        /// bogus records of both types.
        /// </summary>
        public bool SwappedQuestionFirst { get; set; }

        /// <summary>TCP connections are accepted but never answered.</summary>
        public bool SilentOverTcp { get; set; }

        /// <summary>Before the real reply: one with another id (and the address 6.6.6.6) from the server's socket.</summary>
        public bool WrongIdFirst { get; set; }

        /// <summary>Before the real reply: the right id and question, but from another socket (another source port).</summary>
        public bool OtherSourceFirst { get; set; }

        /// <summary>Before the real reply: the right id, but the question is for another name.</summary>
        public bool OtherQuestionFirst { get; set; }

        /// <summary>Echo the question in upper case (servers may echo the case they stored, and 0x20 randomization exists).</summary>
        public bool EchoUpperCase { get; set; }

        /// <summary>How many UDP queries for this name are ignored before answering (retransmission tests).</summary>
        public int DropFirst { get; set; }

        /// <summary>Replaces the reply: gets the query's id and bytes, returns the exact bytes to send.</summary>
        public Func<ushort, byte[], byte[]>? Raw { get; set; }

        /// <summary>The addresses that mark a reply the client must have ignored.</summary>
        public static readonly IPAddress Bogus = IPAddress.Parse("6.6.6.6");
    }
}
