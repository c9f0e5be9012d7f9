using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace AksEgress.Commands
{
    /// <summary>
    /// The note properties of a PSCustomObject (ConvertFrom-Json output, Search-AzGraph rows, [pscustomobject]@{...}),
    /// read from the object's own member list. PSObject.Properties lists the same properties, but every enumeration
    /// merges that list with the type table's and the adapter's into a new collection and adds the hidden psbase,
    /// psobject... members to the object: about half the time of copying a piped 'az aks show' object. PowerShell
    /// has no public way to list instance members alone, so internal members are bound once, by name:
    /// PSObject.InstanceMembers with its Count and indexer, and PSObject.InternalTypeNames. In a PowerShell that
    /// lacks one of them, or for an object that is anything but plain notes, callers take PSObject.Properties.
    /// </summary>
    /// <remarks>
    /// The result is what PSObject.Properties would list: instance members come first there too, and type data
    /// (Update-TypeData, types.ps1xml) can add properties to these type names, so each distinct list of type names
    /// is checked once, on an empty object that carries them; an object whose type names get properties from type
    /// data is left to PSObject.Properties. One instance serves one command: type data may change between commands.
    /// Not thread-safe; used on the pipeline thread.
    /// </remarks>
    internal sealed class CustomObjectNotes
    {
        private static readonly MemberList? Members = MemberList.Bind();

        // The internal type-name list is shared by every object of the same type names (the public TypeNames copies it).
        private static readonly Func<PSObject, IEnumerable<string>>? TypeNames = BindTypeNames();

        private readonly Dictionary<string, bool> _typeDataAdds = new Dictionary<string, bool>(StringComparer.Ordinal);
        private object? _lastTypeNames;
        private bool _lastTypeDataAdds;

        /// <summary>
        /// Adds the note properties of <paramref name="item"/> to <paramref name="notes"/> in PSObject.Properties
        /// order and returns true; false (notes cleared) when only PSObject.Properties can list them: not a
        /// PSCustomObject, an alias, script or code property among them, or properties from type data.
        /// </summary>
        public bool TryRead(PSObject item, List<PSNoteProperty> notes)
        {
            notes.Clear();
            if (Members == null || TypeNames == null || !(item.ImmediateBaseObject is PSCustomObject)) return false;
            var members = Members.Of(item);
            var count = Members.Count(members);
            for (var i = 0; i < count; i++)
            {
                var member = Members.At(members, i);
                if (member is PSNoteProperty note) notes.Add(note);
                else if (member is PSPropertyInfo && !IsTypeNamesProperty(member))
                {
                    notes.Clear();
                    return false;
                }
                // Anything else (psbase, psobject and the other member sets) is not a property.
            }
            if (TypeDataAddsProperties(TypeNames(item)))
            {
                notes.Clear();
                return false;
            }
            return true;
        }

        // The hidden pstypenames code property PowerShell adds to an object once its members are listed; no other
        // member can have this reserved name.
        private static bool IsTypeNamesProperty(PSMemberInfo member) =>
            member is PSCodeProperty && string.Equals(member.Name, "pstypenames", StringComparison.OrdinalIgnoreCase);

        private bool TypeDataAddsProperties(IEnumerable<string> typeNames)
        {
            if (ReferenceEquals(typeNames, _lastTypeNames)) return _lastTypeDataAdds;
            var key = string.Join("\n", typeNames);
            if (!_typeDataAdds.TryGetValue(key, out var adds))
            {
                var probe = new PSObject();
                probe.TypeNames.Clear();
                foreach (var name in typeNames) probe.TypeNames.Add(name);
                adds = false;
                foreach (var _ in probe.Properties)
                {
                    adds = true;
                    break;
                }
                _typeDataAdds[key] = adds;
            }
            _lastTypeNames = typeNames;
            _lastTypeDataAdds = adds;
            return adds;
        }

        private static Func<PSObject, IEnumerable<string>>? BindTypeNames()
        {
            try
            {
                var property = typeof(PSObject).GetProperty("InternalTypeNames", BindingFlags.Instance | BindingFlags.NonPublic);
                if (property == null || !typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType)) return null;
                var item = Expression.Parameter(typeof(PSObject), "item");
                return Expression.Lambda<Func<PSObject, IEnumerable<string>>>(
                    Expression.Convert(Expression.Property(item, property), typeof(IEnumerable<string>)), item).Compile();
            }
            catch (Exception ex) when (MemberList.IsBindFailure(ex))
            {
                return null;
            }
        }

        /// <summary>
        /// PSObject.InstanceMembers read by index: its enumerator copies the members into a new list under a lock,
        /// its Count and indexer do not.
        /// </summary>
        private sealed class MemberList
        {
            private MemberList(Func<PSObject, object> of, Func<object, int> count, Func<object, int, PSMemberInfo?> at)
            {
                Of = of;
                Count = count;
                At = at;
            }

            public Func<PSObject, object> Of { get; }
            public Func<object, int> Count { get; }
            public Func<object, int, PSMemberInfo?> At { get; }

            public static MemberList? Bind()
            {
                try
                {
                    const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
                    var members = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.Instance | BindingFlags.NonPublic);
                    var type = members?.PropertyType;
                    var count = type?.GetProperty("Count", Internal, null, typeof(int), Type.EmptyTypes, null);
                    var at = type?.GetProperties(Internal).FirstOrDefault(p =>
                        p.GetIndexParameters().Length == 1 && p.GetIndexParameters()[0].ParameterType == typeof(int)
                        && typeof(PSMemberInfo).IsAssignableFrom(p.PropertyType));
                    if (members == null || type == null || count == null || at == null) return null;

                    var item = Expression.Parameter(typeof(PSObject), "item");
                    var list = Expression.Parameter(typeof(object), "list");
                    var index = Expression.Parameter(typeof(int), "index");
                    var typed = Expression.Convert(list, type);
                    return new MemberList(
                        Expression.Lambda<Func<PSObject, object>>(Expression.Convert(Expression.Property(item, members), typeof(object)), item).Compile(),
                        Expression.Lambda<Func<object, int>>(Expression.Property(typed, count), list).Compile(),
                        Expression.Lambda<Func<object, int, PSMemberInfo?>>(
                            Expression.Convert(Expression.Property(typed, at, index), typeof(PSMemberInfo)), list, index).Compile());
                }
                catch (Exception ex) when (IsBindFailure(ex))
                {
                    return null;
                }
            }

            /// <summary>
            /// Whatever binding to members another PowerShell lacks, shapes differently or will not compile access to
            /// throws: PSObject.Properties it is. Binding runs in a type initializer, so nothing may escape it.
            /// </summary>
            public static bool IsBindFailure(Exception ex) => !(ex is OutOfMemoryException);
        }
    }
}
