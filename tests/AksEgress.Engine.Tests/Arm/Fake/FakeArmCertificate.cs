using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// A throw-away server certificate made in memory, valid for a day either side of now, never installed anywhere:
    /// a client trusts it only by pinning it, which is what proves the code under test does real TLS.
    /// </summary>
    internal static class FakeArmCertificate
    {
        private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

        // Making an RSA 2048 key takes up to half a second, and suites start a server per test: the key is made once
        // and shared. Each certificate still differs (random serial number), so pinning tells servers apart.
        private static readonly Lazy<byte[]> SharedKey = new(() =>
        {
            using var rsa = RSA.Create(2048);
            return rsa.ExportPkcs8PrivateKey();
        });

        public static X509Certificate2 Create()
        {
            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(SharedKey.Value, out _);
            var request = new CertificateRequest(
                "CN=AksEgress fake ARM", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));

            var now = DateTimeOffset.UtcNow;
            using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            // A round trip through PKCS#12 gives a key SslStream can use on every platform (an ephemeral key from
            // CreateSelfSigned cannot be used by SChannel on Windows).
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        }
    }
}
