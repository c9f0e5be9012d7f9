using System.Text.Json.Nodes;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>Where two JSON values differ, by path: objects compare by property name (order aside), arrays item by item.</summary>
    public static class JsonDifferences
    {
        private const int Most = 20;

        /// <summary>Up to 20 lines "path: first | second"; none when the two values are equal.</summary>
        public static List<string> Between(JsonNode? first, JsonNode? second)
        {
            var differences = new List<string>();
            Compare(first, second, "$", differences);
            return differences;
        }

        private static void Compare(JsonNode? first, JsonNode? second, string path, List<string> differences)
        {
            if (differences.Count >= Most) return;
            switch (first, second)
            {
                case (JsonObject a, JsonObject b):
                    foreach (var (name, value) in a)
                    {
                        if (b.ContainsKey(name)) Compare(value, b[name], $"{path}.{name}", differences);
                        else differences.Add($"{path}.{name}: {Show(value)} | (missing)");
                    }
                    foreach (var (name, value) in b)
                    {
                        if (!a.ContainsKey(name)) differences.Add($"{path}.{name}: (missing) | {Show(value)}");
                    }
                    break;
                case (JsonArray a, JsonArray b):
                    for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                    {
                        if (i >= a.Count) differences.Add($"{path}[{i}]: (missing) | {Show(b[i])}");
                        else if (i >= b.Count) differences.Add($"{path}[{i}]: {Show(a[i])} | (missing)");
                        else Compare(a[i], b[i], $"{path}[{i}]", differences);
                    }
                    break;
                default:
                    if (!JsonNode.DeepEquals(first, second)) differences.Add($"{path}: {Show(first)} | {Show(second)}");
                    break;
            }
        }

        private static string Show(JsonNode? node)
        {
            var text = node?.ToJsonString() ?? "null";
            return text.Length <= 200 ? text : text.Substring(0, 200) + "...";
        }
    }
}
