using System.Text.Json;
using AksEgress.Arm;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>nextLink is followed only to the ARM endpoint the token was meant for, over HTTPS.</summary>
    public sealed class ArmPagingTests
    {
        private static readonly ArmCloud Public = ArmCloud.For(AzureCloudName.AzureCloud);

        private static Uri? Next(string json, ArmCloud? cloud = null)
        {
            using var page = JsonDocument.Parse(json);
            return ArmPaging.NextLink(page.RootElement, cloud ?? Public);
        }

        private static string Page(string nextLink) => JsonSerializer.Serialize(new { value = Array.Empty<object>(), nextLink });

        [Theory]
        [InlineData("https://evil.example.com/x")]
        [InlineData("https://management.azure.com.evil.example.com/x")]
        [InlineData("https://management.chinacloudapi.cn/x")]
        [InlineData("https://management.azure.com:8443/x")]
        [InlineData("http://management.azure.com/x")]
        [InlineData("ftp://management.azure.com/x")]
        [InlineData("/subscriptions/s/x")]
        [InlineData("not a url")]
        public void A_nextLink_elsewhere_is_refused_as_a_malformed_response(string nextLink)
        {
            var ex = Assert.Throws<ArmRequestException>(() => Next(Page(nextLink)));

            Assert.Equal(ArmFailureReason.MalformedResponse, ex.Reason);
            Assert.Contains("management.azure.com", ex.Message);
        }

        [Theory]
        [InlineData("https://management.azure.com/subscriptions/s/x?api-version=1&$skipToken=2")]
        [InlineData("https://MANAGEMENT.azure.com/x")]
        [InlineData("https://management.azure.com:443/x")]
        public void A_nextLink_on_the_arm_endpoint_is_followed(string nextLink)
        {
            var next = Next(Page(nextLink));

            Assert.NotNull(next);
            Assert.Equal("management.azure.com", next!.Host);
            Assert.Equal(Uri.UriSchemeHttps, next.Scheme);
        }

        [Fact]
        public void The_endpoint_of_the_client_counts_not_the_clouds_usual_one()
        {
            var local = Public.WithEndpoint(new Uri("https://127.0.0.1:4443"));

            Assert.Equal(new Uri("https://127.0.0.1:4443/x?page=2"), Next(Page("https://127.0.0.1:4443/x?page=2"), local));
            Assert.Throws<ArmRequestException>(() => Next(Page("https://127.0.0.1:4444/x"), local));
            Assert.Throws<ArmRequestException>(() => Next(Page("https://management.azure.com/x"), local));
        }

        [Theory]
        [InlineData("""{"value":[]}""")]
        [InlineData("""{"value":[],"nextLink":null}""")]
        [InlineData("""{"value":[],"nextLink":""}""")]
        [InlineData("""[]""")]
        public void No_nextLink_is_the_last_page(string json)
        {
            Assert.Null(Next(json));
        }
    }
}
