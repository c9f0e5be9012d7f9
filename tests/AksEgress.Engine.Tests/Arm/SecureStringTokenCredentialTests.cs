using System.Net;
using System.Security;
using AksEgress.Arm;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AksEgress.Engine.Tests.Arm
{
    public class SecureStringTokenCredentialTests
    {
        private const string Secret = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.secret-payload.signature";
        private static readonly TokenRequestContext ArmScope = new(new[] { "https://management.azure.com/.default" });

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            return secure;
        }

        [Fact]
        public async Task Returns_the_token_and_its_expiry()
        {
            var expires = DateTimeOffset.UtcNow.AddMinutes(50);
            using var credential = new SecureStringTokenCredential(Secure(Secret), expires);

            var token = credential.GetToken(ArmScope, CancellationToken.None);
            var tokenAsync = await credential.GetTokenAsync(ArmScope, CancellationToken.None);

            Assert.Equal(Secret, token.Token);
            Assert.Equal(Secret, tokenAsync.Token);
            Assert.Equal(expires, token.ExpiresOn);
            Assert.Equal(expires, token.RefreshOn); // never refreshed early: there is nothing newer to get
            Assert.Equal(expires, credential.ExpiresOn);
        }

        [Fact]
        public void Unknown_expiry_never_expires_for_azure_core()
        {
            using var credential = new SecureStringTokenCredential(Secure(Secret));

            var token = credential.GetToken(ArmScope, CancellationToken.None);

            Assert.Equal(Secret, token.Token);
            Assert.Equal(DateTimeOffset.MaxValue, token.ExpiresOn);
            Assert.Equal(DateTimeOffset.MaxValue, token.RefreshOn);
            Assert.Null(credential.ExpiresOn);
        }

        [Fact]
        public void Keeps_its_own_copy_of_the_secure_string()
        {
            var original = Secure(Secret);
            using var credential = new SecureStringTokenCredential(original, DateTimeOffset.UtcNow.AddHours(1));
            original.Clear();
            original.Dispose();

            Assert.Equal(Secret, credential.GetToken(ArmScope, CancellationToken.None).Token);
        }

        [Fact]
        public async Task Expired_token_says_how_to_get_a_new_one_without_showing_it()
        {
            using var credential = new SecureStringTokenCredential(Secure(Secret), DateTimeOffset.UtcNow.AddMinutes(-1));

            var error = Assert.Throws<CredentialUnavailableException>(() => credential.GetToken(ArmScope, CancellationToken.None));
            var errorAsync = await Assert.ThrowsAsync<CredentialUnavailableException>(() => credential.GetTokenAsync(ArmScope, CancellationToken.None).AsTask());

            Assert.Contains("Connect-AzAccount", error.Message);
            Assert.Contains("-AccessToken", error.Message);
            Assert.DoesNotContain("secret-payload", error.ToString());
            Assert.DoesNotContain("secret-payload", errorAsync.ToString());
        }

        [Fact]
        public void ToString_reveals_nothing()
        {
            using var known = new SecureStringTokenCredential(Secure(Secret), new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
            using var unknown = new SecureStringTokenCredential(Secure(Secret));
            var context = new AzContextToken(Secure(Secret)) { Account = "user@contoso.com", EnvironmentName = "AzureCloud" };

            Assert.Equal("SecureStringTokenCredential (expires 2030-01-02 03:04:05 UTC)", known.ToString());
            Assert.Equal("SecureStringTokenCredential (expiry unknown)", unknown.ToString());
            Assert.DoesNotContain("secret-payload", context.ToString());
            Assert.Contains("user@contoso.com", context.ToString());
        }

        [Fact]
        public void Empty_or_missing_token_is_refused()
        {
            Assert.Throws<ArgumentException>(() => new SecureStringTokenCredential(new SecureString()));
            Assert.Throws<ArgumentNullException>(() => new SecureStringTokenCredential(null!));
        }

        /// <summary>
        /// Through Azure.Core's own bearer policy: a token inside the policy's 5-minute refresh window is asked
        /// for once, not once per request (no background refresh of a token that cannot be refreshed).
        /// </summary>
        [Fact]
        public async Task Bearer_policy_asks_once_for_a_token_close_to_expiry()
        {
            var asked = 0;
            using var credential = new SecureStringTokenCredential(Secure(Secret), DateTimeOffset.UtcNow.AddMinutes(3), () =>
            {
                Interlocked.Increment(ref asked);
                return DateTimeOffset.UtcNow;
            });
            var handler = new RecordingHandler();
            var pipeline = HttpPipelineBuilder.Build(new BearerTokenOptions(credential, handler));

            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(200, await SendAsync(pipeline));
            }
            await Task.Delay(50); // a background refresh, had one started, would have asked by now

            Assert.Equal(1, Volatile.Read(ref asked));
            Assert.Equal(5, handler.Authorizations.Count);
            Assert.All(handler.Authorizations, a => Assert.Equal("Bearer " + Secret, a));
        }

        /// <summary>Once the token has really expired, the policy asks again and the request fails with our message.</summary>
        [Fact]
        public async Task Bearer_policy_fails_the_request_with_the_expiry_error_once_expired()
        {
            var expires = DateTimeOffset.UtcNow.AddSeconds(1);
            var calls = 0;
            // The first answer is given "before" expiry even on a slow machine; later ones use the real clock.
            using var credential = new SecureStringTokenCredential(Secure(Secret), expires,
                () => Interlocked.Increment(ref calls) == 1 ? expires.AddSeconds(-1) : DateTimeOffset.UtcNow);
            var handler = new RecordingHandler();
            var pipeline = HttpPipelineBuilder.Build(new BearerTokenOptions(credential, handler));

            Assert.Equal(200, await SendAsync(pipeline));
            var wait = expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);

            var error = await Assert.ThrowsAsync<CredentialUnavailableException>(() => SendAsync(pipeline));
            Assert.Contains("Connect-AzAccount", error.Message);
            Assert.DoesNotContain("secret-payload", error.ToString());
            Assert.Single(handler.Authorizations);
        }

        private static async Task<int> SendAsync(HttpPipeline pipeline)
        {
            using var message = pipeline.CreateMessage();
            message.Request.Uri.Reset(new Uri("https://management.azure.com/subscriptions?api-version=2022-12-01"));
            await pipeline.SendAsync(message, CancellationToken.None);
            return message.Response.Status;
        }

        private sealed class BearerTokenOptions : ClientOptions
        {
            public BearerTokenOptions(TokenCredential credential, HttpMessageHandler handler)
            {
                Transport = new HttpClientTransport(handler);
                Retry.MaxRetries = 0;
                AddPolicy(new BearerTokenAuthenticationPolicy(credential, "https://management.azure.com/.default"), HttpPipelinePosition.PerCall);
            }
        }

        private sealed class RecordingHandler : HttpMessageHandler
        {
            public List<string> Authorizations { get; } = new();

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                lock (Authorizations) Authorizations.Add(request.Headers.Authorization?.ToString() ?? "");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
            }
        }
    }
}
