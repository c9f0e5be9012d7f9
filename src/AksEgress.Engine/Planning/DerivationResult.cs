using System.Collections.Generic;

namespace AksEgress.Planning
{
    /// <summary>The rules for one cluster plus what the operator should be told about them.</summary>
    public sealed class DerivationResult
    {
        public DerivationResult(IReadOnlyList<AksEgressRule> rules, IReadOnlyList<string> warnings)
        {
            Rules = rules;
            Warnings = warnings;
        }

        public IReadOnlyList<AksEgressRule> Rules { get; }
        public IReadOnlyList<string> Warnings { get; }
    }
}
