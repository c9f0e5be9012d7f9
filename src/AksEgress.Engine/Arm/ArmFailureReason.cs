namespace AksEgress.Arm
{
    /// <summary>Why an ARM call failed, after retries. Each becomes part of a PascalCase ErrorId.</summary>
    public enum ArmFailureReason
    {
        NotFound,
        Forbidden,
        Unauthorized,
        BadRequest,
        /// <summary>The subscription is not registered for the resource provider (MissingSubscriptionRegistration).</summary>
        NotRegistered,
        Throttled,
        ServiceError,
        Timeout,
        ConnectionFailed,
        MalformedResponse,
        CredentialUnavailable,
        Failed,
    }
}
