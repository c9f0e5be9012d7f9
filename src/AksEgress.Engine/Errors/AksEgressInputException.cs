using System;

namespace AksEgress.Errors
{
    /// <summary>What kind of problem an engine error is, so the host can pick the matching PowerShell category.</summary>
    public enum AksEgressErrorKind
    {
        InvalidArgument,
        ObjectNotFound,
        InvalidData,
        PermissionDenied,
        ConnectionError,
        OperationTimeout,
        AuthenticationError,
        LimitsExceeded,
    }

    /// <summary>
    /// Input the engine cannot use. Carries a PascalCase ErrorId that is unique per site, the offending value
    /// as target, and a message that says what was wrong and what to do. The message quotes inputs, so it is made
    /// safe here, once for every error: one line, no terminal control, no credential (<see cref="MessageText"/>).
    /// </summary>
    public sealed class AksEgressInputException : ArgumentException
    {
        public AksEgressInputException(string errorId, string message, object? target, AksEgressErrorKind kind = AksEgressErrorKind.InvalidArgument)
            : base(MessageText.Safe(message))
        {
            ErrorId = errorId;
            Target = target;
            Kind = kind;
        }

        public string ErrorId { get; }
        public object? Target { get; }
        public AksEgressErrorKind Kind { get; }
    }
}
