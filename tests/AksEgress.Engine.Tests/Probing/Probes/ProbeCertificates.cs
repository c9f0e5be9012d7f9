using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AksEgress.Tests.Probing.Probes
{
    /// <summary>
    /// Certificates made in memory for the TLS servers on 127.0.0.1: a leaf the probe trusts only through a pin, and
    /// leaves from a "Contoso Inspection CA" standing in for a TLS-inspecting proxy. ECDSA keys: made in milliseconds.
    /// </summary>
    internal static class ProbeCertificates
    {
        private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

        public static X509Certificate2 SelfSigned(string dnsName)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = LeafRequest("CN=" + dnsName, dnsName, key);
            var now = DateTimeOffset.UtcNow;
            using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
            return Reload(ephemeral);
        }

        public static X509Certificate2 Authority(string subject)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            var now = DateTimeOffset.UtcNow;
            using var ephemeral = request.CreateSelfSigned(now.AddDays(-2), now.AddDays(2));
            return Reload(ephemeral);
        }

        public static X509Certificate2 IssuedBy(X509Certificate2 authority, string dnsName)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = LeafRequest("CN=" + dnsName, dnsName, key);
            var now = DateTimeOffset.UtcNow;
            var serial = RandomNumberGenerator.GetBytes(12);
            using var issued = request.Create(authority, now.AddDays(-1), now.AddDays(1), serial);
            using var withKey = issued.CopyWithPrivateKey(key);
            return Reload(withKey);
        }

        /// <summary>Trusts exactly the given certificates, and only for the name asked: what a pinned client does.</summary>
        public static System.Net.Security.RemoteCertificateValidationCallback Pin(params X509Certificate2[] pinned)
        {
            var thumbprints = pinned.Select(c => c.Thumbprint).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return (_, certificate, _, errors) =>
                certificate != null
                && thumbprints.Contains(new X509Certificate2(certificate).Thumbprint)
                && (errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
        }

        private static CertificateRequest LeafRequest(string subject, string dnsName, ECDsa key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName(dnsName);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, false));
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            return request;
        }

        // Through PKCS#12, so SslStream can use the key on every platform.
        private static X509Certificate2 Reload(X509Certificate2 certificate) =>
            X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
