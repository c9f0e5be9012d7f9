namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>One request as <see cref="FakeArmServer.Requests"/> lists it, authenticated or not.</summary>
    /// <param name="PathAndQuery">The decoded path and the raw query, including its '?'.</param>
    /// <param name="Status">
    /// The status code sent; 0 when nothing was sent (the connection was dropped, the client gave up, or the
    /// request is still in flight).
    /// </param>
    public sealed record RecordedRequest(
        FakeRequestKind Kind, string Method, string PathAndQuery, string Body, bool Authorized, int Status,
        DateTimeOffset ReceivedAt);
}
