using System;
using System.Net.Sockets;
using System.Threading;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Ends a socket's pending work when the query's time is up or the caller cancels. The netstandard2.0 socket
    /// tasks take no CancellationToken, so closing the socket is the only way to stop a receive or connect promptly.
    /// </summary>
    internal sealed class DnsSocketDeadline : IDisposable
    {
        private readonly CancellationToken _cancel;
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _linked;
        private readonly CancellationTokenRegistration _abort;

        public DnsSocketDeadline(Socket socket, TimeSpan timeout, CancellationToken cancel)
        {
            _cancel = cancel;
            _timer = new CancellationTokenSource(timeout);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _timer.Token);
            _abort = _linked.Token.Register(state => ((Socket)state!).Dispose(), socket);
        }

        /// <summary>Cancelled when the time is up or the caller cancelled; for waits that take a token.</summary>
        public CancellationToken Token => _linked.Token;

        /// <summary>True once the socket has been (or is being) closed for either reason.</summary>
        public bool IsOver => _linked.IsCancellationRequested;

        /// <summary>
        /// Whether an exception is just the socket being closed under a pending operation, after <see cref="IsOver"/>.
        /// Such exceptions say nothing about the server and are replaced by <see cref="Ended"/>.
        /// </summary>
        public bool IsAbort(Exception e) =>
            IsOver && (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException);

        /// <summary>The caller's cancellation wins over the timeout when both happened.</summary>
        public Exception Ended() => _cancel.IsCancellationRequested ? new OperationCanceledException(_cancel) : new TimeoutException();

        public void Dispose()
        {
            _abort.Dispose();
            _linked.Dispose();
            _timer.Dispose();
        }
    }
}
