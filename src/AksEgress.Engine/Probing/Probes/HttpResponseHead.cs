using System;
using System.Collections.Generic;
using System.Globalization;

namespace AksEgress.Probing
{
    /// <summary>An HTTP response as far as a probe needs it: the status line, the headers and the start of the body.</summary>
    internal sealed class HttpResponseHead
    {
        private HttpResponseHead(string statusLine, int statusCode, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            StatusLine = statusLine;
            StatusCode = statusCode;
            Headers = headers;
        }

        public string StatusLine { get; }
        /// <summary>0 when the first line is not an HTTP status line (something else answered on the port).</summary>
        public int StatusCode { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }
        /// <summary>Up to 4 KB of body, read only when the verdict needs its text (a 470's "Action: Deny").</summary>
        public string Body { get; set; } = "";

        public string? Header(string name)
        {
            foreach (var pair in Headers)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                    return pair.Value;
            }
            return null;
        }

        /// <summary>Content-Length when given and valid; null otherwise (chunked, or delimited by the close).</summary>
        public long? ContentLength =>
            long.TryParse(Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : (long?)null;

        public static HttpResponseHead Parse(string head)
        {
            var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var statusLine = lines[0].Trim();
            var code = 0;
            // "HTTP/1.1 470 status code 470": the version, a three-digit code, then any reason phrase.
            var parts = statusLine.Split(new[] { ' ' }, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && parts[1].Length == 3)
                int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out code);

            var headers = new List<KeyValuePair<string, string>>();
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0)
                    headers.Add(new KeyValuePair<string, string>(lines[i].Substring(0, colon).Trim(), lines[i].Substring(colon + 1).Trim()));
            }
            return new HttpResponseHead(statusLine, code, headers);
        }
    }
}
