using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// The queries of one exchange that still wait, by id, and how a reply finds its query. Ids are never reused within
    /// an exchange, so a late reply to an earlier query (a retransmission's duplicate, a query given up on) cannot pass
    /// for a later one; and a reply must echo the question of the query with its id (RFC 5452), so the A reply can
    /// never settle the AAAA query or the other way round.
    /// </summary>
    internal sealed class DnsWaitingQueries
    {
        private readonly object _gate = new object();
        private readonly Dictionary<ushort, DnsWaiter> _waiting = new Dictionary<ushort, DnsWaiter>();
        private readonly HashSet<ushort> _issued = new HashSet<ushort>();

        public int Count
        {
            get
            {
                lock (_gate) return _waiting.Count;
            }
        }

        /// <summary>A new query with a fresh random id.</summary>
        public DnsWaiter Add(IPEndPoint server, string name, DnsRecordType type, TimeSpan limit)
        {
            lock (_gate)
            {
                ushort id;
                do id = DnsClient.NewId();
                while (!_issued.Add(id));

                var waiter = new DnsWaiter(new DnsPendingQuery(server, id, name, type), limit);
                _waiting.Add(id, waiter);
                return waiter;
            }
        }

        public List<DnsWaiter> Snapshot()
        {
            lock (_gate) return _waiting.Values.ToList();
        }

        /// <summary>Settles one query with a failure (or its caller's cancellation) and forgets it.</summary>
        public void Fail(DnsWaiter waiter, Exception failure)
        {
            lock (_gate) _waiting.Remove(waiter.Query.Id);
            waiter.Fail(failure);
        }

        /// <summary>Every waiting query gets the same failure: the transport they share failed, or the time is up.</summary>
        public void FailAll(Exception failure)
        {
            List<DnsWaiter> all;
            lock (_gate)
            {
                all = _waiting.Values.ToList();
                _waiting.Clear();
            }

            foreach (var waiter in all) waiter.Fail(failure);
        }

        /// <summary>
        /// Hands a UDP datagram to the query it answers. A datagram with an id we do not wait for, or with our id but
        /// another question, is ignored: on UDP anyone can send us anything.
        /// </summary>
        /// <returns>True when it is a truncated reply to a waiting query (marked so): the full answer needs TCP.</returns>
        public bool DeliverDatagram(byte[] datagram, int length)
        {
            if (length < 12) return false;
            var waiter = Find((ushort)((datagram[0] << 8) | datagram[1]));
            if (waiter == null) return false;

            DnsMessage? reply;
            try
            {
                reply = waiter.Query.ReadDatagram(datagram, length);
            }
            catch (DnsFormatException e)
            {
                Fail(waiter, e);
                return false;
            }

            if (reply == null) return false;
            if (reply.IsTruncated)
            {
                waiter.Truncated = true;
                return true;
            }

            Settle(waiter, reply, "udp");
            return false;
        }

        /// <summary>Hands a message read from our TCP connection to the query it answers.</summary>
        /// <exception cref="DnsFormatException">
        /// The message is unreadable or answers nothing we asked: only the server writes on our own connection, so
        /// that is its error, not noise to ignore.
        /// </exception>
        public void DeliverOverTcp(byte[] message, IPEndPoint server)
        {
            DnsMessage reply;
            try
            {
                reply = DnsMessageReader.Read(message, message.Length, readAnswers: true);
            }
            catch (DnsFormatException e)
            {
                throw new DnsFormatException($"malformed answer over TCP from {DnsText.Server(server)}: {e.Message}", e);
            }

            DnsWaiter? waiter;
            bool issued;
            lock (_gate)
            {
                _waiting.TryGetValue(reply.Id, out waiter);
                issued = _issued.Contains(reply.Id);
            }

            if (waiter != null && waiter.Query.IsAnsweredBy(reply)) Settle(waiter, reply, "tcp");
            else if (waiter != null || !issued) throw new DnsFormatException($"the answer over TCP from {DnsText.Server(server)} does not match the query");

            // Otherwise the late answer to a query given up on (the other family had answered): nothing waits for it.
        }

        private DnsWaiter? Find(ushort id)
        {
            lock (_gate) return _waiting.TryGetValue(id, out var waiter) ? waiter : null;
        }

        private void Settle(DnsWaiter waiter, DnsMessage reply, string transport)
        {
            lock (_gate) _waiting.Remove(waiter.Query.Id);
            waiter.Answer(reply, transport);
        }
    }
}
