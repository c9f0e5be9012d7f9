using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Hosting
{
    /// <summary>
    /// Runs asynchronous work while keeping everything it writes on one thread. PowerShell lets a cmdlet write
    /// (WriteObject, WriteError, WriteProgress and the rest) only from its pipeline thread, but ARM calls run as
    /// tasks on thread-pool threads. The work posts each write here from whatever thread it is on; the pipeline
    /// thread sits in <see cref="Run"/> and executes the posted actions in the order they were posted until the
    /// work has finished and nothing is left to write.
    /// </summary>
    /// <remarks>
    /// One pump serves one cmdlet instance: BeginProcessing, each ProcessRecord and EndProcessing each call
    /// <see cref="Run"/> once, one after another, never nested. Once a run is cancelled, or a posted action
    /// throws (WriteObject throwing PipelineStoppedException, a posted ThrowTerminatingError), the pump is closed
    /// for good: whatever is still queued and everything posted later is dropped, because a stopped or failed
    /// pipeline must not print anything more.
    /// </remarks>
    public sealed class PipelinePump
    {
        /// <summary>How long a cancelled or failed run waits for work that does not stop on its token.</summary>
        internal static readonly TimeSpan AbandonAfter = TimeSpan.FromSeconds(1);

        private readonly ConcurrentQueue<Action> _queue = new ConcurrentQueue<Action>();

        // One release per posted action, per finished work task and per cancellation. The pipeline thread waits
        // on it only when it has nothing to run, so extra releases cost one empty loop each and none is lost.
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        private volatile bool _closed;
        private int _running;

        /// <summary>True once a run was cancelled or a posted action threw; posts are dropped from then on.</summary>
        public bool IsClosed => _closed;

        /// <summary>
        /// Queues <paramref name="write"/> to run on the thread that is (or next is) inside <see cref="Run"/>.
        /// Callable from any thread. Dropped silently when the pump is closed.
        /// </summary>
        public void Post(Action write)
        {
            if (write == null) throw new ArgumentNullException(nameof(write));
            if (_closed) return;
            _queue.Enqueue(write);
            _signal.Release();
        }

        /// <summary>
        /// Called on the pipeline thread. Starts <paramref name="work"/>, then runs posted actions on the calling
        /// thread, in post order, until the work has completed and the queue is empty. Then rethrows the work's
        /// own exception, unwrapped (never an AggregateException).
        /// </summary>
        /// <remarks>
        /// The work is called on this thread, so its synchronous start (up to its first await that really
        /// waits) runs on the pipeline thread; its continuations run on the thread pool. It receives a token
        /// that <paramref name="cancel"/> cancels. When <paramref name="cancel"/> is signalled, queued and later
        /// actions are discarded and this throws <see cref="OperationCanceledException"/> as soon as the work
        /// finishes, or <see cref="AbandonAfter"/> later when the work ignores its token (work that blocks
        /// its calling thread before returning a task cannot be abandoned: keep the synchronous start short).
        /// When a posted action throws, the work is cancelled the same way and the action's exception is rethrown.
        /// </remarks>
        public void Run(Func<CancellationToken, Task> work, CancellationToken cancel)
        {
            if (work == null) throw new ArgumentNullException(nameof(work));
            if (Interlocked.Exchange(ref _running, 1) != 0)
            {
                throw new InvalidOperationException("PipelinePump.Run is already running; it cannot be nested or called from two threads.");
            }

            try
            {
                if (cancel.IsCancellationRequested) Close();
                if (_closed)
                {
                    if (cancel.IsCancellationRequested) throw new OperationCanceledException(cancel);
                    throw new InvalidOperationException("The pipeline pump was closed by an earlier cancellation or failed write.");
                }
                RunOpen(work, cancel);
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        }

        private void RunOpen(Func<CancellationToken, Task> work, CancellationToken cancel)
        {
            // The work gets a linked token so a failed write can stop it too, not only Ctrl+C.
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var task = Start(work, linked.Token);

            // The wake-ups (the work ending, Ctrl+C) are armed only before the first wait: work that finished in its
            // synchronous start, as a piped cluster read offline does, has its writes run without them.
            CancellationTokenRegistration? wakeOnCancel = null;
            var abandoned = false;
            try
            {
                while (true)
                {
                    while (!cancel.IsCancellationRequested && _queue.TryDequeue(out var write))
                    {
                        write();
                    }

                    if (cancel.IsCancellationRequested)
                    {
                        abandoned = true;
                        Abandon(task, linked);
                        throw new OperationCanceledException(cancel);
                    }

                    // Every post the work made happened before it completed, so empty-and-completed means done.
                    if (task.IsCompleted && _queue.IsEmpty) break;
                    if (wakeOnCancel == null)
                    {
                        // Armed, then the state is checked again before waiting, so no wake-up can be missed.
                        task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                        wakeOnCancel = cancel.Register(() => { Close(); _signal.Release(); });
                        continue;
                    }
                    _signal.Wait();
                }
            }
            catch (Exception) when (!abandoned)
            {
                // A posted action threw: nothing more may be written, so stop the work and let the exception go.
                Abandon(task, linked);
                throw;
            }
            finally
            {
                wakeOnCancel?.Dispose();
            }

            linked.Dispose();
            task.GetAwaiter().GetResult(); // unwrapped exception; TaskCanceledException for cancelled work
        }

        /// <summary>
        /// Calls the work on this thread with no SynchronizationContext: its code up to the first await that
        /// really waits runs here, on the pipeline thread (so it may still call PowerShell), and every
        /// continuation after that runs on the thread pool instead of queuing to a thread that is busy pumping.
        /// A delegate that throws instead of returning a task counts as work that failed.
        /// </summary>
        private static Task Start(Func<CancellationToken, Task> work, CancellationToken token)
        {
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                return work(token) ?? Task.FromException(new InvalidOperationException("The work returned no task."));
            }
            catch (Exception ex)
            {
                return Task.FromException(ex);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        private void Close()
        {
            _closed = true;
            while (_queue.TryDequeue(out _))
            {
            }
        }

        /// <summary>Closes the pump, cancels the work and waits a bounded time for it, observing whatever it throws.</summary>
        private void Abandon(Task task, CancellationTokenSource linked)
        {
            Close();
            try
            {
                linked.Cancel();
            }
            catch (AggregateException)
            {
                // A callback registered by the work threw; the work is being abandoned anyway.
            }

            // Task.WaitAny blocks without throwing the task's exception; no spinning.
            Task.WaitAny(new[] { task }, AbandonAfter);
            if (task.IsCompleted)
            {
                _ = task.Exception;
                linked.Dispose();
            }
            else
            {
                // Misbehaving work keeps running. Dispose its token source only when it ends (a disposed source can
                // make Register throw on .NET Framework) and observe its exception so it is never "unobserved".
                task.ContinueWith(t => { _ = t.Exception; linked.Dispose(); }, CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
