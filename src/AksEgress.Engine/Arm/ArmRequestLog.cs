using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AksEgress.Arm
{
    /// <summary>
    /// Counts every HTTP attempt and logs one line for each: method, URL, status, time, request id. It sits after
    /// the bearer-token policy but writes no header and no body, so a token can never reach the log.
    /// </summary>
    internal sealed class ArmRequestLog : HttpPipelinePolicy
    {
        private readonly Action<string>? _log;
        private int _count;

        public ArmRequestLog(Action<string>? log) => _log = log;

        public int Count => Volatile.Read(ref _count);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Begin();
            try
            {
                ProcessNext(message, pipeline);
            }
            catch (Exception ex)
            {
                Failed(message, started, ex);
                throw;
            }
            Done(message, started);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var started = Begin();
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                Failed(message, started, ex);
                throw;
            }
            Done(message, started);
        }

        private Stopwatch Begin()
        {
            Interlocked.Increment(ref _count);
            return Stopwatch.StartNew();
        }

        private void Done(HttpMessage message, Stopwatch started)
        {
            if (_log == null) return;
            message.Response.Headers.TryGetValue("x-ms-request-id", out var requestId);
            _log($"ARM {message.Request.Method} {message.Request.Uri} -> {message.Response.Status} in {started.ElapsedMilliseconds} ms (x-ms-request-id {requestId ?? "none"})");
        }

        private void Failed(HttpMessage message, Stopwatch started, Exception ex)
        {
            _log?.Invoke($"ARM {message.Request.Method} {message.Request.Uri} failed after {started.ElapsedMilliseconds} ms: {ex.GetType().Name}");
        }
    }
}
