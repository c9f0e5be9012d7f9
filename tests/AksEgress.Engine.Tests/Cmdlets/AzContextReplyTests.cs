using System.Security;
using AksEgress.Arm;

namespace AksEgress.Engine.Tests.Cmdlets
{
    /// <summary>What the host's Az.Accounts script answers, read into a token or the reason there is none.</summary>
    public sealed class AzContextReplyTests
    {
        private const string Secret = "eyJ-SECRET-token-value";

        private static Dictionary<string, object?> Ok(object? token) => new(StringComparer.OrdinalIgnoreCase)
        {
            ["Status"] = "Ok",
            ["Token"] = token,
            ["ExpiresOn"] = new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero),
            ["EnvironmentName"] = "AzureChinaCloud",
            ["ResourceManagerUrl"] = "https://management.chinacloudapi.cn/",
            ["SubscriptionId"] = "00000000-1111-2222-3333-444444444444",
            ["TenantId"] = "tenant-1",
            ["Account"] = "ops@contoso.example",
        };

        [Theory]
        [InlineData("NotLoaded", "Az.Accounts is not loaded in this session.")]
        [InlineData("NoAccount", "Get-AzContext has no signed-in account; run Connect-AzAccount.")]
        [InlineData("NoResourceUrl", "The Az context names no Resource Manager URL.")]
        [InlineData(null, "Az.Accounts returned nothing usable.")]
        [InlineData("Surprise", "Az.Accounts returned nothing usable.")]
        public void AReplyWithoutATokenSaysWhy(string? status, string expected)
        {
            var reply = new Dictionary<string, object?> { ["Status"] = status };

            Assert.Null(AzContextReply.Read(reply, out var whyNot));
            Assert.Equal(expected, whyNot);
        }

        [Fact]
        public void AnOkReplyGivesTheTokenAndTheContextItCameFrom()
        {
            var secure = new SecureString();
            foreach (var c in Secret) secure.AppendChar(c);

            var token = AzContextReply.Read(Ok(secure), out var whyNot);

            Assert.Null(whyNot);
            Assert.Same(secure, token!.Token);
            Assert.Equal(AzureCloudName.AzureChinaCloud, token.Cloud);
            Assert.Equal("00000000-1111-2222-3333-444444444444", token.SubscriptionId);
            Assert.Equal(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), token.ExpiresOn);
            Assert.DoesNotContain(Secret, token.ToString());
        }

        [Fact]
        public void APlainStringTokenFromAnOldAzAccountsIsCopiedIntoAReadOnlySecureString()
        {
            var token = AzContextReply.Read(Ok(Secret), out _);

            Assert.Equal(Secret.Length, token!.Token.Length);
            Assert.True(token.Token.IsReadOnly());
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(42)]
        public void AnOkReplyWithoutATokenIsNoToken(object? raw)
        {
            Assert.Null(AzContextReply.Read(Ok(raw), out var whyNot));
            Assert.Equal("Get-AzAccessToken returned no token.", whyNot);
        }

        [Fact]
        public void ExpiryIsReadFromADateTimeOrTextAndAnUnspecifiedTimeIsUtc()
        {
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), AzContextReply.ToDateTimeOffset(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Unspecified)));
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), AzContextReply.ToDateTimeOffset("2026-01-02T03:04:05Z"));
            Assert.Null(AzContextReply.ToDateTimeOffset("not a date"));
        }

        [Fact]
        public void AFailureIsOneBoundedLine()
        {
            Assert.Equal("Az.Accounts failed: first second", AzContextReply.Failure("first\r\nsecond\n"));
            Assert.Equal("Az.Accounts failed: no reason given.", AzContextReply.Failure(null));
            var long_ = AzContextReply.Failure(new string('x', 500));
            Assert.Equal("Az.Accounts failed: ".Length + 300, long_.Length);
            Assert.EndsWith("...", long_);
        }
    }
}
