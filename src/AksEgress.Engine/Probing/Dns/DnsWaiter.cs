using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// One query of an exchange waiting for its reply. Its answer, its failure or its withdrawal settles it once;
    /// whatever comes after (a duplicate reply, a late timeout) is ignored.
    /// </summary>
    internal sealed class DnsWaiter
    {
        // Asynchronous continuations: a reply is handed over by the exchange's receive loop, which must go on
        // reading rather than run the caller's code (and its next query) inline.
        private readonly TaskCompletionSource<DnsMessage> _reply = new TaskCompletionSource<DnsMessage>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Not disposed: it has no timer, and a retransmission delay may still be registered on it when it is settled.
        private readonly CancellationTokenSource _settled = new CancellationTokenSource();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _sentOn;

        /// <param name="limit">The time the exchange had left when this query was asked: no retransmission after it.</param>
        public DnsWaiter(DnsPendingQuery query, TimeSpan limit)
        {
            Query = query;
            Limit = limit;
        }

        public DnsPendingQuery Query { get; }
        public TimeSpan Limit { get; }

        /// <summary>Since the query was asked.</summary>
        public TimeSpan Elapsed => _clock.Elapsed;

        public Task<DnsMessage> Reply => _reply.Task;

        /// <summary>Cancelled once the query is settled: stops its retransmissions.</summary>
        public CancellationToken Settled => _settled.Token;

        /// <summary>Its own UDP reply had TC=1 (set before the TCP reply settles it).</summary>
        public bool Truncated { get; set; }

        /// <summary>"udp" or "tcp": how the reply came.</summary>
        public string Transport { get; private set; } = "udp";

        /// <summary>
        /// True for the first caller to send this query on the channel with that number. The exchange's receive loop and
        /// the asking caller may both see a fresh channel; this makes sure the query goes out on it once.
        /// </summary>
        public bool ClaimSend(int channel) => Interlocked.Exchange(ref _sentOn, channel) != channel;

        public void Answer(DnsMessage reply, string transport)
        {
            Transport = transport;
            if (_reply.TrySetResult(reply)) _settled.Cancel();
        }

        public void Fail(Exception failure)
        {
            if (_reply.TrySetException(failure)) _settled.Cancel();
        }
    }
}
