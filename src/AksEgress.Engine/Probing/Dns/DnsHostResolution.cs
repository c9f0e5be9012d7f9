using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing.Dns
{
    /// <summary>
    /// Host → addresses through one DNS server, the way a stub resolver does it, with evidence a user can act on.
    /// All queries of one resolution share the client's time limit, so a CNAME chain cannot multiply it.
    /// </summary>
    internal static class DnsHostResolution
    {
        /// <summary>CNAMEs followed for one name; more is a misconfiguration (or a loop through many names).</summary>
        internal const int MaxCnameHops = 8;

        /// <summary>
        /// Once one family has addresses, how much longer the other may take. A server that drops AAAA queries must
        /// not cost every probe the full timeout when the A answer is already in hand.
        /// </summary>
        internal static readonly TimeSpan OtherFamilyGrace = TimeSpan.FromMilliseconds(500);

        public static async Task<ResolveResult> ResolveAsync(DnsClient client, string host, CancellationToken cancel)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            cancel.ThrowIfCancellationRequested();

            var literal = ParseLiteral(host);
            if (literal != null) return ResolveResult.Of(new[] { literal });

            string name;
            try
            {
                name = DnsName.Normalize(host);
            }
            catch (ArgumentException e)
            {
                return ResolveResult.Failed("not a valid DNS name: " + FirstLine(e.Message));
            }

            var clock = Stopwatch.StartNew();
            using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancel);

            // Both families at once over one socket: a probe must never hold more than one (-ThrottleLimit bounds sockets).
            using var exchange = client.NewExchange(cancel);
            var v4 = FollowAsync(client, exchange, name, DnsRecordType.A, clock, giveUp.Token, cancel);
            var v6 = FollowAsync(client, exchange, name, DnsRecordType.AAAA, clock, giveUp.Token, cancel);

            var first = await Task.WhenAny(v4, v6).ConfigureAwait(false);
            if (first.Status == TaskStatus.RanToCompletion && first.Result.Addresses.Count > 0)
            {
                var left = client.Timeout - clock.Elapsed;
                if (left > TimeSpan.Zero) giveUp.CancelAfter(left < OtherFamilyGrace ? left : OtherFamilyGrace);
            }

            await Task.WhenAll(v4, v6).ConfigureAwait(false); // rethrows the caller's cancellation
            return Combine(client.Server, v4.Result, v6.Result);
        }

        /// <summary>Queries one type, re-querying the CNAME target while the server answers only with the alias.</summary>
        private static async Task<DnsFamilyOutcome> FollowAsync(
            DnsClient client, DnsExchange exchange, string name, DnsRecordType type, Stopwatch clock, CancellationToken token, CancellationToken cancel)
        {
            var server = DnsText.Server(client.Server);
            var path = new List<string> { name };
            while (true)
            {
                var left = client.Timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero) return DnsFamilyOutcome.Failed(NoAnswer(client, afterTruncation: false) + Suffix(path));

                DnsAnswer answer;
                try
                {
                    answer = await exchange.QueryAsync(path[path.Count - 1], type, token).ConfigureAwait(false);
                }
                catch (DnsTimeoutException e)
                {
                    return DnsFamilyOutcome.Failed(NoAnswer(client, e.AfterTruncation) + Suffix(path));
                }
                catch (DnsException e)
                {
                    return DnsFamilyOutcome.Failed(e.Message + Suffix(path));
                }
                catch (ArgumentException e)
                {
                    // A CNAME target that is not a name we can ask for (the server's data, not the user's input).
                    return DnsFamilyOutcome.Failed("not a valid DNS name in the CNAME chain: " + FirstLine(e.Message) + Suffix(path));
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    // The other family already has addresses and the grace ran out; this outcome will not be shown.
                    return DnsFamilyOutcome.Failed("gave up: the other address family answered");
                }

                foreach (var target in answer.CnameChain)
                {
                    var loop = path.Any(n => DnsName.AreEqual(n, target));
                    path.Add(target);
                    if (loop) return DnsFamilyOutcome.Failed("CNAME loop: " + Chain(path));
                    if (path.Count - 1 > MaxCnameHops)
                    {
                        return DnsFamilyOutcome.Failed($"CNAME chain longer than {MaxCnameHops} hops: " + Chain(path));
                    }
                }

                if (answer.Rcode != DnsRcode.NoError) return DnsFamilyOutcome.Failed($"{answer.Rcode.ToMnemonic()} from {server}" + Suffix(path));
                if (answer.Addresses.Count > 0) return DnsFamilyOutcome.Of(answer.Addresses);
                if (answer.CnameChain.Count == 0)
                {
                    var chain = path.Count > 1 ? Chain(path) : "";
                    var tail = chain.Length > 0 ? "; " + chain : "";
                    return DnsFamilyOutcome.Empty($"no {type} record from {server} (NOERROR, empty answer{tail})", chain);
                }

                // Only the alias came back (no records for its target): ask for the target ourselves.
            }
        }

        /// <summary>
        /// Addresses from either family (A first, as the probes connect over IPv4 first). Without any, one piece of
        /// evidence when both sides agree, else both, labelled.
        /// </summary>
        private static ResolveResult Combine(IPEndPoint server, DnsFamilyOutcome v4, DnsFamilyOutcome v6)
        {
            if (v4.Addresses.Count + v6.Addresses.Count > 0)
            {
                return ResolveResult.Of(v4.Addresses.Concat(v6.Addresses).ToArray());
            }

            if (v4.IsEmpty && v6.IsEmpty && v4.Chain == v6.Chain)
            {
                var tail = v4.Chain.Length > 0 ? "; " + v4.Chain : "";
                return ResolveResult.Failed($"no A or AAAA record from {DnsText.Server(server)} (NOERROR, empty answer{tail})");
            }

            if (v4.Evidence == v6.Evidence) return ResolveResult.Failed(v4.Evidence!);
            return ResolveResult.Failed($"A: {v4.Evidence}; AAAA: {v6.Evidence}");
        }

        private static string NoAnswer(DnsClient client, bool afterTruncation) =>
            DnsTimeoutException.Evidence(client.Server, client.Timeout, afterTruncation);

        /// <summary>" (a -> b)" once CNAMEs were followed: says which name of the chain the failure is about.</summary>
        private static string Suffix(List<string> path) => path.Count > 1 ? $" ({Chain(path)})" : "";

        private static string Chain(List<string> path) => string.Join(" -> ", path);

        /// <summary>An address literal, IPv6 with or without brackets (the one strict parser: "10" or "010.0.0.4" is no literal).</summary>
        internal static IPAddress? ParseLiteral(string host) =>
            Planning.IpAddressText.TryParseHostLiteral(host, out var address) ? address : null;

        /// <summary>ArgumentException appends "(Parameter 'name')" on .NET Core; evidence keeps only the reason.</summary>
        private static string FirstLine(string message)
        {
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(Environment.NewLine + "Parameter name", StringComparison.Ordinal);
            return cut < 0 ? message : message.Substring(0, cut);
        }
    }
}
