using System.Text;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// An answer computed before it is written, so a fault can change it (truncate it, replace it) as a whole.
    /// </summary>
    internal sealed record FakeResponse(int Status, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
    {
        private static readonly IReadOnlyList<KeyValuePair<string, string>> NoHeaders = [];

        public static FakeResponse Json(int status, byte[] utf8Json) => new(status, utf8Json, NoHeaders);

        public static FakeResponse Json(int status, string json) => Json(status, Encoding.UTF8.GetBytes(json));

        public FakeResponse WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };
    }
}
