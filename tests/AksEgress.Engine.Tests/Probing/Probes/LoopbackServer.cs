using System.Net;
using System.Net.Sockets;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>
    /// A TCP listener on 127.0.0.1 (an ephemeral port) that runs a handler per connection. It records when a client
    /// closed its side, so tests can check the probe released its socket.
    /// </summary>
    internal sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Func<Socket, CancellationToken, Task> _handler;
        private readonly List<Socket> _accepted = new();
        private int _connections;

        public LoopbackServer(Func<Socket, CancellationToken, Task> handler)
        {
            _handler = handler;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }
        public int Connections => Volatile.Read(ref _connections);

        /// <summary>Completed when a handler saw the client close or reset its side (a read returning 0 or failing).</summary>
        public TaskCompletionSource ClientClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception)
                {
                    return;
                }
                Interlocked.Increment(ref _connections);
                lock (_accepted)
                    _accepted.Add(socket);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await _handler(socket, _stop.Token);
                    }
                    catch (Exception)
                    {
                        // The probe closing first is part of most tests.
                    }
                    finally
                    {
                        socket.Dispose();
                    }
                });
            }
        }

        /// <summary>Waits until the client closes (or the server stops), recording it.</summary>
        public async Task WaitForCloseAsync(Stream stream, CancellationToken stop)
        {
            var buffer = new byte[4096];
            try
            {
                while (await stream.ReadAsync(buffer, stop) > 0)
                {
                }
                ClientClosed.TrySetResult();
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                ClientClosed.TrySetResult();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_accepted)
            {
                foreach (var socket in _accepted)
                    socket.Dispose();
            }
        }
    }
}
