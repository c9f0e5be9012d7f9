using System;
using System.Collections.Generic;

namespace AksEgress.Clusters
{
    /// <summary>
    /// Reads the host's property tree: objects are IReadOnlyDictionary&lt;string, object?&gt;, arrays
    /// IReadOnlyList&lt;object?&gt;, leaves string, bool, long, double or null. Keys are matched case-insensitively
    /// whatever comparer the dictionary was built with.
    /// </summary>
    internal static class PropertyTree
    {
        /// <summary>The value under <paramref name="key"/>, matched case-insensitively; null when absent.</summary>
        public static object? Get(IReadOnlyDictionary<string, object?>? node, string key)
        {
            if (node == null) return null;
            if (node.TryGetValue(key, out var exact)) return exact;
            if (IgnoresCase(node)) return null;
            foreach (var pair in node)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return pair.Value;
            }
            return null;
        }

        /// <summary>Whether the object has the key at all (whatever its value), matched case-insensitively.</summary>
        public static bool Has(IReadOnlyDictionary<string, object?>? node, string key)
        {
            if (node == null) return false;
            if (node.ContainsKey(key)) return true;
            if (IgnoresCase(node)) return false;
            foreach (var pair in node)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        /// <summary>
        /// Whether the lookup already matched case-insensitively, as in the trees the host and JsonPropertyTree build:
        /// then a miss is a miss, and the scan over every key (a few per piped cluster, each over dozens of keys) is skipped.
        /// </summary>
        private static bool IgnoresCase(IReadOnlyDictionary<string, object?> node) =>
            node is Dictionary<string, object?> map && ReferenceEquals(map.Comparer, StringComparer.OrdinalIgnoreCase);

        /// <summary>The value at a path of keys ("securityProfile", "defender", ...); null when any step is missing or not an object.</summary>
        public static object? GetPath(IReadOnlyDictionary<string, object?>? node, params string[] path)
        {
            object? current = node;
            foreach (var key in path)
            {
                current = Get(current as IReadOnlyDictionary<string, object?>, key);
                if (current == null) return null;
            }
            return current;
        }

        public static IReadOnlyDictionary<string, object?>? Object(IReadOnlyDictionary<string, object?>? node, params string[] path) =>
            GetPath(node, path) as IReadOnlyDictionary<string, object?>;

        public static IReadOnlyList<object?>? List(IReadOnlyDictionary<string, object?>? node, params string[] path) =>
            GetPath(node, path) as IReadOnlyList<object?>;

        /// <summary>A leaf as text: strings as they are, other leaves invariantly formatted, empty or whitespace as null.</summary>
        public static string? String(IReadOnlyDictionary<string, object?>? node, params string[] path) => AsString(GetPath(node, path));

        public static string? AsString(object? value)
        {
            string? text;
            switch (value)
            {
                case null: return null;
                case string s: text = s; break;
                case bool b: text = b ? "true" : "false"; break;
                case IFormattable f: text = f.ToString(null, System.Globalization.CultureInfo.InvariantCulture); break;
                case IReadOnlyDictionary<string, object?> _:
                case IReadOnlyList<object?> _:
                    return null;
                default: text = value.ToString(); break;
            }
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        /// <summary>True only for a bool true or the string "true" in any case (PowerShell hosts may pass "True").</summary>
        public static bool IsTrue(IReadOnlyDictionary<string, object?>? node, params string[] path) => AsBool(GetPath(node, path)) == true;

        public static bool? AsBool(object? value)
        {
            switch (value)
            {
                case bool b: return b;
                case string s: return bool.TryParse(s.Trim(), out var parsed) ? parsed : (bool?)null;
                default: return null;
            }
        }
    }
}
