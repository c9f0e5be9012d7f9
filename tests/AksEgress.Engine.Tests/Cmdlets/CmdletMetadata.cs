using System.Reflection;
using System.Runtime.InteropServices;

namespace AksEgress.Engine.Tests.Cmdlets
{
    /// <summary>
    /// Reads the cmdlet assembly as metadata only. PowerShellStandard.Library is a reference assembly whose
    /// members do nothing at run time, so attributes are read as CustomAttributeData, never instantiated.
    /// </summary>
    internal sealed class CmdletMetadata : IDisposable
    {
        private readonly MetadataLoadContext _context;

        public CmdletMetadata()
        {
            var here = AppContext.BaseDirectory;
            var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
                .Append(Path.Combine(here, "AksEgress.dll"))
                .Append(Path.Combine(here, "AksEgress.Engine.dll"))
                .Append(Path.Combine(here, "psref", "System.Management.Automation.dll"));
            _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
            Assembly = _context.LoadFromAssemblyPath(Path.Combine(here, "AksEgress.dll"));
        }

        public Assembly Assembly { get; }

        public Type Cmdlet(string typeName) => Assembly.GetType(typeName, throwOnError: true)!;

        public static CustomAttributeData? Attribute(MemberInfo member, string attributeName) =>
            member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == attributeName);

        public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string attributeName) =>
            member.GetCustomAttributesData().Where(a => a.AttributeType.Name == attributeName);

        public static T? Named<T>(CustomAttributeData attribute, string name)
        {
            var argument = attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name);
            return argument.MemberInfo == null ? default : (T?)argument.TypedValue.Value;
        }

        /// <summary>The string values of a [ValidateSet(...)] on a member, or null when it has none.</summary>
        public static string[]? ValidateSet(MemberInfo member)
        {
            var attribute = Attribute(member, "ValidateSetAttribute");
            if (attribute == null) return null;
            var values = (IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!;
            return values.Select(v => (string)v.Value!).ToArray();
        }

        public void Dispose() => _context.Dispose();
    }
}
