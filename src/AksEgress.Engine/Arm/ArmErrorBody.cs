using System;
using System.Text.Json;
using Azure;

namespace AksEgress.Arm
{
    /// <summary>Reads ARM's error envelope {"error":{"code","message"}} from a failed answer.</summary>
    internal static class ArmErrorBody
    {
        public static ArmRequestException ToException(Response response)
        {
            string? code = null, message = null;
            try
            {
                using (var document = JsonDocument.Parse(response.Content.ToMemory()))
                {
                    if (document.RootElement.ValueKind == JsonValueKind.Object
                        && document.RootElement.TryGetProperty("error", out var error)
                        && error.ValueKind == JsonValueKind.Object)
                    {
                        code = Text(error, "code");
                        message = Text(error, "message");
                    }
                }
            }
            catch (JsonException)
            {
                // Not every failure has an ARM body (a proxy's 502 page, an empty 503): the status still says enough.
            }

            var reason = string.Equals(code, "MissingSubscriptionRegistration", StringComparison.OrdinalIgnoreCase)
                ? ArmFailureReason.NotRegistered
                : ArmRequestException.ReasonOf(response.Status);
            var text = $"ARM answered {response.Status}{(code != null ? " " + code : "")}{(message != null ? ": " + message : ".")}";
            return new ArmRequestException(reason, response.Status, code, text);
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
