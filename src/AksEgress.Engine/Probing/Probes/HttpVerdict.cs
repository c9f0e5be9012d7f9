using System;

namespace AksEgress.Probing
{
    /// <summary>
    /// What an HTTP answer says about the rule. Any status from the destination proves the path open (a 404 is
    /// reachable); only the answers a firewall or proxy gives in its place are denials.
    /// </summary>
    internal static class HttpVerdict
    {
        /// <param name="viaProxy">The request went to the configured proxy in absolute form, so a 403/407 is the proxy's.</param>
        /// <param name="overTls">The answer came through an end-to-end TLS session the proxy could not have written into.</param>
        public static ProbeOutcome Classify(ProbeContext context, HttpResponseHead? response, bool viaProxy, bool overTls)
        {
            if (response == null)
            {
                // After a trusted handshake with the real host the path is proven; the server just would not talk HEAD.
                return overTls
                    ? context.Pass("TLS handshake completed; the server closed without an HTTP response")
                    : context.Fail(ProbeFailureKind.HttpDenied, "connection closed without an HTTP response");
            }
            if (response.StatusCode == 0)
                return context.Pass("answered, but not with HTTP: " + ProbeText.OneLine(response.StatusLine, 120));

            var code = response.StatusCode;
            // 470 is Azure Firewall's own status for an application-rule deny; no origin uses it.
            if (code == 470)
                return context.Fail(ProbeFailureKind.HttpDenied, WithDenyText(response));

            if (code == 403 || code == 407)
            {
                if (viaProxy)
                    return context.Fail(ProbeFailureKind.HttpDenied, "proxy answered " + WithBody(response));
                // RFC 9209's Proxy-Status and Squid's error header only come from proxies.
                if (response.Header("Proxy-Status") != null || response.Header("X-Squid-Error") != null)
                    return context.Fail(ProbeFailureKind.HttpDenied, "proxy answered " + WithBody(response) + ProxyHeaders(response));
                // Via is also added by CDNs in front of real origins; it only points at a proxy where one could have
                // written the answer, i.e. not inside end-to-end TLS.
                if (code == 403 && !overTls && response.Header("Via") != null)
                    return context.Fail(ProbeFailureKind.HttpDenied, "proxy answered " + WithBody(response) + ProxyHeaders(response));
            }
            return context.Pass(response.StatusLine);
        }

        private static string WithDenyText(HttpResponseHead response)
        {
            var at = response.Body.IndexOf("Action: Deny", StringComparison.OrdinalIgnoreCase);
            return at >= 0 ? response.StatusLine + ": " + ProbeText.OneLine(response.Body) : response.StatusLine;
        }

        private static string WithBody(HttpResponseHead response) =>
            response.Body.Trim().Length > 0 ? response.StatusLine + ": " + ProbeText.OneLine(response.Body, 200) : response.StatusLine;

        private static string ProxyHeaders(HttpResponseHead response)
        {
            var text = "";
            foreach (var name in new[] { "Proxy-Status", "X-Squid-Error", "Via" })
            {
                var value = response.Header(name);
                if (value != null)
                    text += "; " + name + ": " + value;
            }
            return text;
        }
    }
}
