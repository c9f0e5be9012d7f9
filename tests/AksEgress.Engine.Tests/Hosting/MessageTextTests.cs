using AksEgress.Errors;

namespace AksEgress.Engine.Tests.Hosting
{
    /// <summary>Issue 12, finding 20: text from inputs and servers never forges a line, drives the terminal or shows a credential.</summary>
    public sealed class MessageTextTests
    {
        [Theory]
        [InlineData("aks1\r\nWARNING: forged", "aks1  WARNING: forged")]
        [InlineData("red\u001b[31mtext\u001b[0m", "red\\x1B[31mtext\\x1B[0m")]
        [InlineData("bell\u0007 nul\u0000", "bell\\x07 nul\\x00")]
        [InlineData("csi\u009b2J", "csi\\u009B2J")]
        [InlineData("bidi\u202etxt.exe", "bidi\\u202Etxt.exe")]
        [InlineData("line\u2028sep", "line\\u2028sep")]
        [InlineData("plain 한국어 text", "plain 한국어 text")]
        public void ControlCharactersBecomeVisible(string text, string expected) => Assert.Equal(expected, MessageText.Safe(text));

        [Theory]
        [InlineData("the request had Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl here", "eyJ")]
        [InlineData("header Bearer abc.DEF-123_xyz~ was refused", "abc.DEF-123_xyz~")]
        [InlineData("token eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwcyJ9.sig in body", "eyJ0eXAi")]
        [InlineData("{\"access_token\":\"s3cr3t-value\"}", "s3cr3t-value")]
        [InlineData("https://x.blob.core.windows.net/c/f?sv=2020&sig=AbC%2Fdef%3D&se=1", "AbC%2Fdef%3D")]
        [InlineData("Authorization=\"SharedKey acct:abcdef\"", "abcdef")]
        public void CredentialsAreHidden(string text, string secret)
        {
            var safe = MessageText.Safe(text);
            Assert.DoesNotContain(secret, safe);
            Assert.Contains(MessageText.Hidden, safe);
        }

        [Fact]
        public void EveryInputErrorIsMadeSafeWhereItIsMade()
        {
            var ex = new AksEgressInputException("X", "Cluster 'a\nWARNING: b\u001b[2J': ARM answered 401: Bearer abcdefghijkl", "t");
            Assert.DoesNotContain("\n", ex.Message);
            Assert.DoesNotContain("\u001b", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("abcdefghijkl", ex.Message);
        }
    }
}
