using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// The TCP step. A reset is a TcpRefused, silence a TcpTimeout. With several addresses the next one is tried
    /// while time remains: each but the last gets an equal share of what is left, so one black-holed address
    /// cannot use up the whole budget (a node's client would move on too).
    /// </summary>
    internal static class TcpConnector
    {
        // More addresses would slice the budget too thin to tell a slow answer from none.
        private const int MaxAddresses = 3;

        public static async Task<Socket> ConnectAsync(ProbeContext context, IReadOnlyList<IPAddress> addresses, int port, ProbeStep step, string label = "")
        {
            var count = Math.Min(addresses.Count, MaxAddresses);
            ProbeFailure? last = null;
            for (var i = 0; i < count; i++)
            {
                var endpoint = ProbeText.Endpoint(addresses[i], port);
                context.Begin(step, label + endpoint);
                var isLast = i == count - 1;
                var share = isLast ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(Math.Max(0, context.Remaining.Ticks / (count - i)));
                try
                {
                    return await ConnectOneAsync(context.Token, addresses[i], port, share, label + endpoint).ConfigureAwait(false);
                }
                catch (ProbeFailure failure) when (!isLast)
                {
                    last = failure;
                }
                catch (ShareElapsedException) when (!isLast)
                {
                    last = new ProbeFailure(ProbeFailureKind.TcpTimeout, "no answer to SYN from " + label + endpoint);
                }
            }
            throw last ?? new ProbeFailure(ProbeFailureKind.TcpRefused, "no address to connect to");
        }

        private static async Task<Socket> ConnectOneAsync(CancellationToken probe, IPAddress address, int port, TimeSpan share, string endpoint)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var connected = false;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(probe))
            {
                attempt.CancelAfter(share);
                // ConnectAsync takes no token on netstandard2.0: closing the socket is what stops the SYN retries.
                using (attempt.Token.Register(() => socket.Dispose()))
                {
                    try
                    {
                        await socket.ConnectAsync(new IPEndPoint(address, port)).ConfigureAwait(false);
                        connected = true;
                    }
                    catch (Exception) when (probe.IsCancellationRequested)
                    {
                        throw new OperationCanceledException(probe);
                    }
                    catch (Exception) when (attempt.IsCancellationRequested)
                    {
                        throw new ShareElapsedException();
                    }
                    catch (SocketException e)
                    {
                        throw Classify(e.SocketErrorCode, endpoint);
                    }
                    finally
                    {
                        if (!connected)
                            socket.Dispose();
                    }
                }
                // The registration is gone, so the socket is ours to hand back, unless the timer closed it in the
                // instant between the connect completing and the registration ending.
                if (attempt.IsCancellationRequested)
                {
                    socket.Dispose();
                    probe.ThrowIfCancellationRequested();
                    throw new ShareElapsedException();
                }
                return socket;
            }
        }

        private static ProbeFailure Classify(SocketError error, string endpoint)
        {
            switch (error)
            {
                case SocketError.ConnectionRefused:
                    return new ProbeFailure(ProbeFailureKind.TcpRefused, "connection refused (RST) by " + endpoint);
                case SocketError.TimedOut:
                    // The kernel gave up on its own before our timeout (a very long -TimeoutSec).
                    return new ProbeFailure(ProbeFailureKind.TcpTimeout, "no answer to SYN (" + endpoint + ")");
                case SocketError.NetworkUnreachable:
                case SocketError.HostUnreachable:
                    // An ICMP unreachable or no route: rejected rather than ignored, hence not a timeout.
                    return new ProbeFailure(ProbeFailureKind.TcpRefused, (error == SocketError.NetworkUnreachable ? "network" : "host") + " unreachable (ICMP or no route) for " + endpoint);
                default:
                    return new ProbeFailure(ProbeFailureKind.TcpRefused, "connect failed (" + error + ") to " + endpoint);
            }
        }

        /// <summary>This address's share of the time ran out, not the probe's.</summary>
        private sealed class ShareElapsedException : Exception
        {
        }
    }
}
