using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// The TLS step, with SNI = the rule's host. Azure Firewall decides on the SNI and closes the connection right after
    /// the ClientHello; a TLS-inspecting proxy completes it with its own CA's certificate. Both are told apart here.
    /// </summary>
    internal static class TlsHandshake
    {
        public static async Task<SslStream> AuthenticateAsync(ProbeContext context, Stream transport, string host, string endpoint)
        {
            context.Begin(ProbeStep.TlsHandshake, endpoint);
            var capture = new CertificateCapture(context.Options.CertificateValidator);
            var ssl = new SslStream(transport, false, capture.Validate);
            var ok = false;
            try
            {
                // AuthenticateAsClientAsync takes no token on netstandard2.0: closing the stream ends a stalled handshake.
                using (context.Token.Register(() => ssl.Dispose()))
                {
                    try
                    {
                        // SslProtocols.None: the platform's default versions, as a node's clients would offer. Started on
                        // the pool and raced against the token, so whatever the call does before its first await (on first
                        // use it loads the platform's TLS library) never holds the probe past its timeout.
                        var handshake = Task.Run(() => ssl.AuthenticateAsClientAsync(host, null, SslProtocols.None, false));
                        await CancellableTasks.WaitAsync(handshake, context.Token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!context.Token.IsCancellationRequested && (e is IOException || e is AuthenticationException || e is SocketException))
                    {
                        throw Classify(e, capture);
                    }
                }
                context.Token.ThrowIfCancellationRequested();
                if (!capture.Trusted)
                    throw new ProbeFailure(ProbeFailureKind.TlsIntercepted, capture.Describe());
                ok = true;
                return ssl;
            }
            finally
            {
                if (!ok)
                    ssl.Dispose();
            }
        }

        private static ProbeFailure Classify(Exception error, CertificateCapture capture)
        {
            if (capture.Seen)
            {
                // The server's certificate arrived, so the hello was answered: a failure this late is not a deny on SNI.
                return capture.Trusted
                    ? new ProbeFailure(ProbeFailureKind.TlsClosedAfterHello, "TLS handshake failed after the certificate: " + Innermost(error))
                    : new ProbeFailure(ProbeFailureKind.TlsIntercepted, capture.Describe());
            }
            if (IsReset(error))
                return new ProbeFailure(ProbeFailureKind.TlsClosedAfterHello, "connection closed after ClientHello (reset)");
            if (IsEof(error))
                return new ProbeFailure(ProbeFailureKind.TlsClosedAfterHello, "connection closed after ClientHello");
            // An alert or bytes that are not TLS: the hello was refused all the same, with the platform's words as evidence.
            return new ProbeFailure(ProbeFailureKind.TlsClosedAfterHello, "TLS handshake refused after ClientHello: " + Innermost(error));
        }

        private static bool IsReset(Exception error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                if (e is SocketException s && (s.SocketErrorCode == SocketError.ConnectionReset || s.SocketErrorCode == SocketError.ConnectionAborted))
                    return true;
            }
            return false;
        }

        // SslStream reports a peer's FIN as "unexpected EOF or 0 bytes from the transport stream" (IOException or
        // AuthenticationException, depending on the platform and version).
        private static bool IsEof(Exception error)
        {
            for (var e = error; e != null; e = e.InnerException)
            {
                var m = e.Message;
                if (m.IndexOf("EOF", StringComparison.OrdinalIgnoreCase) >= 0 || m.IndexOf("0 bytes", StringComparison.OrdinalIgnoreCase) >= 0)
                    return true;
            }
            return false;
        }

        private static string Innermost(Exception error)
        {
            var e = error;
            while (e.InnerException != null)
                e = e.InnerException;
            return ProbeText.OneLine(e.Message, 200);
        }
    }
}
