using System.Text.Json;

namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// Answers Resource Graph queries with the stored clusters, paged as the service pages: rows per page are the
    /// smaller of $top and the server's limit, and $skipToken is present only while rows remain.
    /// </summary>
    internal sealed class ResourceGraphResponder(FakeArmState state)
    {
        public FakeResponse Answer(string body, int pageLimit)
        {
            if (ResourceGraphQuery.Parse(body, out var error) is not { } query)
                return ArmErrors.BadRequest(error);
            var clusters = state.Clusters(query.Subscriptions);
            var start = Math.Min(query.Offset, clusters.Count);
            var count = Math.Min(Math.Min(query.Top, pageLimit), clusters.Count - start);

            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("totalRecords", clusters.Count);
                writer.WriteNumber("count", count);
                writer.WriteString("resultTruncated", "false");
                if (start + count < clusters.Count)
                    writer.WriteString("$skipToken", SkipToken.Encode(start + count));
                writer.WriteStartArray("data");
                for (var i = start; i < start + count; i++)
                    ResourceGraphRow.Write(writer, clusters[i], state.ExtensionTypes(clusters[i].Path.ClusterId!));
                writer.WriteEndArray();
                writer.WriteStartArray("facets");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            return FakeResponse.Json(200, buffer.ToArray());
        }
    }
}
