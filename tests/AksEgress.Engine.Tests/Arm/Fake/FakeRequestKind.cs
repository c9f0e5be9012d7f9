namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>Which ARM or Resource Graph operation a request to <see cref="FakeArmServer"/> was routed to.</summary>
    public enum FakeRequestKind
    {
        ClusterGet,
        ExtensionsList,
        OutboundEndpointsList,
        ResourceGraphQuery,
        Unknown,
    }
}
