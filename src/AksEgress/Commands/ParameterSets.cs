namespace AksEgress.Commands
{
    /// <summary>Parameter-set names shared by the cmdlets.</summary>
    internal static class ParameterSets
    {
        /// <summary>A cluster described by parameters (it may not exist yet).</summary>
        public const string Plan = "Plan";
    }
}
