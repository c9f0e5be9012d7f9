namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// What <see cref="FakeArmServer"/> does instead of (or, for <see cref="Slow"/>, before) its normal answer to an
    /// authenticated request. Only this assembly can add kinds, so each one is known to behave like the real thing.
    /// </summary>
    public abstract record Fault
    {
        private protected Fault() { }

        public static readonly Fault None = new NoFault();

        /// <summary>429 with "Retry-After: n" and ARM error code TooManyRequests, as ARM throttling answers.</summary>
        public static Fault TooManyRequests(int retryAfterSeconds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
            return new Answer(ArmErrors.Error(429, "TooManyRequests",
                    "The request is being throttled as the limit has been reached for operation type - Read.")
                .WithHeader("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        /// <summary>A 5xx with ARM error code InternalServerError.</summary>
        public static Fault ServerError(int status = 500)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(status, 500);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
            return new Answer(ArmErrors.Error(status, "InternalServerError", "Encountered internal server error."));
        }

        /// <summary>Waits (giving up if the client aborts or the server stops), then answers normally.</summary>
        public static Fault Slow(TimeSpan delay)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
            return new SlowFault(delay);
        }

        /// <summary>200 with a Content-Length that matches what is sent, but only the first half of the JSON.</summary>
        public static Fault TruncatedJson() => new Truncated();

        /// <summary>Aborts the connection without any response.</summary>
        public static Fault DropConnection() => new Drop();

        /// <summary>Any ARM error.</summary>
        public static Fault Status(int status, string code, string message)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(status, 100);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
            return new Answer(ArmErrors.Error(status, code, message));
        }

        /// <summary>The response to send, given the normal one; null means drop the connection.</summary>
        internal abstract Task<FakeResponse?> ApplyAsync(Func<FakeResponse> normal, CancellationToken aborted);

        private sealed record NoFault : Fault
        {
            internal override Task<FakeResponse?> ApplyAsync(Func<FakeResponse> normal, CancellationToken aborted) =>
                Task.FromResult<FakeResponse?>(normal());
        }

        private sealed record Answer(FakeResponse Response) : Fault
        {
            internal override Task<FakeResponse?> ApplyAsync(Func<FakeResponse> normal, CancellationToken aborted) =>
                Task.FromResult<FakeResponse?>(Response);
        }

        private sealed record SlowFault(TimeSpan Delay) : Fault
        {
            internal override async Task<FakeResponse?> ApplyAsync(Func<FakeResponse> normal, CancellationToken aborted)
            {
                await Task.Delay(Delay, aborted);
                return normal();
            }
        }

        private sealed record Truncated : Fault
        {
            internal override Task<FakeResponse?> ApplyAsync(Func<FakeResponse> normal, CancellationToken aborted)
            {
                var full = normal();
                return Task.FromResult<FakeResponse?>(full with { Status = 200, Body = full.Body[..(full.Body.Length / 2)] });
            }
        }

        private sealed record Drop : Fault
        {
            internal override Task<FakeResponse?> ApplyAsync(Func<FakeResponse> normal, CancellationToken aborted) =>
                Task.FromResult<FakeResponse?>(null);
        }
    }
}
