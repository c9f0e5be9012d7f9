using System.Globalization;

namespace AksEgress.Probing.Dns
{
    /// <summary>The mnemonics people know from dig and nslookup, so evidence reads "NXDOMAIN", not "NXDomain".</summary>
    public static class DnsRcodeExtensions
    {
        /// <summary>"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", or "RCODE n" for the rest.</summary>
        public static string ToMnemonic(this DnsRcode rcode)
        {
            switch (rcode)
            {
                case DnsRcode.NoError: return "NOERROR";
                case DnsRcode.FormErr: return "FORMERR";
                case DnsRcode.ServFail: return "SERVFAIL";
                case DnsRcode.NXDomain: return "NXDOMAIN";
                case DnsRcode.NotImp: return "NOTIMP";
                case DnsRcode.Refused: return "REFUSED";
                default: return "RCODE " + ((int)rcode).ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
