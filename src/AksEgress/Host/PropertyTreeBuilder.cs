using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace AksEgress.Commands
{
    /// <summary>
    /// Copies a piped object (Get-AzAksCluster output, ConvertFrom-Json objects, Search-AzGraph rows,
    /// hashtables) into plain dictionaries, lists and scalars, so the engine can read it without PowerShell
    /// types. Deciding what the values mean is the engine's job (ClusterProfileReader, RuleRecord), which
    /// reads the tree through AksEgress.Clusters.PropertyTree.
    /// </summary>
    internal static class PropertyTreeBuilder
    {
        private const int MaxDepth = 12;

        public static IReadOnlyDictionary<string, object?> FromObject(PSObject item) =>
            Convert(item, 0) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        private static object? Convert(object? value, int depth)
        {
            if (value == null || depth > MaxDepth) return null;
            var wrapped = value as PSObject;
            var raw = wrapped?.BaseObject ?? value;

            switch (raw)
            {
                case string s: return s;
                case bool b: return b;
                case char c: return c.ToString();
                case Enum e: return e.ToString();
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset d: return d.ToString("o", CultureInfo.InvariantCulture);
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _: case long _:
                    return System.Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                case ulong u: return (double)u;
                case float _: case double _: case decimal _:
                    return System.Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = entry.Key?.ToString();
                        if (key != null) map[key] = Convert(entry.Value, depth + 1);
                    }
                    return map;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var element in sequence) list.Add(Convert(element, depth + 1));
                    return list;
            }

            // Any other object (PSCustomObject, an Az.Aks model): its gettable properties.
            var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in (wrapped ?? PSObject.AsPSObject(raw)).Properties)
            {
                if (!property.IsGettable || property.MemberType == PSMemberTypes.ScriptProperty) continue;
                object? propertyValue;
                try
                {
                    propertyValue = property.Value;
                }
                catch (Exception ex) when (ex is GetValueException || ex is InvalidOperationException || ex is NotSupportedException)
                {
                    continue; // a property that cannot be read is one the cluster reader cannot use either
                }
                properties[property.Name] = Convert(propertyValue, depth + 1);
            }
            return properties;
        }
    }
}
