using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// One HEAD request and its response head, over a plain, TLS or tunnelled stream. HEAD, because the probe needs
    /// the status and never the content.
    /// </summary>
    internal static class HttpExchange
    {
        private const int MaxHead = 16 * 1024;
        private const int MaxBody = 4 * 1024;
        // A HEAD answer normally has no body; one is only waited for this long (Azure Firewall sends its deny text anyway).
        private static readonly TimeSpan BodyGrace = TimeSpan.FromMilliseconds(500);

        /// <summary>The parsed response, or null when the server closed without answering at all.</summary>
        public static async Task<HttpResponseHead?> HeadAsync(ProbeContext context, Stream stream, string requestTarget, string hostHeader, string endpoint, string extraHeaders = "")
        {
            context.Begin(ProbeStep.HttpExchange, endpoint);
            var request = "HEAD " + requestTarget + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: AksEgress-Probe\r\nConnection: close\r\n" + extraHeaders + "\r\n";
            // Stream operations honour tokens only on some platforms (not .NET Framework's): closing is what always works.
            using (context.Token.Register(() => stream.Dispose()))
            {
                try
                {
                    var bytes = Encoding.ASCII.GetBytes(request);
                    await stream.WriteAsync(bytes, 0, bytes.Length, context.Token).ConfigureAwait(false);
                    await stream.FlushAsync(context.Token).ConfigureAwait(false);
                    var (head, rest) = await ReadHeadAsync(stream, oneByteAtATime: false, context.Token).ConfigureAwait(false);
                    if (head == null)
                        return null;
                    var response = HttpResponseHead.Parse(head);
                    if (NeedsBody(response))
                        response.Body = await ReadBodyAsync(stream, rest, response.ContentLength, context).ConfigureAwait(false);
                    return response;
                }
                catch (Exception e) when (!context.Token.IsCancellationRequested && (e is IOException || e is SocketException))
                {
                    // A reset before any byte of a response: the request itself was refused.
                    return null;
                }
            }
        }

        /// <summary>
        /// Reads up to the blank line. A CONNECT's response is read a byte at a time, so nothing of the tunnelled TLS
        /// that follows is swallowed. Returns the head text (null when closed before any byte) and any bytes past it.
        /// </summary>
        public static async Task<(string? Head, byte[] Remainder)> ReadHeadAsync(Stream stream, bool oneByteAtATime, CancellationToken cancel)
        {
            var received = new MemoryStream();
            var buffer = new byte[oneByteAtATime ? 1 : 4096];
            while (received.Length < MaxHead)
            {
                var n = await stream.ReadAsync(buffer, 0, buffer.Length, cancel).ConfigureAwait(false);
                if (n == 0)
                    break;
                received.Write(buffer, 0, n);
                var end = IndexOfBlankLine(received.GetBuffer(), (int)received.Length);
                if (end >= 0)
                {
                    var all = received.ToArray();
                    var rest = new byte[all.Length - end - 4];
                    Array.Copy(all, end + 4, rest, 0, rest.Length);
                    return (Encoding.ASCII.GetString(all, 0, end), rest);
                }
            }
            // Closed mid-head or a head too large: whatever arrived is still the best evidence.
            return received.Length == 0 ? ((string?)null, new byte[0]) : (Encoding.ASCII.GetString(received.ToArray()), new byte[0]);
        }

        // Only a denial's text is worth waiting for; a 200's body is not read at all.
        private static bool NeedsBody(HttpResponseHead response) =>
            (response.StatusCode == 470 || response.StatusCode == 403 || response.StatusCode == 407) && response.ContentLength != 0;

        private static async Task<string> ReadBodyAsync(Stream stream, byte[] start, long? contentLength, ProbeContext context)
        {
            var limit = (int)Math.Min(contentLength ?? MaxBody, MaxBody);
            var body = new MemoryStream();
            body.Write(start, 0, Math.Min(start.Length, limit));
            using (var grace = CancellationTokenSource.CreateLinkedTokenSource(context.Token))
            {
                grace.CancelAfter(BodyGrace);
                using (grace.Token.Register(() => stream.Dispose()))
                {
                    try
                    {
                        var buffer = new byte[1024];
                        while (body.Length < limit)
                        {
                            var n = await stream.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, limit - body.Length), grace.Token).ConfigureAwait(false);
                            if (n == 0)
                                break;
                            body.Write(buffer, 0, n);
                        }
                    }
                    catch (Exception) when (!context.Token.IsCancellationRequested)
                    {
                        // The grace ran out or the server reset: the status line decides, the body was only evidence.
                    }
                }
            }
            context.Token.ThrowIfCancellationRequested();
            return Encoding.UTF8.GetString(body.ToArray());
        }

        private static int IndexOfBlankLine(byte[] data, int length)
        {
            for (var i = 0; i + 3 < length; i++)
            {
                if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n')
                    return i;
            }
            return -1;
        }
    }
}
