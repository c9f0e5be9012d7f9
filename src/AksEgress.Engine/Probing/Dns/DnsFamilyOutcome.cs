using System.Collections.Generic;
using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>How one address family (the A or the AAAA side of a resolution) ended: addresses, or evidence.</summary>
    internal sealed class DnsFamilyOutcome
    {
        private DnsFamilyOutcome(IReadOnlyList<IPAddress> addresses, string? evidence, bool isEmpty, string chain)
        {
            Addresses = addresses;
            Evidence = evidence;
            IsEmpty = isEmpty;
            Chain = chain;
        }

        public IReadOnlyList<IPAddress> Addresses { get; }
        /// <summary>Null when there are addresses.</summary>
        public string? Evidence { get; }
        /// <summary>NOERROR with no record of this type: not an error on its own, only when both families are empty.</summary>
        public bool IsEmpty { get; }
        /// <summary>"a -> b -> c" when CNAMEs were followed, else "" (so two empty outcomes can be merged).</summary>
        public string Chain { get; }

        public static DnsFamilyOutcome Of(IReadOnlyList<IPAddress> addresses) => new DnsFamilyOutcome(addresses, null, false, "");

        public static DnsFamilyOutcome Failed(string evidence) => new DnsFamilyOutcome(new IPAddress[0], evidence, false, "");

        public static DnsFamilyOutcome Empty(string evidence, string chain) => new DnsFamilyOutcome(new IPAddress[0], evidence, true, chain);
    }
}
