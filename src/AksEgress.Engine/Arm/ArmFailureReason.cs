namespace AksEgress.Arm
{
    /// <summary>Why an ARM call failed, after retries. Each becomes part of a PascalCase ErrorId.</summary>
    public enum ArmFailureReason
    {
        NotFound,
        Forbidden,
        Unauthorized,
        BadRequest,
        Throttled,
        ServiceError,
        Timeout,
        ConnectionFailed,
        MalformedResponse,
        CredentialUnavailable,
        Failed,
    }
}
