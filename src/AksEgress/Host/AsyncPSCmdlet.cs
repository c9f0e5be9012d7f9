using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using AksEgress.Hosting;

namespace AksEgress.Commands
{
    /// <summary>
    /// A cmdlet whose Begin/Process/End steps are tasks. While a step runs, the pipeline thread waits in a
    /// <see cref="PipelinePump"/> and performs the writes the step queues (QueueObject, QueueError and the rest
    /// are safe from any thread). Ctrl+C (StopProcessing) cancels the token every step receives; what is still
    /// queued is dropped, and PowerShell stops the pipeline itself.
    /// </summary>
    /// <remarks>
    /// A step's code up to its first await that really waits runs on the pipeline thread, so calls that need it
    /// (InvokeCommand, SessionState, AzContextTokenSource.TryGet) go there, before the first await; everything
    /// after runs on the thread pool and must only queue. An exception other than the StopProcessing
    /// cancellation propagates unchanged, so a derived cmdlet turns engine errors into ErrorRecords itself:
    /// QueueError for one failed item, QueueTerminatingError to end the command.
    /// </remarks>
    public abstract class AsyncPSCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly PipelinePump _pump = new PipelinePump();

        /// <summary>Signalled by StopProcessing (Ctrl+C or a downstream Select-Object -First).</summary>
        protected CancellationToken StoppingToken => _stopping.Token;

        protected virtual Task BeginProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual Task ProcessRecordAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        protected virtual Task EndProcessingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        protected sealed override void BeginProcessing() => RunStep(BeginProcessingAsync);

        protected sealed override void ProcessRecord() => RunStep(ProcessRecordAsync);

        protected sealed override void EndProcessing() => RunStep(EndProcessingAsync);

        /// <summary>Called by PowerShell on another thread; cancels the running step.</summary>
        protected sealed override void StopProcessing()
        {
            try
            {
                _stopping.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Stop arrived after the pipeline ended and disposed us: nothing is running.
            }
        }

        protected void QueueObject(object? sendToPipeline) => _pump.Post(() => WriteObject(sendToPipeline));

        protected void QueueObject(object? sendToPipeline, bool enumerateCollection) =>
            _pump.Post(() => WriteObject(sendToPipeline, enumerateCollection));

        /// <summary>
        /// Queues <paramref name="writes"/>, which calls WriteObject, WriteWarning and the rest itself, to run on the
        /// pipeline thread as one step: one hand-off for all that one result writes, instead of one per object.
        /// </summary>
        protected void QueueWrites(Action writes) => _pump.Post(writes);

        protected void QueueWarning(string text) => _pump.Post(() => WriteWarning(text));

        protected void QueueVerbose(string text) => _pump.Post(() => WriteVerbose(text));

        protected void QueueDebug(string text) => _pump.Post(() => WriteDebug(text));

        protected void QueueError(ErrorRecord errorRecord) => _pump.Post(() => WriteError(errorRecord));

        protected void QueueProgress(ProgressRecord progressRecord) => _pump.Post(() => WriteProgress(progressRecord));

        protected void QueueInformation(object messageData, string[] tags) => _pump.Post(() => WriteInformation(messageData, tags));

        /// <summary>
        /// Ends the command with <paramref name="errorRecord"/> once the writes queued before it are done. The
        /// step's token is cancelled and nothing queued afterwards is written.
        /// </summary>
        protected void QueueTerminatingError(ErrorRecord errorRecord) => _pump.Post(() => ThrowTerminatingError(errorRecord));

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (disposing) _stopping.Dispose();
        }

        private void RunStep(Func<CancellationToken, Task> step)
        {
            try
            {
                _pump.Run(step, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // StopProcessing asked for this; PowerShell is already stopping the pipeline.
            }
        }
    }
}
