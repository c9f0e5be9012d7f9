namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// Every request in arrival order. A slot is taken when a request arrives and its status filled in when it is
    /// answered, so a slow request keeps its place instead of being listed when it finishes.
    /// </summary>
    internal sealed class RequestLog
    {
        private readonly object _gate = new();
        private readonly List<RecordedRequest> _entries = [];

        /// <summary>Records an arrival (status 0 until <see cref="Complete"/>) and returns its slot.</summary>
        public int Arrive(FakeRequestKind kind, string method, string pathAndQuery, string body, bool authorized)
        {
            var entry = new RecordedRequest(kind, method, pathAndQuery, body, authorized, 0, DateTimeOffset.UtcNow);
            lock (_gate)
            {
                _entries.Add(entry);
                return _entries.Count - 1;
            }
        }

        public void Complete(int slot, int status)
        {
            lock (_gate)
                _entries[slot] = _entries[slot] with { Status = status };
        }

        public IReadOnlyList<RecordedRequest> Snapshot()
        {
            lock (_gate)
                return [.. _entries];
        }
    }
}
