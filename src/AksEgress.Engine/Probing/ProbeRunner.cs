using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// Runs the probes of many rules at once, never more than the throttle limit in flight (so never more
    /// sockets than that), and hands results out in the rules' order as soon as each one and those before it
    /// are done. The whole run takes about as long as its slowest probe.
    /// </summary>
    public sealed class ProbeRunner
    {
        private readonly ProbeOptions _options;
        private readonly int _throttleLimit;
        private readonly Func<ProbePlan, ProbeOptions, CancellationToken, Task<ProbeOutcome>> _probe;

        /// <param name="probe">The probe to run (Prober.RunAsync; tests count and time it).</param>
        public ProbeRunner(ProbeOptions options, int throttleLimit, Func<ProbePlan, ProbeOptions, CancellationToken, Task<ProbeOutcome>> probe)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _throttleLimit = throttleLimit;
            _probe = probe ?? throw new ArgumentNullException(nameof(probe));
        }

        /// <param name="onResult">Called once per rule, in the rules' order, from any thread but never concurrently.</param>
        /// <param name="onProgress">Called after each probe with (finished, total), from any thread but never concurrently.</param>
        public async Task<ProbeSummary> RunAsync(IReadOnlyList<PlannedProbe> probes, Action<AksEgressTestResult> onResult,
            Action<int, int>? onProgress, CancellationToken cancel)
        {
            var results = new AksEgressTestResult?[probes.Count];
            var summary = new ProbeSummary();
            var gate = new object();
            var nextToWrite = 0;
            var finished = 0;

            using (var slots = new SemaphoreSlim(_throttleLimit))
            {
                var running = new List<Task>(probes.Count);
                try
                {
                    for (var i = 0; i < probes.Count; i++)
                    {
                        await slots.WaitAsync(cancel).ConfigureAwait(false);
                        running.Add(RunOne(i));
                    }
                }
                finally
                {
                    // Even when cancelled, no probe outlives the run or the semaphore it releases.
                    try
                    {
                        await Task.WhenAll(running).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                    {
                    }
                }
                cancel.ThrowIfCancellationRequested();

                async Task RunOne(int index)
                {
                    try
                    {
                        var probe = probes[index];
                        var watch = Stopwatch.StartNew();
                        ProbeOutcome outcome;
                        try
                        {
                            outcome = await _probe(probe.Plan, _options, cancel).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (!(ex is OperationCanceledException && cancel.IsCancellationRequested))
                        {
                            // A defect in one probe must not cost the others their results.
                            outcome = ProbeOutcome.Failed(ProbeFailureKind.Timeout, $"the probe failed unexpectedly: {ex.GetType().Name}: {ex.Message}", "", watch.Elapsed.TotalMilliseconds);
                        }
                        var result = probe.ToResult(outcome);
                        lock (gate)
                        {
                            if (cancel.IsCancellationRequested) return; // nothing more is written after Ctrl+C
                            results[index] = result;
                            summary.Add(result);
                            onProgress?.Invoke(++finished, probes.Count);
                            while (nextToWrite < results.Length && results[nextToWrite] != null) onResult(results[nextToWrite++]!);
                        }
                    }
                    finally
                    {
                        slots.Release();
                    }
                }
            }
            return summary;
        }
    }
}
