using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>
    /// A TCP port on 127.0.0.1 whose SYNs go unanswered, as behind a firewall that drops silently. Two ways:
    /// <list type="bullet">
    /// <item>As root with nft: an inet-family table whose output hook drops TCP to 127.0.0.1:Port, in front of a real
    /// listener (so without the rule the port would connect). The table is named after this process and removed on Dispose;
    /// tables left by a process that died are removed the next time.</item>
    /// <item>Otherwise: a listener with backlog 1 whose accept queue is filled by connections never accepted. Linux then
    /// drops further SYNs (tcp_conn_request drops when the accept queue is full; no RST unless tcp_abort_on_overflow),
    /// so a connect sees no answer. The fill is counted by the kernel's own accept-queue length, never by a connect
    /// timing out (under a loaded test run a completed connect can be seen late, which made a timing-based fill flaky).
    /// Windows answers a full backlog with RST instead, so there the fallback fails loudly rather than lie.</item>
    /// </list>
    /// Either way the result is checked before use: a connect to the port must go unanswered for 300 ms.
    /// </summary>
    internal sealed class BlackHole : IDisposable
    {
        private const string TablePrefix = "aksegress_bh_";
        // How long a connect must go unanswered to count as dropped. Loopback answers in microseconds; the margin is for
        // a loaded machine, and nothing is decided by a connect timing out except this final check.
        private static readonly TimeSpan Unanswered = TimeSpan.FromMilliseconds(300);
        // A connect to a listener with room in its queue always completes; this only bounds a broken system.
        private static readonly TimeSpan Completes = TimeSpan.FromSeconds(3);

        private readonly List<Socket> _fillers = new();
        private TcpListener? _listener;
        private string? _nft;
        private string? _table;

        static BlackHole() => ProbeKit.EnsurePoolHeadroom();

        private BlackHole()
        {
        }

        /// <summary>The loopback port that drops SYNs.</summary>
        public int Port { get; private set; }

        /// <summary>How the hole was made, and why nftables was not used when it was not; tests print it.</summary>
        public string Mode { get; private set; } = "";

        public static Task<BlackHole> CreateAsync() => new BlackHole().MakeAsync(allowNftables: true);

        /// <summary>Always the fallback: lets CI prove it works even where nftables is there.</summary>
        public static Task<BlackHole> CreateWithoutNftablesAsync() => new BlackHole().MakeAsync(allowNftables: false);

        private async Task<BlackHole> MakeAsync(bool allowNftables)
        {
            var nft = allowNftables ? FindNft() : null;
            var reason = !allowNftables ? "nftables not wanted by this test"
                : !IsRoot() ? "not running as root"
                : nft == null ? "nft not found on PATH"
                : "";

            if (reason.Length == 0)
            {
                _listener = new TcpListener(IPAddress.Loopback, 0);
                _listener.Start();
                Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
                RemoveStaleTables(nft!);
                var table = TablePrefix + Environment.ProcessId + "_" + Port;
                var rules = "table inet " + table + " {\n chain output {\n  type filter hook output priority 0; policy accept;\n  ip daddr 127.0.0.1 tcp dport " + Port + " drop\n }\n}\n";
                var (ok, error) = Run(nft!, "-f -", rules);
                if (ok)
                {
                    _nft = nft;
                    _table = table;
                    if (!await ConnectsWithinAsync(Port, Unanswered))
                    {
                        Mode = "nftables drop rule (table inet " + table + ")";
                        return this;
                    }
                }
                reason = ok ? "the nft rule did not stop a connect" : "nft failed: " + error.Trim();
                Dispose();
                _fillers.Clear();
                _nft = null;
                _table = null;
            }

            // Linux queues backlog + 1 connections (full when more than the backlog wait), so backlog 1 takes two.
            // The kernel's own count (/proc/net/tcp's rx_queue of a listening socket) says when it is full; without
            // /proc, two completed connects are taken as full. No connect's timing decides anything here.
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start(1);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            for (var i = 0; i < 8; i++)
            {
                var queued = AcceptQueueLength(Port);
                if (queued > 1 || (queued == null && _fillers.Count >= 2))
                    break;
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                _fillers.Add(filler);
                if (!await TryConnectAsync(filler, Port, Completes))
                    break;
            }
            if (!await ConnectsWithinAsync(Port, Unanswered))
            {
                Mode = "SYN-queue fill (listener backlog 1, " + _fillers.Count + " connections never accepted, queue "
                    + (AcceptQueueLength(Port)?.ToString() ?? "length unknown") + "), because " + reason;
                return this;
            }
            Dispose();
            throw new InvalidOperationException("No black hole on this system: nftables unusable (" + reason + ") and a full accept queue does not drop SYNs here.");
        }

        public void Dispose()
        {
            if (_nft != null && _table != null)
                Run(_nft, "delete table inet " + _table, null);
            foreach (var filler in _fillers)
                filler.Dispose();
            _listener?.Stop();
        }

        /// <summary>Whether a connect to 127.0.0.1:<paramref name="port"/> completes within <paramref name="wait"/>.</summary>
        internal static async Task<bool> ConnectsWithinAsync(int port, TimeSpan wait)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            return await TryConnectAsync(socket, port, wait);
        }

        private static async Task<bool> TryConnectAsync(Socket socket, int port, TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>The listening socket's accept-queue length (rx_queue in /proc/net/tcp); null when unknown.</summary>
        private static int? AcceptQueueLength(int port)
        {
            try
            {
                var local = "0100007F:" + port.ToString("X4");
                foreach (var line in File.ReadLines("/proc/net/tcp"))
                {
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    // sl local rem st tx_queue:rx_queue ...; 0A is LISTEN.
                    if (fields.Length > 4 && fields[1] == local && fields[3] == "0A")
                        return Convert.ToInt32(fields[4].Split(':')[1], 16);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
            return null;
        }

        private static bool IsRoot()
        {
            if (!OperatingSystem.IsLinux())
                return false;
            var (ok, output) = Run("id", "-u", null);
            return ok ? output.Trim() == "0" : Environment.UserName == "root";
        }

        private static string? FindNft()
        {
            if (!OperatingSystem.IsLinux())
                return null;
            var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(new[] { "/usr/sbin", "/sbin" });
            return path.Where(d => d.Length > 0).Select(d => Path.Combine(d, "nft")).FirstOrDefault(File.Exists);
        }

        private static void RemoveStaleTables(string nft)
        {
            var (ok, output) = Run(nft, "list tables", null);
            if (!ok)
                return;
            foreach (Match m in Regex.Matches(output, @"table inet (" + TablePrefix + @"(\d+)_\d+)"))
            {
                var pid = int.Parse(m.Groups[2].Value);
                if (pid != Environment.ProcessId && !IsAlive(pid))
                    Run(nft, "delete table inet " + m.Groups[1].Value, null);
            }
        }

        private static bool IsAlive(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        /// <summary>Runs a tool; (succeeded, stdout or stderr).</summary>
        private static (bool Ok, string Output) Run(string file, string arguments, string? input)
        {
            try
            {
                var start = new ProcessStartInfo(file, arguments)
                {
                    RedirectStandardInput = input != null,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                using var process = Process.Start(start)!;
                if (input != null)
                {
                    process.StandardInput.Write(input);
                    process.StandardInput.Close();
                }
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(10_000))
                {
                    process.Kill();
                    return (false, "timed out");
                }
                return process.ExitCode == 0 ? (true, stdout.Result) : (false, stderr.Result);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return (false, e.Message);
            }
        }
    }
}
