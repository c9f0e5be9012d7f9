using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// Proves from where it runs (a node's network) whether a rule is really open, and when not, says why: the step
    /// that failed, how it failed, and the evidence. One probe is bounded by options.Timeout as a whole.
    /// </summary>
    public static class Prober
    {
        /// <summary>
        /// Runs one probe. Never throws for what the network did: that is the outcome. Throws OperationCanceledException
        /// only when <paramref name="cancel"/> (the caller's token) is cancelled.
        /// </summary>
        public static Task<ProbeOutcome> RunAsync(ProbePlan plan, ProbeOptions options, CancellationToken cancel) =>
            RunAsync(plan, options, null, cancel);

        /// <summary>As above, also recording how long each step took into <paramref name="trace"/>.</summary>
        internal static async Task<ProbeOutcome> RunAsync(ProbePlan plan, ProbeOptions options, IList<ProbeStepTiming>? trace, CancellationToken cancel)
        {
            if (plan == null) throw new ArgumentNullException(nameof(plan));
            if (options == null) throw new ArgumentNullException(nameof(options));
            cancel.ThrowIfCancellationRequested();
            if (plan.Kind == ProbeKind.Skip)
                return ProbeOutcome.Skipped(plan.SkipReason);

            // One source for both: cancelled by the caller through the link, or by our own timer. Which of the two
            // fired is read from the caller's token afterwards.
            using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                bounded.CancelAfter(options.Timeout);
                var context = new ProbeContext(plan, options, bounded.Token, trace);
                try
                {
                    return await Dispatch(context).ConfigureAwait(false);
                }
                catch (ProbeFailure failure) when (!cancel.IsCancellationRequested)
                {
                    return context.Fail(failure.Kind, failure.Detail);
                }
                catch (Exception) when (cancel.IsCancellationRequested)
                {
                    // Whatever a closed socket threw on the way out, the caller asked us to stop.
                    throw new OperationCanceledException(cancel);
                }
                catch (Exception) when (bounded.IsCancellationRequested)
                {
                    // Our timeout: the step that was running is what did not finish.
                    return context.TimedOut();
                }
            }
        }

        private static Task<ProbeOutcome> Dispatch(ProbeContext context)
        {
            switch (context.Plan.Kind)
            {
                case ProbeKind.Https: return HttpsProbe.RunAsync(context);
                case ProbeKind.Http: return HttpProbe.RunAsync(context);
                case ProbeKind.Tcp: return TcpProbe.RunAsync(context);
                case ProbeKind.Ntp: return NtpProbe.RunAsync(context);
                case ProbeKind.Dns: return DnsProbe.RunAsync(context);
                default: throw new ArgumentOutOfRangeException(nameof(context), context.Plan.Kind, "unknown probe kind");
            }
        }
    }
}
