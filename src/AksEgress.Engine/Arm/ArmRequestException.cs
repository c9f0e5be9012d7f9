using System;

namespace AksEgress.Arm
{
    /// <summary>An ARM request that failed for good (retries spent). Carries ARM's own error code and message.</summary>
    public sealed class ArmRequestException : Exception
    {
        public ArmRequestException(ArmFailureReason reason, int status, string? armCode, string message, Exception? inner = null)
            : base(Errors.MessageText.Safe(message), inner)
        {
            Reason = reason;
            Status = status;
            ArmCode = armCode;
        }

        public ArmFailureReason Reason { get; }
        /// <summary>The HTTP status of the last answer; 0 when there was none.</summary>
        public int Status { get; }
        public string? ArmCode { get; }

        public static ArmFailureReason ReasonOf(int status)
        {
            if (status == 404) return ArmFailureReason.NotFound;
            if (status == 403) return ArmFailureReason.Forbidden;
            if (status == 401) return ArmFailureReason.Unauthorized;
            if (status == 429) return ArmFailureReason.Throttled;
            if (status == 408 || status == 504) return ArmFailureReason.Timeout;
            if (status >= 500) return ArmFailureReason.ServiceError;
            if (status >= 400) return ArmFailureReason.BadRequest;
            return ArmFailureReason.Failed;
        }
    }
}
