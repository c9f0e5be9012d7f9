using System;
using System.Threading;
using System.Threading.Tasks;

namespace AksEgress.Probing
{
    /// <summary>
    /// netstandard2.0 has operations that take no token (DNS lookups). A probe must still return within moments of its
    /// timeout, so such a task is abandoned rather than awaited to its end.
    /// </summary>
    internal static class CancellableTasks
    {
        public static async Task WaitAsync(Task task, CancellationToken cancel)
        {
            await WaitAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return true; }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default), cancel).ConfigureAwait(false);
        }

        public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancel)
        {
            if (!cancel.CanBeCanceled || task.IsCompleted)
                return await task.ConfigureAwait(false);

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancel.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    // Observe the abandoned task's fault so it never surfaces as an UnobservedTaskException.
                    _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    throw new OperationCanceledException(cancel);
                }
            }
            return await task.ConfigureAwait(false);
        }
    }
}
