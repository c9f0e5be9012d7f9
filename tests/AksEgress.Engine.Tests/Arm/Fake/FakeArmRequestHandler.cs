using System.Text;
using Microsoft.AspNetCore.Http;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// The one terminal middleware: records the request, checks the token, consults the faults, answers, writes.
    /// Answers are computed as a whole before anything is written, so a fault can replace or truncate them.
    /// </summary>
    internal sealed class FakeArmRequestHandler(FakeArmServer server, FakeArmState state, RequestLog log,
        CancellationToken stopping)
    {
        private readonly ClusterResponder _clusters = new(state);
        private readonly ResourceGraphResponder _graph = new(state);

        public async Task HandleAsync(HttpContext context)
        {
            // Server shutdown cancels slow answers too, so disposing never waits for a fault's delay.
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            var request = context.Request;
            FakeResponse? response = null;
            var slot = -1;
            try
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync(aborted.Token);
                var path = request.Path.Value ?? "/";
                var query = request.QueryString.Value ?? "";
                var route = ArmPath.Route(request.Method, path);
                // Exactly one header with exactly this value: anything else is what ARM rejects as well.
                var authorized = request.Headers.Authorization.ToString() == "Bearer " + server.ExpectedToken;
                slot = log.Arrive(route.Kind, request.Method, path + query, body, authorized);
                response = authorized
                    ? await AnswerAsync(context, route, path, query.TrimStart('?'), body, aborted.Token)
                    : ArmErrors.InvalidToken();
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client gave up or the server is stopping: nobody is left to answer.
            }
            catch (Exception e)
            {
                // A bug in the fake or in a test's Faults callback: make it visible in the response, not a hang.
                response = ArmErrors.Error(500, "FakeArmServerFailure", e.ToString());
            }

            if (response is null)
            {
                context.Abort();
                return;
            }
            // Recorded before writing so a client that has the response also sees its status in Requests.
            if (slot >= 0)
                log.Complete(slot, response.Status);
            await WriteAsync(context.Response, response, aborted.Token);
        }

        private async Task<FakeResponse?> AnswerAsync(
            HttpContext context, ArmPath route, string path, string query, string body, CancellationToken aborted)
        {
            var clusterId = route.ClusterId is { } id ? state.Find(id)?.Path.ClusterId ?? id : null;
            var attempt = state.NextAttempt($"{context.Request.Method}\n{path}\n{query}\n{body}");
            var fakeRequest = new FakeRequest(route.Kind, context.Request.Method, path, query, body, attempt, clusterId);
            var fault = server.Faults?.Invoke(fakeRequest) ?? Fault.None;
            return await fault.ApplyAsync(() => Normal(context.Request, route, body), aborted);
        }

        private FakeResponse Normal(HttpRequest request, ArmPath route, string body)
        {
            if (string.IsNullOrEmpty(request.Query["api-version"].ToString()))
                return ArmErrors.MissingApiVersion();
            // nextLink uses the address the client called, which is the endpoint the client was given.
            var baseUri = new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}/");
            return route.Kind switch
            {
                FakeRequestKind.ResourceGraphQuery => _graph.Answer(body, server.ResourceGraphPageLimit),
                FakeRequestKind.Unknown => ArmErrors.NotFound(request.Path.Value ?? "/"),
                _ => _clusters.Answer(route, request, baseUri),
            };
        }

        private static async Task WriteAsync(HttpResponse response, FakeResponse answer, CancellationToken aborted)
        {
            response.StatusCode = answer.Status;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = answer.Body.Length;
            response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
            foreach (var (name, value) in answer.Headers)
                response.Headers.Append(name, value);
            try
            {
                await response.Body.WriteAsync(answer.Body, aborted);
            }
            catch (OperationCanceledException)
            {
                // The client went away mid-body; there is nothing to tell it.
            }
        }
    }
}
