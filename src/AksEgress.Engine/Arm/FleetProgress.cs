namespace AksEgress.Arm
{
    /// <summary>How far a fleet run is: clusters handed out so far against Resource Graph's own count.</summary>
    public sealed class FleetProgress
    {
        public FleetProgress(int pages, int clusters, long? total)
        {
            Pages = pages;
            Clusters = clusters;
            Total = total;
        }

        public int Pages { get; }
        public int Clusters { get; }
        public long? Total { get; }

        /// <summary>The progress bar's status line.</summary>
        public string Status => Total.HasValue ? $"{Clusters} of {Total} clusters" : $"{Clusters} clusters";

        /// <summary>0-100, or -1 when Resource Graph gave no total.</summary>
        public int Percent => Total.HasValue && Total.Value > 0 ? (int)System.Math.Min(100, Clusters * 100L / Total.Value) : -1;
    }
}
