using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// Azure Resource Manager and Resource Graph, as far as AksEgress uses them, over real HTTPS on 127.0.0.1 with
    /// an OS-assigned port and a certificate nobody trusts unless pinned through <see cref="CreateTrustingHandler"/>.
    /// </summary>
    public sealed class FakeArmServer : IAsyncDisposable
    {
        private readonly FakeArmState _state = new();
        private readonly RequestLog _log = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly WebApplication _app;
        private volatile string _expectedToken;
        private volatile Func<FakeRequest, Fault>? _faults;
        private volatile int _pageLimit = 1000;
        private int _disposed;

        private FakeArmServer(X509Certificate2 certificate, string expectedToken)
        {
            Certificate = certificate;
            _expectedToken = expectedToken;
            // The empty builder reads no configuration files and logs nothing: no file watchers per server, no
            // console noise, and nothing from the environment (ASPNETCORE_URLS) can move the listener.
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
            });
            _app = builder.Build();
            var handler = new FakeArmRequestHandler(this, _state, _log, _stopping.Token);
            _app.Run(handler.HandleAsync);
        }

        public static async Task<FakeArmServer> StartAsync(string expectedToken = "test-token-1")
        {
            var server = new FakeArmServer(FakeArmCertificate.Create(), expectedToken);
            try
            {
                await server._app.StartAsync();
                var address = server._app.Services.GetRequiredService<IServer>()
                    .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
                server.Endpoint = new Uri($"https://127.0.0.1:{new Uri(address).Port}/");
                return server;
            }
            catch
            {
                // The start failure is the one worth reporting, not whatever stopping a half-started host says.
                try { await server.DisposeAsync(); } catch (Exception) { }
                throw;
            }
        }

        /// <summary>https://127.0.0.1:{port}/</summary>
        public Uri Endpoint { get; private set; } = null!;

        public X509Certificate2 Certificate { get; }

        /// <summary>Requests must carry "Authorization: Bearer {ExpectedToken}"; change it to simulate token expiry.</summary>
        public string ExpectedToken
        {
            get => _expectedToken;
            set => _expectedToken = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>Resource Graph rows per page are min(options.$top, this).</summary>
        public int ResourceGraphPageLimit
        {
            get => _pageLimit;
            set => _pageLimit = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        /// <summary>Consulted for every authenticated request, from many threads at once; null means no faults.</summary>
        public Func<FakeRequest, Fault>? Faults
        {
            get => _faults;
            set => _faults = value;
        }

        /// <summary>A snapshot of every request so far in arrival order, including unauthenticated ones.</summary>
        public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

        /// <summary>
        /// A handler that trusts exactly this server's certificate and nothing else. It bypasses any proxy from the
        /// environment, since the server is on loopback.
        /// </summary>
        public HttpMessageHandler CreateTrustingHandler()
        {
            var pinned = Certificate.RawData;
            var handler = new SocketsHttpHandler { UseProxy = false };
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                // The chain cannot be built for a self-signed certificate; any other error (name mismatch) counts.
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned);
            return handler;
        }

        /// <summary>Adds a full ARM managedClusters document, keyed by its "id" (case-insensitive).</summary>
        public void AddCluster(string armJson) => _state.AddCluster(armJson);

        /// <summary>Adds Microsoft.KubernetesConfiguration/extensions of these types to a cluster.</summary>
        public void AddExtensions(string clusterId, params string[] extensionTypes) =>
            _state.AddExtensions(clusterId, extensionTypes);

        /// <summary>Sets the pages ({"value":[...]} each) of a cluster's outbound endpoints; nextLink is added here.</summary>
        public void SetOutboundEndpoints(string clusterId, params string[] pagesJson) =>
            _state.SetOutboundEndpoints(clusterId, pagesJson);

        /// <summary>Every request about this cluster answers 403 AuthorizationFailed.</summary>
        public void Deny(string clusterId) => _state.Deny(clusterId);

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            await _stopping.CancelAsync();
            try
            {
                await _app.StopAsync();
            }
            finally
            {
                await _app.DisposeAsync();
                _stopping.Dispose();
                Certificate.Dispose();
            }
        }
    }
}
