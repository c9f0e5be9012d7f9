using System;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// An SNTP client request (RFC 4330/5905): UDP 123 is only proven open by a real server's reply, and the reply
    /// must echo our transmit timestamp in its originate field so a stray datagram cannot pass for one.
    /// </summary>
    internal static class NtpProbe
    {
        // NTP counts seconds from 1900-01-01 UTC.
        private static readonly DateTime Era = new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public static async Task<ProbeOutcome> RunAsync(ProbeContext context)
        {
            var addresses = await HostResolution.ResolveAsync(context, context.Plan.Host).ConfigureAwait(false);
            var destination = new IPEndPoint(addresses[0], context.Port);
            context.Begin(ProbeStep.NtpExchange, ProbeText.Endpoint(destination.Address, destination.Port));

            var request = new byte[48];
            request[0] = (4 << 3) | 3; // LI 0, version 4, mode 3 (client)
            var sent = DateTime.UtcNow;
            WriteTimestamp(request, 40, sent);
            var nonce = new byte[2];
            using (var random = RandomNumberGenerator.Create())
                random.GetBytes(nonce);
            // The fraction's lowest bits are below the clock's resolution: random there, so the echo is unguessable.
            request[46] = nonce[0];
            request[47] = nonce[1];

            var reply = await UdpExchange.RunAsync(context, destination, request, (data, n) => IsReply(data, n, request), ProbeFailureKind.NtpNoReply).ConfigureAwait(false);
            var received = DateTime.UtcNow;

            var t1 = ReadTimestamp(request, 40);
            var t2 = ReadTimestamp(reply, 32);
            var t3 = ReadTimestamp(reply, 40);
            var t4 = Seconds(received);
            var offsetMs = ((t2 - t1) + (t3 - t4)) / 2 * 1000;
            var stratum = reply[1];
            var detail = "stratum " + stratum + ", offset " + ProbeText.Milliseconds(offsetMs) + " ms";
            if (stratum == 0)
                detail += " (kiss-o'-death " + System.Text.Encoding.ASCII.GetString(reply, 12, 4).TrimEnd('\0') + ")"; // a server saying "not now" is still a server
            return context.Pass(detail);
        }

        internal static bool IsReply(byte[] data, int length, byte[] request)
        {
            if (length < 48)
                return false;
            var version = (data[0] >> 3) & 7;
            var mode = data[0] & 7;
            if (mode != 4 || version < 1 || version > 4)
                return false;
            for (var i = 0; i < 8; i++)
            {
                if (data[24 + i] != request[40 + i])
                    return false;
            }
            return true;
        }

        private static double Seconds(DateTime utc) => (utc - Era).TotalSeconds;

        private static void WriteTimestamp(byte[] buffer, int offset, DateTime utc)
        {
            var seconds = Seconds(utc);
            var whole = Math.Floor(seconds);
            var secs = (uint)whole;
            var fraction = (uint)((seconds - whole) * 4294967296.0);
            for (var i = 0; i < 4; i++)
            {
                buffer[offset + i] = (byte)(secs >> (24 - 8 * i));
                buffer[offset + 4 + i] = (byte)(fraction >> (24 - 8 * i));
            }
        }

        private static double ReadTimestamp(byte[] buffer, int offset)
        {
            uint secs = 0, fraction = 0;
            for (var i = 0; i < 4; i++)
            {
                secs = (secs << 8) | buffer[offset + i];
                fraction = (fraction << 8) | buffer[offset + 4 + i];
            }
            return secs + fraction / 4294967296.0;
        }
    }
}
