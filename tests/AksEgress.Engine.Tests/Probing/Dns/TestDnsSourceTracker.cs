using System.Net;

namespace AksEgress.Engine.Tests.Probing.Dns
{
    /// <summary>
    /// Counts, as the server sees it, how many client sockets have a query in hand at the same moment: each source
    /// address and port is one socket on the client's side. The peak is what -ThrottleLimit is meant to bound.
    /// </summary>
    internal sealed class TestDnsSourceTracker
    {
        private readonly object _gate = new();
        private readonly Dictionary<IPEndPoint, int> _busy = new();
        private int _peak;

        public int Peak
        {
            get
            {
                lock (_gate) return _peak;
            }
        }

        public void Begin(IPEndPoint source)
        {
            lock (_gate)
            {
                _busy[source] = _busy.GetValueOrDefault(source) + 1;
                _peak = Math.Max(_peak, _busy.Count);
            }
        }

        public void End(IPEndPoint source)
        {
            lock (_gate)
            {
                if (--_busy[source] == 0) _busy.Remove(source);
            }
        }
    }
}
