using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AksEgress.Probing
{
    /// <summary>
    /// The validation callback handed to SslStream. It records what the server showed and what the validator thought
    /// of it, and always lets the handshake finish: the verdict is given afterwards, with the issuer as evidence,
    /// instead of surfacing as an AuthenticationException that reads like the connection failing.
    /// </summary>
    internal sealed class CertificateCapture
    {
        private readonly RemoteCertificateValidationCallback? _validator;

        public CertificateCapture(RemoteCertificateValidationCallback? validator)
        {
            _validator = validator;
        }

        public bool Seen { get; private set; }
        public bool Trusted { get; private set; }
        public SslPolicyErrors Errors { get; private set; }
        public string Issuer { get; private set; } = "";
        public string Subject { get; private set; } = "";
        /// <summary>The chain's own statuses (UntrustedRoot, PartialChain...), read while the chain is still alive.</summary>
        public IReadOnlyList<string> ChainStatus { get; private set; } = new string[0];

        public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            Seen = true;
            Errors = errors;
            Issuer = certificate?.Issuer ?? "";
            Subject = certificate?.Subject ?? "";
            ChainStatus = chain?.ChainStatus
                .Where(s => s.Status != X509ChainStatusFlags.NoError)
                .Select(s => s.Status.ToString())
                .Distinct()
                .ToArray() ?? new string[0];
            // An injected validator (a test's pin, a corporate root) replaces the system's judgement entirely.
            Trusted = _validator != null ? _validator(sender, certificate, chain, errors) : errors == SslPolicyErrors.None;
            return true;
        }

        /// <summary>"issuer CN=Contoso Inspection CA, subject CN=mcr.microsoft.com, chain errors (UntrustedRoot)".</summary>
        public string Describe()
        {
            var reasons = new List<string>();
            if ((Errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
                reasons.Add("no certificate");
            if ((Errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                reasons.Add(ChainStatus.Count > 0 ? "chain errors (" + string.Join(", ", ChainStatus) + ")" : "chain errors");
            if ((Errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                reasons.Add("name mismatch");
            if (reasons.Count == 0)
                reasons.Add("rejected by the certificate validator");
            return "issuer " + Issuer + ", subject " + Subject + ", " + string.Join(", ", reasons);
        }
    }
}
