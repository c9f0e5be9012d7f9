using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>
    /// A DNS server on 127.0.0.1, UDP and TCP on the same port, whose behaviour each test sets per name
    /// (see <see cref="TestDnsZone"/>). It records every query it receives.
    /// </summary>
    internal sealed class TestDnsServer : IAsyncDisposable
    {
        private readonly Socket _udp;
        private readonly Socket? _tcp;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentDictionary<string, TestDnsZone> _zones = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, int> _dropped = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<Task> _loops = new();
        private readonly ConcurrentBag<Socket> _connections = new();
        private int _tcpConnections;

        private TestDnsServer(Socket udp, Socket? tcp, bool compress)
        {
            _udp = udp;
            _tcp = tcp;
            Compress = compress;
            EndPoint = (IPEndPoint)udp.LocalEndPoint!;
            _loops.Add(Task.Run(UdpLoopAsync));
            if (tcp != null) _loops.Add(Task.Run(TcpLoopAsync));
        }

        public IPEndPoint EndPoint { get; }

        /// <summary>"127.0.0.1:port", as the evidence names the server.</summary>
        public string Name => EndPoint.ToString();

        public bool Compress { get; }

        public ConcurrentQueue<(string Transport, string Name, int Type)> Queries { get; } = new();

        /// <summary>The id of every query received, in order.</summary>
        public ConcurrentQueue<ushort> Ids { get; } = new();

        /// <summary>Every query with the client socket it came from, in order.</summary>
        public ConcurrentQueue<TestDnsReceived> Received { get; } = new();

        /// <summary>Client UDP sockets with a query the server is still working on, at the same moment.</summary>
        public TestDnsSourceTracker UdpSources { get; } = new();

        /// <summary>TCP connections accepted.</summary>
        public int TcpConnections => _tcpConnections;

        /// <summary>
        /// For each TCP connection, when it was accepted: how many of the client UDP sockets seen so far were still open
        /// (their port could not be bound). Zero means the client closed its UDP socket before it connected.
        /// </summary>
        public ConcurrentQueue<int> UdpSocketsOpenAtTcpConnect { get; } = new();

        public TestDnsZone this[string name]
        {
            get => _zones[name];
            set => _zones[name] = value;
        }

        /// <param name="tcp">False: nothing listens on TCP, so a TCP retry is refused.</param>
        public static TestDnsServer Start(bool tcp = true, bool compress = true)
        {
            for (var attempt = 0; ; attempt++)
            {
                var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                if (!tcp) return new TestDnsServer(udp, null, compress);

                var stream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    stream.Bind(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)udp.LocalEndPoint!).Port));
                    stream.Listen(16);
                    return new TestDnsServer(udp, stream, compress);
                }
                catch (SocketException) when (attempt < 20)
                {
                    // That port number is taken for TCP; try another pair.
                    stream.Dispose();
                    udp.Dispose();
                }
            }
        }

        public int CountQueries(string transport, string name) =>
            Queries.Count(q => q.Transport == transport && string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase));

        private async Task UdpLoopAsync()
        {
            var buffer = new byte[65535];
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue; // e.g. an ICMP error for an earlier reply to a client that is gone
                }

                var query = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
                var client = (IPEndPoint)received.RemoteEndPoint;
                UdpSources.Begin(client); // here, not in the task: the count must not depend on when the task starts
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await AnswerUdpAsync(query, client);
                    }
                    finally
                    {
                        UdpSources.End(client);
                    }
                });
            }
        }

        private async Task AnswerUdpAsync(byte[] bytes, IPEndPoint client)
        {
            var query = ParseQuery(bytes);
            Ids.Enqueue(query.Id);
            Received.Enqueue(new TestDnsReceived("udp", client, query.Id, query.Name, query.Type));
            Queries.Enqueue(("udp", query.Name, query.Type));
            _zones.TryGetValue(query.Name, out var zone);
            if (zone != null && (zone.Silent || zone.SilentTypes.Contains(query.Type))) return;
            if (zone != null && zone.DropFirst > 0 && _dropped.AddOrUpdate(query.Name, 1, (_, n) => n + 1) <= zone.DropFirst) return;

            try
            {
                if (zone != null && zone.UdpDelay > TimeSpan.Zero) await Task.Delay(zone.UdpDelay, _stop.Token);
                if (zone?.Raw != null)
                {
                    await _udp.SendToAsync(zone.Raw(query.Id, bytes), SocketFlags.None, client);
                    return;
                }

                if (zone?.WrongIdFirst == true)
                {
                    await _udp.SendToAsync(Reply(query, unchecked((ushort)(query.Id + 1)), query.Name, 0, false, Stray(query)), SocketFlags.None, client);
                }

                if (zone?.OtherQuestionFirst == true)
                {
                    await _udp.SendToAsync(Reply(query, query.Id, "other.test", 0, false, Stray(query, "other.test")), SocketFlags.None, client);
                }

                if (zone?.OtherSourceFirst == true)
                {
                    using var other = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                    other.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                    await other.SendToAsync(Reply(query, query.Id, query.Name, 0, false, Stray(query)), SocketFlags.None, client);
                }

                if (zone?.SwappedQuestionFirst == true)
                {
                    var swapped = query with { Type = query.Type == 1 ? 28 : 1 };
                    var bogus = new List<Action<TestDnsWriter>> { w => w.Address(query.Name, TestDnsZone.Bogus), w => w.Address(query.Name, IPAddress.Parse("fd66::6")) };
                    await _udp.SendToAsync(Reply(swapped, query.Id, query.Name, 0, false, bogus), SocketFlags.None, client);
                }

                if (zone != null && (zone.WrongIdFirst || zone.OtherQuestionFirst || zone.OtherSourceFirst || zone.SwappedQuestionFirst)) await Task.Delay(50);

                var (rcode, records) = Answer(query.Name, query.Type);
                var truncate = zone != null && (zone.TruncateOverUdp || zone.TruncateTypes.Contains(query.Type));
                if (truncate) records = records.Take(1).ToList();
                var echoed = zone?.EchoUpperCase == true ? query.Name.ToUpperInvariant() : query.Name;
                await _udp.SendToAsync(Reply(query, query.Id, echoed, rcode, truncate, records), SocketFlags.None, client);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
            {
                // The server is stopping.
            }
        }

        private async Task TcpLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket connection;
                try
                {
                    connection = await _tcp!.AcceptAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException || e is SocketException)
                {
                    return;
                }

                Interlocked.Increment(ref _tcpConnections);
                UdpSocketsOpenAtTcpConnect.Enqueue(CountOpenUdpSources());
                _connections.Add(connection);
                _ = Task.Run(() => ServeTcpAsync(connection));
            }
        }

        /// <summary>Several queries may come over one connection, each with its 2-byte length.</summary>
        private async Task ServeTcpAsync(Socket connection)
        {
            try
            {
                using var stream = new NetworkStream(connection, ownsSocket: true);
                var prefix = new byte[2];
                while (true)
                {
                    await stream.ReadExactlyAsync(prefix, _stop.Token);
                    var bytes = new byte[(prefix[0] << 8) | prefix[1]];
                    await stream.ReadExactlyAsync(bytes, _stop.Token);
                    var query = ParseQuery(bytes);
                    Ids.Enqueue(query.Id);
                    Received.Enqueue(new TestDnsReceived("tcp", (IPEndPoint)connection.RemoteEndPoint!, query.Id, query.Name, query.Type));
                    Queries.Enqueue(("tcp", query.Name, query.Type));
                    _zones.TryGetValue(query.Name, out var zone);
                    if (zone?.SilentOverTcp == true)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }

                    var (rcode, records) = Answer(query.Name, query.Type);
                    var reply = zone?.Raw != null ? zone.Raw(query.Id, bytes) : Reply(query, query.Id, query.Name, rcode, false, records);
                    var framed = new byte[reply.Length + 2];
                    framed[0] = (byte)(reply.Length >> 8);
                    framed[1] = (byte)reply.Length;
                    reply.CopyTo(framed, 2);
                    await stream.WriteAsync(framed, _stop.Token);
                    if (zone?.CloseTcpAfterAnswer == true)
                    {
                        // FIN after the answer, then read until the client closes: closing with its next query unread
                        // would send a reset that could destroy the answer in flight.
                        connection.Shutdown(SocketShutdown.Send);
                        var drain = new byte[512];
                        while (await stream.ReadAsync(drain, _stop.Token) > 0)
                        {
                        }

                        return;
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is OperationCanceledException || e is ObjectDisposedException || e is SocketException || e is EndOfStreamException)
            {
                // The client closed the connection, or the server is stopping.
            }
        }

        private int CountOpenUdpSources() =>
            Received.Where(r => r.Transport == "udp").Select(r => r.Source).Distinct().Count(TestUdpPorts.IsHeld);

        /// <summary>The answer records for a name and type, following aliases that carry their target (bounded for loops).</summary>
        private (int Rcode, List<Action<TestDnsWriter>> Records) Answer(string name, int type)
        {
            var records = new List<Action<TestDnsWriter>>();
            if (!_zones.TryGetValue(name, out var zone)) return (3, records);

            var current = name;
            for (var depth = 0; depth < 20 && zone != null; depth++)
            {
                var owner = current;
                if (zone.Cname != null)
                {
                    var target = zone.Cname;
                    records.Add(w => w.Cname(owner, target));
                    if (!zone.IncludeTarget) break;
                    current = target;
                    _zones.TryGetValue(current, out zone);
                    continue;
                }

                foreach (var text in type == 1 ? zone.A : type == 28 ? zone.Aaaa : new List<string>())
                {
                    var address = IPAddress.Parse(text);
                    records.Add(w => w.Address(owner, address));
                }

                break;
            }

            return (_zones[name].Rcode, records);
        }

        private static List<Action<TestDnsWriter>> Stray(TestDnsQuery query, string? owner = null)
        {
            var address = query.Type == 28 ? IPAddress.Parse("fd66::6") : TestDnsZone.Bogus;
            return new List<Action<TestDnsWriter>> { w => w.Address(owner ?? query.Name, address) };
        }

        private byte[] Reply(TestDnsQuery query, ushort id, string questionName, int rcode, bool truncated, List<Action<TestDnsWriter>> records)
        {
            var writer = new TestDnsWriter(Compress)
                .Header(id, TestDnsWriter.Flags(truncated: truncated, rcode: rcode), 1, records.Count)
                .Question(questionName, query.Type);
            foreach (var record in records) record(writer);
            return writer.ToArray();
        }

        /// <summary>Queries from the client under test are uncompressed with one question.</summary>
        internal static TestDnsQuery ParseQuery(byte[] bytes)
        {
            var id = (ushort)((bytes[0] << 8) | bytes[1]);
            var position = 12;
            var labels = new List<string>();
            while (bytes[position] != 0)
            {
                labels.Add(Encoding.ASCII.GetString(bytes, position + 1, bytes[position]));
                position += bytes[position] + 1;
            }

            position++;
            var type = (bytes[position] << 8) | bytes[position + 1];
            return new TestDnsQuery(id, string.Join('.', labels), type, (ushort)((bytes[2] << 8) | bytes[3]));
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _udp.Dispose();
            _tcp?.Dispose();
            foreach (var connection in _connections) connection.Dispose();
            await Task.WhenAll(_loops);
            _stop.Dispose();
        }
    }
}
