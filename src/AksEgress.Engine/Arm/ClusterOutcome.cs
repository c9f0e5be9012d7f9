using System.Collections.Generic;
using AksEgress.Errors;

namespace AksEgress.Arm
{
    /// <summary>What one cluster gave: its rules and warnings, or exactly one error. Never both rules and an error.</summary>
    public sealed class ClusterOutcome
    {
        private ClusterOutcome(object? target, IReadOnlyList<AksEgressRule> rules, IReadOnlyList<string> warnings, AksEgressInputException? error)
        {
            Target = target;
            Rules = rules;
            Warnings = warnings;
            Error = error;
        }

        /// <summary>The cluster's id (else its name): the error record's target.</summary>
        public object? Target { get; }
        public IReadOnlyList<AksEgressRule> Rules { get; }
        public IReadOnlyList<string> Warnings { get; }
        public AksEgressInputException? Error { get; }

        public static ClusterOutcome Success(object? target, IReadOnlyList<AksEgressRule> rules, IReadOnlyList<string> warnings) =>
            new ClusterOutcome(target, rules, warnings, null);

        /// <param name="warnings">Warnings gathered before the failure (for example an extension list that could not be read).</param>
        public static ClusterOutcome Failure(AksEgressInputException error, IReadOnlyList<string>? warnings = null) =>
            new ClusterOutcome(error.Target, new AksEgressRule[0], warnings ?? new string[0], error);
    }
}
