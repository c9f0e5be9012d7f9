using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AksEgress.Arm;
using AksEgress.Tests.Arm.Fake;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AksEgress.Tests.Arm.Live
{
    /// <summary>An ArmClient aimed at a FakeArmServer, with short retry delays, and the log lines it wrote.</summary>
    internal sealed class LiveArm
    {
        public LiveArm(FakeArmServer server, AzureCloudName cloud = AzureCloudName.AzureCloud, TokenCredential? credential = null,
            Action<ArmClientOptions>? tune = null)
        {
            Credential = credential as TestTokenCredential ?? new TestTokenCredential(server.ExpectedToken);
            var options = new ArmClientOptions
            {
                RetryDelay = TimeSpan.FromMilliseconds(20),
                MaxRetryDelay = TimeSpan.FromSeconds(2), // above the tests' 1 s Retry-After, so it is waited for
                NetworkTimeout = TimeSpan.FromSeconds(2),
                MaxRetries = 3,
                Transport = new HttpClientTransport(server.CreateTrustingHandler()),
                Log = Log.Enqueue,
            };
            tune?.Invoke(options);
            Client = new ArmClient(ArmCloud.For(cloud).WithEndpoint(server.Endpoint), credential ?? Credential, options);
        }

        public ArmClient Client { get; }
        public TestTokenCredential Credential { get; }
        public ConcurrentQueue<string> Log { get; } = new ConcurrentQueue<string>();

        public static string DocumentText(string name, [CallerFilePath] string thisFile = "") =>
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "Clusters", "Documents", name + ".json"));
    }
}
