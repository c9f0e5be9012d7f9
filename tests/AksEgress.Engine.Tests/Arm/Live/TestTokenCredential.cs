using System.Collections.Concurrent;
using Azure.Core;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>Hands out a fixed token and records the scopes it was asked for; can be told to fail like a missing sign-in.</summary>
    internal sealed class TestTokenCredential : TokenCredential
    {
        private int _calls;

        public TestTokenCredential(string token, Exception? failWith = null)
        {
            Token = token;
            FailWith = failWith;
        }

        public string Token { get; }
        public Exception? FailWith { get; }
        public int Calls => Volatile.Read(ref _calls);
        public ConcurrentBag<string> Scopes { get; } = new ConcurrentBag<string>();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            foreach (var scope in requestContext.Scopes) Scopes.Add(scope);
            if (FailWith != null) throw FailWith;
            return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));
    }
}
