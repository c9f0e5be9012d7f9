using System;
using System.Management.Automation;
using AksEgress.Errors;

namespace AksEgress.Commands
{
    /// <summary>Turns engine errors into ErrorRecords with the category that fits their kind.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord FromInput(AksEgressInputException ex) =>
            new ErrorRecord(ex, ex.ErrorId, Category(ex.Kind), ex.Target);

        /// <summary>An error about a piped object: its target is what the engine named, else the object itself.</summary>
        public static ErrorRecord FromInput(AksEgressInputException ex, object? piped) =>
            new ErrorRecord(ex, ex.ErrorId, Category(ex.Kind), ex.Target ?? piped);

        /// <summary>A failure the engine did not foresee; still reported as a PowerShell error, never a raw .NET exception.</summary>
        public static ErrorRecord Unexpected(Exception ex, string errorId, object? target) =>
            new ErrorRecord(new InvalidOperationException($"AksEgress failed unexpectedly: {ex.Message} Please report this with the command you ran.", ex),
                errorId, ErrorCategory.NotSpecified, target);

        private static ErrorCategory Category(AksEgressErrorKind kind)
        {
            switch (kind)
            {
                case AksEgressErrorKind.ObjectNotFound: return ErrorCategory.ObjectNotFound;
                case AksEgressErrorKind.InvalidData: return ErrorCategory.InvalidData;
                case AksEgressErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case AksEgressErrorKind.ConnectionError: return ErrorCategory.ConnectionError;
                case AksEgressErrorKind.OperationTimeout: return ErrorCategory.OperationTimeout;
                case AksEgressErrorKind.AuthenticationError: return ErrorCategory.AuthenticationError;
                case AksEgressErrorKind.LimitsExceeded: return ErrorCategory.LimitsExceeded;
                default: return ErrorCategory.InvalidArgument;
            }
        }
    }
}
