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
    /// <remarks>
    /// One builder serves one command, on the pipeline thread. Every node of the copy passes through
    /// <see cref="Convert"/>, the one place to count or bound them. PSCustomObjects, most of what is piped, are read
    /// through <see cref="CustomObjectNotes"/>; everything else through PSObject.Properties.
    /// </remarks>
    internal sealed class PropertyTreeBuilder
    {
        private const int MaxDepth = 12;

        // Boxed once: a piped document has many flags, and the engine only reads them.
        private static readonly object True = true;
        private static readonly object False = false;

        private readonly CustomObjectNotes _customObjects = new CustomObjectNotes();

        // One reusable list of note properties per depth, so reading an object allocates only its dictionary.
        private readonly List<PSNoteProperty>[] _notes = new List<PSNoteProperty>[MaxDepth + 1];

        public IReadOnlyDictionary<string, object?> FromObject(PSObject item) =>
            Convert(item, 0) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

        private object? Convert(object? value, int depth)
        {
            if (value == null || depth > MaxDepth) return null;
            var wrapped = value as PSObject;
            var raw = wrapped?.BaseObject ?? value;

            switch (raw)
            {
                case string s: return s;
                case bool b: return b ? True : False;
                case long _: return raw; // already the boxed long the engine reads
                case double _: return raw;
                case char c: return c.ToString();
                case Enum e: return e.ToString();
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                case DateTimeOffset d: return d.ToString("o", CultureInfo.InvariantCulture);
                case byte _: case sbyte _: case short _: case ushort _: case int _: case uint _:
                    return System.Convert.ToInt64(raw, CultureInfo.InvariantCulture);
                case ulong u: return (double)u;
                case float _: case decimal _:
                    return System.Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = entry.Key?.ToString();
                        if (key != null) map[key] = Convert(entry.Value, depth + 1);
                    }
                    return map;
                case object[] array:
                    var items = new List<object?>(array.Length);
                    foreach (var element in array) items.Add(Convert(element, depth + 1));
                    return items;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    foreach (var element in sequence) list.Add(Convert(element, depth + 1));
                    return list;
            }

            if (wrapped != null)
            {
                var notes = _notes[depth] ?? (_notes[depth] = new List<PSNoteProperty>());
                if (_customObjects.TryRead(wrapped, notes))
                {
                    var properties = new Dictionary<string, object?>(notes.Count, StringComparer.OrdinalIgnoreCase);
                    foreach (var note in notes) properties[note.Name] = Convert(note.Value, depth + 1);
                    notes.Clear();
                    return properties;
                }
            }
            return FromProperties(wrapped ?? PSObject.AsPSObject(raw), depth);
        }

        /// <summary>Any other object (an Az.Aks model, a PSCustomObject with script properties): its gettable properties.</summary>
        private Dictionary<string, object?> FromProperties(PSObject item, int depth)
        {
            var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in item.Properties)
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
