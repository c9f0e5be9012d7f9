using System.Collections.Concurrent;
using System.Diagnostics;
using AksEgress.Hosting;

namespace AksEgress.Engine.Tests.Hosting
{
    /// <summary>
    /// The pump stands in for the cmdlet's pipeline thread: every posted write must run on the thread that
    /// called Run, in order, and Ctrl+C must end the step promptly with nothing more written.
    /// </summary>
    public class PipelinePumpTests
    {
        /// <summary>Bound for "returns promptly"; the pump gives up on misbehaving work after 1 s.</summary>
        private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

        [Fact]
        public void Posts_from_many_threads_all_run_once_on_the_caller_thread_in_per_producer_order()
        {
            const int producers = 8;
            const int perProducer = 125;
            var pump = new PipelinePump();
            var caller = Environment.CurrentManagedThreadId;
            var ran = new List<(int Producer, int Sequence, int Thread)>();
            var postingThreads = new ConcurrentBag<int>();

            pump.Run(ct => Task.WhenAll(Enumerable.Range(0, producers).Select(producer => Task.Run(async () =>
            {
                for (var i = 0; i < perProducer; i++)
                {
                    postingThreads.Add(Environment.CurrentManagedThreadId);
                    var sequence = i;
                    pump.Post(() => ran.Add((producer, sequence, Environment.CurrentManagedThreadId)));
                    if (i % 25 == 0) await Task.Yield();
                }
            }))), CancellationToken.None);

            Assert.Equal(producers * perProducer, ran.Count);
            Assert.All(ran, r => Assert.Equal(caller, r.Thread));
            Assert.DoesNotContain(caller, postingThreads);
            Assert.Equal(ran.Count, ran.Select(r => (r.Producer, r.Sequence)).Distinct().Count());
            foreach (var group in ran.GroupBy(r => r.Producer))
            {
                Assert.Equal(Enumerable.Range(0, perProducer), group.Select(r => r.Sequence));
            }
        }

        [Fact]
        public void Work_exception_surfaces_unwrapped_after_the_queued_actions_ran()
        {
            var pump = new PipelinePump();
            var ran = new List<int>();

            var thrown = Assert.Throws<InvalidOperationException>(() => pump.Run(async ct =>
            {
                await Task.Yield();
                for (var i = 0; i < 3; i++)
                {
                    var n = i;
                    pump.Post(() => ran.Add(n));
                }
                throw new InvalidOperationException("ARM said no");
            }, CancellationToken.None));

            Assert.Equal("ARM said no", thrown.Message);
            Assert.Equal(new[] { 0, 1, 2 }, ran);
            Assert.False(pump.IsClosed);
        }

        [Fact]
        public void Cancellation_discards_pending_actions_and_returns_promptly_when_the_work_ignores_the_token()
        {
            var pump = new PipelinePump();
            using var stop = new CancellationTokenSource();
            var ran = new List<string>();
            var never = new TaskCompletionSource<bool>();
            var clock = Stopwatch.StartNew();

            Assert.Throws<OperationCanceledException>(() => pump.Run(async ct =>
            {
                pump.Post(() => ran.Add("before"));
                pump.Post(() => stop.Cancel()); // Ctrl+C arrives while writes are still queued
                pump.Post(() => ran.Add("queued when stopped"));
                await never.Task; // ignores the token
            }, stop.Token));

            Assert.True(clock.Elapsed < Promptly, $"Run took {clock.Elapsed} after cancellation");
            Assert.Equal(new[] { "before" }, ran);
            Assert.True(pump.IsClosed);

            // The abandoned work may still post; nothing of it is ever run.
            pump.Post(() => ran.Add("after"));
            never.SetResult(true);
            Assert.Equal(new[] { "before" }, ran);
        }

        [Fact]
        public void Cancellation_from_another_thread_wakes_the_waiting_pipeline_thread()
        {
            var pump = new PipelinePump();
            using var stop = new CancellationTokenSource();
            var never = new TaskCompletionSource<bool>();
            var clock = Stopwatch.StartNew();
            stop.CancelAfter(TimeSpan.FromMilliseconds(50));

            Assert.Throws<OperationCanceledException>(() => pump.Run(_ => never.Task, stop.Token));

            Assert.True(clock.Elapsed < Promptly, $"Run took {clock.Elapsed}");
        }

        [Fact]
        public void Cancelled_work_that_honours_its_token_is_waited_for_and_its_late_writes_are_dropped()
        {
            var pump = new PipelinePump();
            using var stop = new CancellationTokenSource();
            var ran = new List<string>();
            var finished = false;

            Assert.Throws<OperationCanceledException>(() => pump.Run(async ct =>
            {
                pump.Post(() => ran.Add("first"));
                pump.Post(() => stop.Cancel());
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                finally
                {
                    pump.Post(() => ran.Add("from cleanup"));
                    finished = true;
                }
            }, stop.Token));

            Assert.True(finished);
            Assert.Equal(new[] { "first" }, ran);
        }

        [Fact]
        public void An_already_cancelled_token_never_starts_the_work()
        {
            var pump = new PipelinePump();
            var started = false;

            Assert.Throws<OperationCanceledException>(() => pump.Run(ct =>
            {
                started = true;
                return Task.CompletedTask;
            }, new CancellationToken(canceled: true)));

            Assert.False(started);
        }

        [Fact]
        public void Work_that_completes_synchronously_runs_its_writes()
        {
            var pump = new PipelinePump();
            var ran = new List<int>();

            pump.Run(ct =>
            {
                pump.Post(() => ran.Add(1));
                pump.Post(() => ran.Add(2));
                return Task.CompletedTask;
            }, CancellationToken.None);

            Assert.Equal(new[] { 1, 2 }, ran);
        }

        [Fact]
        public void Cancelling_while_the_writes_of_synchronous_work_run_drops_the_rest_and_closes_the_pump()
        {
            // Work that finished in its synchronous start never arms the wake-ups: the token is still checked per write.
            var pump = new PipelinePump();
            using var stop = new CancellationTokenSource();
            var ran = new List<int>();

            Assert.Throws<OperationCanceledException>(() => pump.Run(ct =>
            {
                pump.Post(() => { ran.Add(1); stop.Cancel(); });
                pump.Post(() => ran.Add(2));
                return Task.CompletedTask;
            }, stop.Token));

            Assert.Equal(new[] { 1 }, ran);
            Assert.True(pump.IsClosed);
        }

        [Fact]
        public void Many_synchronous_runs_then_a_waiting_one_still_wakes_when_its_work_ends()
        {
            var pump = new PipelinePump();
            var ran = 0;
            for (var i = 0; i < 1000; i++)
            {
                pump.Run(ct =>
                {
                    pump.Post(() => ran++);
                    return Task.CompletedTask;
                }, CancellationToken.None);
            }

            var clock = Stopwatch.StartNew();
            pump.Run(async ct =>
            {
                await Task.Delay(50, ct);
                pump.Post(() => ran++);
            }, CancellationToken.None);

            Assert.Equal(1001, ran);
            Assert.True(clock.Elapsed < Promptly, $"took {clock.Elapsed}");
        }

        [Fact]
        public void Work_that_throws_instead_of_returning_a_task_still_runs_earlier_writes_then_throws()
        {
            var pump = new PipelinePump();
            var ran = new List<int>();

            Assert.Throws<ArgumentException>(() => pump.Run(ct =>
            {
                pump.Post(() => ran.Add(1));
                throw new ArgumentException("bad input");
            }, CancellationToken.None));

            Assert.Equal(new[] { 1 }, ran);
        }

        [Fact]
        public void The_synchronous_start_runs_on_the_caller_thread_and_continuations_do_not_need_it()
        {
            var pump = new PipelinePump();
            var caller = Environment.CurrentManagedThreadId;
            var startThread = 0;
            var blocked = new NeverPumpedContext();
            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(blocked);
            try
            {
                // A context on the pipeline thread that is never pumped (the thread is busy in Run): the work's
                // awaits must not queue to it, or this would hang.
                pump.Run(async ct =>
                {
                    startThread = Environment.CurrentManagedThreadId;
                    await Task.Delay(10, ct);
                    pump.Post(() => { });
                }, CancellationToken.None);
                Assert.Same(blocked, SynchronizationContext.Current);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(previous);
            }

            Assert.Equal(caller, startThread);
            Assert.Equal(0, blocked.Posts);
        }

        [Fact]
        public void A_write_that_throws_stops_the_work_and_closes_the_pump()
        {
            var pump = new PipelinePump();
            var ran = new List<string>();
            var workCancelled = false;

            Assert.Throws<FormatException>(() => pump.Run(async ct =>
            {
                pump.Post(() => throw new FormatException("pipeline stopped"));
                pump.Post(() => ran.Add("after the failure"));
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    workCancelled = true;
                    throw;
                }
            }, CancellationToken.None));

            Assert.True(workCancelled);
            Assert.Empty(ran);
            Assert.True(pump.IsClosed);
            Assert.Throws<InvalidOperationException>(() => pump.Run(_ => Task.CompletedTask, CancellationToken.None));
        }

        [Fact]
        public void One_pump_serves_begin_process_and_end_in_turn()
        {
            var pump = new PipelinePump();
            var ran = new List<string>();

            foreach (var step in new[] { "begin", "process 1", "process 2", "end" })
            {
                pump.Run(async ct =>
                {
                    await Task.Yield();
                    pump.Post(() => ran.Add(step));
                }, CancellationToken.None);
            }

            Assert.Equal(new[] { "begin", "process 1", "process 2", "end" }, ran);
        }

        [Fact]
        public void Nested_run_is_refused()
        {
            var pump = new PipelinePump();
            Exception? nested = null;

            pump.Run(ct =>
            {
                pump.Post(() => nested = Record.Exception(() => pump.Run(_ => Task.CompletedTask, CancellationToken.None)));
                return Task.CompletedTask;
            }, CancellationToken.None);

            Assert.IsType<InvalidOperationException>(nested);
        }

        private sealed class NeverPumpedContext : SynchronizationContext
        {
            private int _posts;

            public int Posts => Volatile.Read(ref _posts);

            public override void Post(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);

            public override void Send(SendOrPostCallback d, object? state) => Interlocked.Increment(ref _posts);
        }
    }
}
