using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace AksEgress.Arm
{
    /// <summary>
    /// A fixed bearer token (-AccessToken, or the one Get-AzAccessToken gave) as an Azure.Core credential. The
    /// token stays in a SecureString; it becomes a string only inside <see cref="GetToken"/>, because
    /// <see cref="AccessToken"/> needs one. It cannot be refreshed: once it expires, requests fail with
    /// <see cref="CredentialUnavailableException"/> saying how to get a new one.
    /// </summary>
    public sealed class SecureStringTokenCredential : TokenCredential, IDisposable
    {
        private readonly SecureString _token;
        private readonly DateTimeOffset _expiresOn;
        private readonly bool _expiryKnown;
        private readonly Func<DateTimeOffset> _now;

        /// <param name="token">The bearer token, without the "Bearer " prefix. Copied, so the caller may dispose its own.</param>
        /// <param name="expiresOn">When it expires; null when unknown (a pasted -AccessToken).</param>
        public SecureStringTokenCredential(SecureString token, DateTimeOffset? expiresOn = null)
            : this(token, expiresOn, () => DateTimeOffset.UtcNow)
        {
        }

        internal SecureStringTokenCredential(SecureString token, DateTimeOffset? expiresOn, Func<DateTimeOffset> now)
        {
            if (token == null) throw new ArgumentNullException(nameof(token));
            if (token.Length == 0) throw new ArgumentException("The access token is empty.", nameof(token));
            _token = token.Copy();
            _token.MakeReadOnly();
            _now = now;

            // Azure.Core's BearerTokenAuthenticationPolicy caches the AccessToken we return. It asks again in the
            // foreground once now >= ExpiresOn, and in the background once now >= RefreshOn (ExpiresOn - 5 minutes
            // when RefreshOn is null). A background refresh of a fixed token returns the same token with the same
            // times, so it would run again on every request. So RefreshOn is always set to ExpiresOn: the policy
            // never refreshes early and asks again only when the token has really expired, which is when
            // GetToken throws the "run Connect-AzAccount again" error instead of sending a dead token.
            // Unknown expiry is DateTimeOffset.MaxValue: the policy never asks again (no refresh loop, no date
            // arithmetic overflow since RefreshOn is given), and if the token has in fact expired ARM answers 401
            // ExpiredAuthenticationToken, which the caller reports. A made-up "now + 1 hour" would instead fail a
            // still-valid token after an hour or keep sending a dead one, both without saying why.
            _expiryKnown = expiresOn.HasValue;
            _expiresOn = expiresOn ?? DateTimeOffset.MaxValue;
        }

        /// <summary>When the token expires; null when unknown.</summary>
        public DateTimeOffset? ExpiresOn => _expiryKnown ? _expiresOn : (DateTimeOffset?)null;

        /// <summary>Returns the token whatever the scopes; it is valid for the resource it was issued for.</summary>
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_expiryKnown && _expiresOn <= _now())
            {
                throw new CredentialUnavailableException(string.Format(CultureInfo.InvariantCulture,
                    "The access token expired at {0:yyyy-MM-dd HH:mm:ss} UTC. Run Connect-AzAccount again, or pass a fresh -AccessToken.",
                    _expiresOn.UtcDateTime));
            }

            return new AccessToken(Reveal(), _expiresOn, _expiresOn);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));

        public void Dispose() => _token.Dispose();

        /// <summary>Names the credential and its expiry; never the token.</summary>
        public override string ToString() => _expiryKnown
            ? string.Format(CultureInfo.InvariantCulture, "SecureStringTokenCredential (expires {0:yyyy-MM-dd HH:mm:ss} UTC)", _expiresOn.UtcDateTime)
            : "SecureStringTokenCredential (expiry unknown)";

        private string Reveal()
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(_token);
                return Marshal.PtrToStringUni(pointer, _token.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
