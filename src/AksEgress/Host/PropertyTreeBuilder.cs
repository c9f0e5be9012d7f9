using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using AksEgress.Errors;

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
    /// <see cref="Convert"/>, the one place that bounds the copy: at most <see cref="MaxDepth"/> levels and
    /// <see cref="MaxNodes"/> values, each container once on a path (a hashtable that holds itself is cut there, not
    /// walked forever), runtime objects (types, assemblies, script blocks, delegates, streams, tasks) kept as no value
    /// instead of having their reflection graph walked, and the cancellation token looked at as it goes, so Ctrl+C
    /// stops a large copy. PSCustomObjects, most of what is piped, are read through <see cref="CustomObjectNotes"/>;
    /// everything else through PSObject.Properties.
    /// </remarks>
    internal sealed class PropertyTreeBuilder
    {
        private const int MaxDepth = 12;
        /// <summary>An 'az aks show' document has a few hundred values; a hundred thousand is not a cluster or a rule.</summary>
        internal const int MaxNodes = 100_000;

        // Boxed once: a piped document has many flags, and the engine only reads them.
        private static readonly object True = true;
        private static readonly object False = false;

        private readonly CustomObjectNotes _customObjects = new CustomObjectNotes();

        // One reusable list of note properties per depth, so reading an object allocates only its dictionary.
        private readonly List<PSNoteProperty>[] _notes = new List<PSNoteProperty>[MaxDepth + 1];

        // The containers on the path from the root to the value being copied.
        private readonly HashSet<object> _path = new HashSet<object>(ReferenceComparer.Instance);
        private int _nodes;
        private CancellationToken _cancel;

        public IReadOnlyDictionary<string, object?> FromObject(PSObject item) => FromObject(item, CancellationToken.None);

        /// <summary>
        /// The copy of <paramref name="item"/>. Throws AksEgressInputException (PipedObjectTooLarge, PipedObjectUnreadable)
        /// for an object that cannot be copied within the bounds, and OperationCanceledException when cancelled.
        /// </summary>
        public IReadOnlyDictionary<string, object?> FromObject(PSObject item, CancellationToken cancel)
        {
            _nodes = 0;
            _cancel = cancel;
            _path.Clear();
            return Convert(item, 0) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The top-level property names of a piped object, without reading any value, so the engine can refuse what
        /// is plainly not a cluster or rule before anything is copied; and what the object is, in words.
        /// </summary>
        public static IReadOnlyCollection<string> TopLevelNames(PSObject item, out string objectText)
        {
            var raw = item.BaseObject;
            objectText = Describe(raw);
            var names = new List<string>();
            if (raw is string || raw.GetType().IsPrimitive || IsRuntimeObject(raw)) return names;
            if (raw is IDictionary dictionary)
            {
                foreach (var key in dictionary.Keys)
                {
                    if (key != null) names.Add(key.ToString() ?? "");
                    if (names.Count > MaxNodes) break;
                }
                return names;
            }
            if (raw is IEnumerable && !(raw is PSCustomObject)) return names; // a list is not one object
            foreach (var property in item.Properties)
            {
                names.Add(property.Name);
            }
            return names;
        }

        private static string Describe(object raw)
        {
            switch (raw)
            {
                case string s: return $"a string ('{(s.Length > 40 ? s.Substring(0, 40) + "..." : s)}')";
                case PSCustomObject _: return "an object";
                case IDictionary _: return "a hashtable";
                case ScriptBlock _: return "a script block";
                case Type t: return $"the type [{t.Name}]";
                default: return $"a {raw.GetType().Name} object";
            }
        }

        /// <summary>Objects of the runtime itself: their properties lead into reflection graphs, never cluster or rule data.</summary>
        private static bool IsRuntimeObject(object raw) =>
            raw is Type || raw is MemberInfo || raw is Assembly || raw is Module || raw is Delegate || raw is ScriptBlock
            || raw is Stream || raw is System.Threading.Tasks.Task || raw is WaitHandle || raw is IntPtr || raw is UIntPtr
            || raw is Pointer || raw is SessionState || raw is PSModuleInfo || raw is CommandInfo || raw is Exception
            || raw is System.Diagnostics.Process || raw is FileSystemInfo || raw is PathInfo || raw is ProviderInfo || raw is PSDriveInfo;

        private object? Convert(object? value, int depth)
        {
            if (value == null || depth > MaxDepth) return null;
            if (++_nodes > MaxNodes)
            {
                throw new AksEgressInputException("PipedObjectTooLarge",
                    $"The piped object holds more than {MaxNodes:N0} values within {MaxDepth} levels, which no AKS cluster document or egress rule does. Pipe the cluster (or rule) objects themselves.",
                    null, AksEgressErrorKind.InvalidData);
            }
            if ((_nodes & 1023) == 0) _cancel.ThrowIfCancellationRequested();
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
                case Guid g: return g.ToString();
            }
            if (IsRuntimeObject(raw)) return null;
            // A container already on the path refers to itself: the copy stops there. Every [pscustomobject] has the
            // same base object, so those are told apart by their PSObject.
            var identity = raw is PSCustomObject && wrapped != null ? wrapped : raw;
            if (!_path.Add(identity)) return null;
            try
            {
                return ConvertContainer(raw, wrapped, depth);
            }
            finally
            {
                _path.Remove(identity);
            }
        }

        private object? ConvertContainer(object raw, PSObject? wrapped, int depth)
        {
            switch (raw)
            {
                case IDictionary dictionary:
                    var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    Enumerate(() =>
                    {
                        foreach (DictionaryEntry entry in dictionary)
                        {
                            var key = entry.Key?.ToString();
                            if (key != null) map[key] = Convert(entry.Value, depth + 1);
                        }
                    });
                    return map;
                case object[] array:
                    var items = new List<object?>(array.Length);
                    foreach (var element in array) items.Add(Convert(element, depth + 1));
                    return items;
                case IEnumerable sequence:
                    var list = new List<object?>();
                    Enumerate(() =>
                    {
                        foreach (var element in sequence) list.Add(Convert(element, depth + 1));
                    });
                    return list;
            }

            if (wrapped != null)
            {
                var notes = _notes[depth] ?? (_notes[depth] = new List<PSNoteProperty>());
                if (_customObjects.TryRead(wrapped, notes))
                {
                    var properties = new Dictionary<string, object?>(notes.Count, StringComparer.OrdinalIgnoreCase);
                    try
                    {
                        foreach (var note in notes) properties[note.Name] = Convert(note.Value, depth + 1);
                    }
                    finally
                    {
                        notes.Clear();
                    }
                    return properties;
                }
            }
            return FromProperties(wrapped ?? PSObject.AsPSObject(raw), depth);
        }

        /// <summary>
        /// Runs an enumeration of the piped object. One that throws (a custom collection, a lazy sequence that fails)
        /// makes the object unusable: one error for it, the other objects go on.
        /// </summary>
        private static void Enumerate(Action walk)
        {
            try
            {
                walk();
            }
            catch (Exception ex) when (!(ex is AksEgressInputException) && !(ex is OperationCanceledException) && !(ex is PipelineStoppedException)
                && !(ex is OutOfMemoryException) && !(ex is StackOverflowException))
            {
                throw new AksEgressInputException("PipedObjectUnreadable",
                    $"Enumerating a collection inside the piped object failed: {ex.Message.TrimEnd().TrimEnd('.')}. The object was left out; the others go on.",
                    null, AksEgressErrorKind.InvalidData);
            }
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
                catch (Exception ex) when (!(ex is OutOfMemoryException) && !(ex is StackOverflowException) && !(ex is PipelineStoppedException))
                {
                    // A property whose getter throws (Az.Aks computes some from others) is one the readers cannot use
                    // either: it is left out, and a property the reader needs then says it is missing.
                    continue;
                }
                properties[property.Name] = Convert(propertyValue, depth + 1);
            }
            return properties;
        }

        /// <summary>Reference identity, whatever Equals a piped type defines.</summary>
        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();
            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);
            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
