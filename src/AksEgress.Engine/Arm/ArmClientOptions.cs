using System;
using Azure.Core.Pipeline;

namespace AksEgress.Arm
{
    /// <summary>How ARM is called: retries, time limits, paging and concurrency. Tests shorten the delays.</summary>
    public sealed class ArmClientOptions
    {
        /// <summary>Retries after a 408/429/5xx answer, a dropped connection or a timeout (Azure.Core's policy; 429 waits for Retry-After).</summary>
        public int MaxRetries { get; set; } = 5;
        public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);
        public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>How long one attempt may take before it counts as a timeout and is retried.</summary>
        public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Extra attempts when a 2xx answer is not valid JSON (a body cut off on the way).</summary>
        public int MalformedResponseRetries { get; set; } = 2;
        /// <summary>Rows asked for per Resource Graph page; 1,000 is the service's maximum.</summary>
        public int ResourceGraphPageSize { get; set; } = 1000;
        /// <summary>Per-cluster ARM calls in flight at once during a fleet run.</summary>
        public int MaxConcurrentRequests { get; set; } = 8;
        /// <summary>Replaces the HTTP transport (tests trust their own loopback certificate through it).</summary>
        public HttpPipelineTransport? Transport { get; set; }
        /// <summary>Receives one line per HTTP attempt (method, URL, status, time, request id). Never headers or bodies.</summary>
        public Action<string>? Log { get; set; }
    }
}
