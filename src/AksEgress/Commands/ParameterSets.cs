namespace AksEgress.Commands
{
    /// <summary>Parameter-set names shared by the cmdlets.</summary>
    internal static class ParameterSets
    {
        /// <summary>A cluster described by parameters (it may not exist yet).</summary>
        public const string Plan = "Plan";

        /// <summary>Clusters come down the pipeline (Get-AzAksCluster, az aks show | ConvertFrom-Json, Search-AzGraph).</summary>
        public const string InputObject = "InputObject";

        /// <summary>One cluster read live through ARM by subscription, resource group and name.</summary>
        public const string ResourceName = "ResourceName";

        /// <summary>Clusters read live through ARM by resource id.</summary>
        public const string ResourceId = "ResourceId";

        /// <summary>Every cluster the caller can see, through Azure Resource Graph.</summary>
        public const string All = "All";

        /// <summary>Export-AksEgressRule writes the text to the pipeline.</summary>
        public const string ToPipeline = "ToPipeline";

        /// <summary>Export-AksEgressRule writes the text to a file named by -Path (wildcards resolve to one existing file).</summary>
        public const string ToFile = "ToFile";

        /// <summary>Export-AksEgressRule writes the text to a file named by -LiteralPath (no wildcards).</summary>
        public const string ToLiteralFile = "ToLiteralFile";
    }
}
