using System.Xml.Linq;

namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>Files of the repository the packaging tests read: found upwards from the test output by AksEgressPs.sln.</summary>
    public static class RepositoryFiles
    {
        public static string Root { get; } = FindRoot();

        public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        /// <summary>&lt;Version&gt; of Directory.Build.props, the version the module folder and packages carry.</summary>
        public static string ModuleVersion() =>
            XDocument.Load(PathOf("Directory.Build.props")).Descendants("Version").Single().Value.Trim();

        /// <summary>Every file under a folder as a forward-slash path relative to it, sorted ordinally.</summary>
        public static string[] RelativeFiles(string folder) =>
            Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AksEgressPs.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds AksEgressPs.sln.");
        }
    }
}
