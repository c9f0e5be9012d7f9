using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AksEgress.Arm
{
    /// <summary>
    /// Sends ARM requests through one Azure.Core pipeline (bearer token for the cloud's scope, retries that honour
    /// Retry-After, per-attempt timeout) and turns every way a call can fail into an ArmRequestException.
    /// </summary>
    public sealed class ArmClient
    {
        private readonly HttpPipeline _pipeline;
        private readonly ArmRequestLog _requestLog;

        public ArmClient(ArmCloud cloud, TokenCredential credential, ArmClientOptions? options = null)
        {
            Cloud = cloud ?? throw new ArgumentNullException(nameof(cloud));
            if (credential == null) throw new ArgumentNullException(nameof(credential));
            Options = options ?? new ArmClientOptions();
            _requestLog = new ArmRequestLog(Options.Log);
            _pipeline = HttpPipelineBuilder.Build(new ArmPipelineOptions(Options), new HttpPipelinePolicy[0],
                new HttpPipelinePolicy[] { new BearerTokenAuthenticationPolicy(credential, cloud.Scope), _requestLog },
                new ResponseClassifier());
        }

        public ArmCloud Cloud { get; }
        public ArmClientOptions Options { get; }

        /// <summary>HTTP attempts made so far, retries included.</summary>
        public int RequestCount => _requestLog.Count;

        /// <summary>An absolute URL for a path under this cloud's ARM endpoint, with the api-version.</summary>
        public Uri UriFor(string path, string apiVersion) =>
            new Uri(Cloud.ResourceManager, path.TrimStart('/') + (path.Contains("?") ? "&" : "?") + "api-version=" + Uri.EscapeDataString(apiVersion));

        public Task<JsonDocument> GetAsync(Uri uri, CancellationToken cancel) => SendAsync(RequestMethod.Get, uri, null, cancel);

        public Task<JsonDocument> PostAsync(Uri uri, byte[] body, CancellationToken cancel) => SendAsync(RequestMethod.Post, uri, body, cancel);

        private async Task<JsonDocument> SendAsync(RequestMethod method, Uri uri, byte[]? body, CancellationToken cancel)
        {
            // The one gate every request passes: the bearer token goes to this cloud's ARM endpoint and nowhere else.
            if (uri.Scheme != Uri.UriSchemeHttps || !string.Equals(uri.Authority, Cloud.ResourceManager.Authority, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArmRequestException(ArmFailureReason.BadRequest, 0, null,
                    $"refused to send the access token to {uri.Scheme}://{uri.Authority}, which is not the ARM endpoint {Cloud.ResourceManager.Authority}");
            }
            for (var attempt = 0; ; attempt++)
            {
                using (var message = _pipeline.CreateMessage())
                {
                    message.Request.Method = method;
                    message.Request.Uri.Reset(uri);
                    message.Request.Headers.Add("Accept", "application/json");
                    if (body != null)
                    {
                        message.Request.Headers.Add("Content-Type", "application/json");
                        message.Request.Content = RequestContent.Create(body);
                    }

                    await SendOnce(message, cancel).ConfigureAwait(false);
                    var response = message.Response;
                    if (response.Status < 200 || response.Status > 299) throw ArmErrorBody.ToException(response);
                    try
                    {
                        return JsonDocument.Parse(response.Content.ToMemory());
                    }
                    catch (JsonException ex)
                    {
                        // A 2xx answer whose body was cut off on the way: ask again, then give up for this call.
                        if (attempt < Options.MalformedResponseRetries) continue;
                        throw new ArmRequestException(ArmFailureReason.MalformedResponse, response.Status, null,
                            $"ARM answered {response.Status} but the body was not valid JSON after {attempt + 1} attempts ({ex.Message}).", ex);
                    }
                }
            }
        }

        private async Task SendOnce(HttpMessage message, CancellationToken cancel)
        {
            try
            {
                await _pipeline.SendAsync(message, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw; // Ctrl+C: not a failure of the cluster
            }
            catch (Exception ex) when (Classify(ex) is ArmRequestException failure)
            {
                throw failure;
            }
        }

        /// <summary>What a pipeline exception means after Azure.Core spent its retries; null for one we do not expect.</summary>
        private static ArmRequestException? Classify(Exception ex)
        {
            switch (ex)
            {
                case CredentialUnavailableException _:
                case AuthenticationFailedException _:
                    return new ArmRequestException(ArmFailureReason.CredentialUnavailable, 0, null, ex.Message, ex);
                case AggregateException aggregate:
                    var inner = aggregate.Flatten().InnerExceptions;
                    var last = inner.Count > 0 ? inner[inner.Count - 1] : ex;
                    var timedOut = inner.Count > 0 && inner.All(e => e is OperationCanceledException);
                    return new ArmRequestException(timedOut ? ArmFailureReason.Timeout : ArmFailureReason.ConnectionFailed, 0, null,
                        timedOut ? $"no answer within the time limit, {inner.Count} attempts" : $"{last.Message} ({inner.Count} attempts)", ex);
                case OperationCanceledException _:
                    return new ArmRequestException(ArmFailureReason.Timeout, 0, null, "no answer within the time limit", ex);
                case RequestFailedException _:
                case HttpRequestException _:
                case IOException _:
                    return new ArmRequestException(ArmFailureReason.ConnectionFailed, 0, null, ex.Message, ex);
                default:
                    return null;
            }
        }
    }
}
