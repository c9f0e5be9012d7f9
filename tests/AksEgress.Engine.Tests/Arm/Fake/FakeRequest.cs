namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// An authenticated request as <see cref="FakeArmServer.Faults"/> sees it, before it is answered.
    /// </summary>
    /// <param name="Path">The decoded path as sent (original casing).</param>
    /// <param name="Query">The raw query string without the leading '?'.</param>
    /// <param name="Attempt">
    /// 1-based count of authenticated requests so far with the same Method, Path, Query and Body, so a fault can hit
    /// only the first attempt and let the client's retry through.
    /// </param>
    /// <param name="ClusterId">
    /// The cluster the request is about (the stored id's casing when the cluster is known); null for Resource Graph
    /// and unknown routes.
    /// </param>
    public sealed record FakeRequest(
        FakeRequestKind Kind, string Method, string Path, string Query, string Body, int Attempt, string? ClusterId);
}
