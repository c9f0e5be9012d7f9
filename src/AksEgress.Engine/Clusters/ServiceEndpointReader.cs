using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using AksEgress.Errors;

namespace AksEgress.Clusters
{
    /// <summary>
    /// Reads one page of the outboundNetworkDependenciesEndpoints ARM API of a managed cluster:
    /// <c>{"value":[{"category":…,"endpoints":[{"domainName":…,"endpointDetails":[{"port":…,"protocol":…,"description":…,"ipAddress":…}]}]}],"nextLink":…}</c>.
    /// <para>
    /// Property names are matched case-insensitively (the exact spelling first). A member that is missing or null
    /// reads as empty; a member of the wrong JSON type, a page that is not an object, or a page without a
    /// <c>value</c> array is an error: it is not a page of this API (an error body, say), and reading it as "no
    /// endpoints" would hide that.
    /// </para>
    /// </summary>
    public static class ServiceEndpointReader
    {
        public const string MalformedErrorId = "ServiceReportedMalformed";

        /// <summary>
        /// The endpoints of one page, in page order: one per endpoint detail; a domain without details gives one
        /// endpoint with Port 0 and an empty Protocol. <paramref name="nextLink"/> is the URL of the next page, or
        /// null on the last page. Throws AksEgressInputException (ErrorId ServiceReportedMalformed, InvalidData).
        /// </summary>
        public static IReadOnlyList<ServiceEndpoint> ReadPage(JsonElement page, out string? nextLink)
        {
            if (page.ValueKind != JsonValueKind.Object)
            {
                throw Malformed("the page", $"is a JSON {Describe(page.ValueKind)}, not an object");
            }

            var next = OptionalString(page, "nextLink", "nextLink");
            nextLink = string.IsNullOrEmpty(next) ? null : next;

            if (!TryGet(page, "value", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw Malformed("the page", "has no 'value' array");
            }
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Malformed("'value'", $"is a JSON {Describe(value.ValueKind)}, not an array");
            }

            var endpoints = new List<ServiceEndpoint>();
            var c = 0;
            foreach (var categoryElement in value.EnumerateArray())
            {
                var categoryPath = $"value[{c++}]";
                RequireObject(categoryElement, categoryPath);
                var category = OptionalString(categoryElement, "category", categoryPath + ".category");

                var e = 0;
                foreach (var endpointElement in OptionalArray(categoryElement, "endpoints", categoryPath + ".endpoints"))
                {
                    var endpointPath = $"{categoryPath}.endpoints[{e++}]";
                    RequireObject(endpointElement, endpointPath);
                    var domain = OptionalString(endpointElement, "domainName", endpointPath + ".domainName");

                    var any = false;
                    var d = 0;
                    foreach (var detail in OptionalArray(endpointElement, "endpointDetails", endpointPath + ".endpointDetails"))
                    {
                        var detailPath = $"{endpointPath}.endpointDetails[{d++}]";
                        RequireObject(detail, detailPath);
                        any = true;
                        var description = OptionalString(detail, "description", detailPath + ".description");
                        var address = OptionalString(detail, "ipAddress", detailPath + ".ipAddress");
                        endpoints.Add(new ServiceEndpoint
                        {
                            Category = category,
                            DomainName = domain,
                            Port = OptionalPort(detail, detailPath + ".port"),
                            Protocol = OptionalString(detail, "protocol", detailPath + ".protocol"),
                            Description = description.Length == 0 ? null : description,
                            IpAddress = address.Length == 0 ? null : address,
                        });
                    }
                    if (!any)
                    {
                        endpoints.Add(new ServiceEndpoint { Category = category, DomainName = domain });
                    }
                }
            }
            return endpoints;
        }

        /// <summary>The member named <paramref name="name"/>: the exact spelling if present, else the first case-insensitive match.</summary>
        private static bool TryGet(JsonElement element, string name, out JsonElement value)
        {
            if (element.TryGetProperty(name, out value)) return true;
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
            value = default;
            return false;
        }

        private static void RequireObject(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, $"is a JSON {Describe(element.ValueKind)}, not an object");
            }
        }

        private static IEnumerable<JsonElement> OptionalArray(JsonElement parent, string name, string path)
        {
            if (!TryGet(parent, name, out var value) || value.ValueKind == JsonValueKind.Null) return Array.Empty<JsonElement>();
            if (value.ValueKind != JsonValueKind.Array) throw Malformed(path, $"is a JSON {Describe(value.ValueKind)}, not an array");
            return value.EnumerateArray();
        }

        private static string OptionalString(JsonElement parent, string name, string path)
        {
            if (!TryGet(parent, name, out var value) || value.ValueKind == JsonValueKind.Null) return "";
            if (value.ValueKind != JsonValueKind.String) throw Malformed(path, $"is a JSON {Describe(value.ValueKind)}, not a string");
            return value.GetString()!.Trim();
        }

        /// <summary>The port: a number (or a string of digits) from 1 to 65535; 0 when absent or null.</summary>
        private static int OptionalPort(JsonElement detail, string path)
        {
            if (!TryGet(detail, "port", out var value) || value.ValueKind == JsonValueKind.Null) return 0;
            int port;
            if (value.ValueKind == JsonValueKind.Number)
            {
                if (!value.TryGetInt32(out port)) port = -1;
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                if (!int.TryParse(value.GetString()!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out port)) port = -1;
            }
            else
            {
                throw Malformed(path, $"is a JSON {Describe(value.ValueKind)}, not a port number");
            }
            if (port < 1 || port > 65535) throw Malformed(path, $"is {value.GetRawText()}, not a port from 1 to 65535");
            return port;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            _ => "nothing",
        };

        private static AksEgressInputException Malformed(string what, string why) =>
            new AksEgressInputException(MalformedErrorId,
                $"The cluster's outboundNetworkDependenciesEndpoints response cannot be read: {what} {why}. Expected a page like {{\"value\":[{{\"category\":\"…\",\"endpoints\":[{{\"domainName\":\"…\",\"endpointDetails\":[{{\"port\":443,\"protocol\":\"Https\"}}]}}]}}],\"nextLink\":\"…\"}}. Run without -IncludeServiceReported to get the catalog's rules alone.",
                what, AksEgressErrorKind.InvalidData);
    }
}
