using System;
using System.Globalization;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AksEgress.Arm
{
    /// <summary>
    /// Azure.Core's retry policy with two changes: a server that asks for a wait longer than MaxRetryDelay is not
    /// waited for (five retries of a one-hour Retry-After would hang a runbook; the 429 becomes that cluster's
    /// Throttled error instead), and Resource Graph's own throttling header (x-ms-user-quota-resets-after,
    /// hh:mm:ss) counts as a Retry-After.
    /// </summary>
    internal sealed class ArmRetryPolicy : RetryPolicy
    {
        private readonly TimeSpan _maxWait;

        public ArmRetryPolicy(ArmClientOptions options)
            : base(options.MaxRetries, new ArmDelayStrategy(options.RetryDelay, options.MaxRetryDelay))
        {
            _maxWait = options.MaxRetryDelay;
        }

        protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
            base.ShouldRetry(message, exception) && !AsksTooLong(message);

        protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
            await base.ShouldRetryAsync(message, exception).ConfigureAwait(false) && !AsksTooLong(message);

        private bool AsksTooLong(HttpMessage message)
        {
            if (!message.HasResponse) return false;
            var wait = ServerWait(message.Response);
            return wait.HasValue && wait.Value > _maxWait;
        }

        /// <summary>The wait a server asks for: retry-after-ms, x-ms-retry-after-ms, Retry-After (seconds or a date), or Resource Graph's quota reset.</summary>
        internal static TimeSpan? ServerWait(Response response)
        {
            var headers = response.Headers;
            if ((headers.TryGetValue("retry-after-ms", out var ms) || headers.TryGetValue("x-ms-retry-after-ms", out ms))
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            {
                return TimeSpan.FromMilliseconds(millis);
            }
            if (headers.TryGetValue("Retry-After", out var after))
            {
                if (double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
                if (DateTimeOffset.TryParse(after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)) return when - DateTimeOffset.UtcNow;
            }
            return QuotaResetsAfter(response);
        }

        /// <summary>Resource Graph's wait on a 429 (x-ms-user-quota-resets-after, hh:mm:ss); null on any other answer.</summary>
        internal static TimeSpan? QuotaResetsAfter(Response response) =>
            response.Status == 429
            && response.Headers.TryGetValue("x-ms-user-quota-resets-after", out var text)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var resets)
                ? resets
                : (TimeSpan?)null;
    }

    /// <summary>Exponential back-off with jitter; on a 429, at least what Resource Graph's quota header says.</summary>
    internal sealed class ArmDelayStrategy : DelayStrategy
    {
        private readonly TimeSpan _initial;

        public ArmDelayStrategy(TimeSpan initial, TimeSpan max) : base(max) => _initial = initial;

        protected override TimeSpan GetNextDelayCore(Response? response, int retryNumber)
        {
            var factor = Math.Pow(2, Math.Max(0, retryNumber - 1)) * (0.8 + 0.4 * ThreadSafeRandom());
            var delay = TimeSpan.FromMilliseconds(_initial.TotalMilliseconds * factor);
            var resets = response == null ? null : ArmRetryPolicy.QuotaResetsAfter(response);
            return resets.HasValue && resets.Value > delay ? resets.Value : delay;
        }

        private static double ThreadSafeRandom()
        {
            lock (Random) return Random.NextDouble();
        }

        private static readonly Random Random = new Random();
    }
}
