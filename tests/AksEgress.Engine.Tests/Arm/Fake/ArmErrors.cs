using System.Text.Json;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>The ARM error envelope, {"error":{"code","message"}}, with the codes and texts the real service uses.</summary>
    internal static class ArmErrors
    {
        public static FakeResponse Error(int status, string code, string message) =>
            FakeResponse.Json(status, JsonSerializer.SerializeToUtf8Bytes(new { error = new { code, message } }));

        public static FakeResponse InvalidToken() =>
            Error(401, "InvalidAuthenticationToken", "The access token is invalid.")
                .WithHeader("WWW-Authenticate",
                    "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\"");

        public static FakeResponse MissingApiVersion() =>
            Error(400, "MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.");

        public static FakeResponse ClusterNotFound(ArmPath path) =>
            Error(404, "ResourceNotFound",
                $"The Resource 'Microsoft.ContainerService/managedClusters/{path.Name}' under resource group " +
                $"'{path.ResourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");

        public static FakeResponse Denied(string clusterId) =>
            Error(403, "AuthorizationFailed",
                "The client 'fake-client@example.com' with object id '00000000-0000-0000-0000-00000000c11e' does not " +
                "have authorization to perform action 'Microsoft.ContainerService/managedClusters/read' over scope " +
                $"'{clusterId}' or the scope is invalid. If access was recently granted, please refresh your credentials.");

        public static FakeResponse NotFound(string path) =>
            Error(404, "NotFound", $"No route for '{path}' on the fake ARM server.");

        public static FakeResponse BadRequest(string message) => Error(400, "BadRequest", message);
    }
}
