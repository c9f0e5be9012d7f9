using Azure.Core;

namespace AksEgress.Arm
{
    /// <summary>Azure.Core client options for our ARM pipeline (ClientOptions is abstract).</summary>
    internal sealed class ArmPipelineOptions : ClientOptions
    {
        public ArmPipelineOptions(ArmClientOptions options)
        {
            Retry.MaxRetries = options.MaxRetries;
            Retry.Delay = options.RetryDelay;
            Retry.MaxDelay = options.MaxRetryDelay;
            Retry.Mode = RetryMode.Exponential;
            Retry.NetworkTimeout = options.NetworkTimeout;
            RetryPolicy = new ArmRetryPolicy(options);
            Diagnostics.ApplicationId = "AksEgress";
            // Azure.Core's own event-source log redacts Authorization, but we also keep bodies out of it.
            Diagnostics.IsLoggingContentEnabled = false;
            if (options.Transport != null) Transport = options.Transport;
        }
    }
}
