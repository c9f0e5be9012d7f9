namespace AksEgress.Probing
{
    /// <summary>How long one step took; ProbeOutcome only carries the total, the trace keeps the breakdown.</summary>
    internal sealed class ProbeStepTiming
    {
        public ProbeStepTiming(ProbeStep step, double milliseconds)
        {
            Step = step;
            Milliseconds = milliseconds;
        }

        public ProbeStep Step { get; }
        public double Milliseconds { get; }

        public override string ToString() => Step + " " + Milliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " ms";
    }
}
