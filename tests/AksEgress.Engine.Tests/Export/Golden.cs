using System.Runtime.CompilerServices;
using System.Text;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>
    /// Byte-for-byte comparison with files under Export/Golden. To (re)write them after a reviewed change, run
    /// the tests with AKSEGRESS_UPDATE_GOLDEN=1, read the diff, and commit it.
    /// </summary>
    public static class Golden
    {
        public static string Directory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Golden");

        public static void AssertMatches(string fileName, string actual)
        {
            var path = Path.Combine(Directory(), fileName);
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(actual);
            if (Environment.GetEnvironmentVariable("AKSEGRESS_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllBytes(path, bytes);
                return;
            }
            Assert.True(File.Exists(path), $"Golden file {path} is missing. Run the tests with AKSEGRESS_UPDATE_GOLDEN=1 to write it, then review it.");
            var expected = File.ReadAllBytes(path);
            if (!expected.AsSpan().SequenceEqual(bytes))
            {
                var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
                var actualLines = actual.Split('\n');
                var line = 0;
                while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line]) line++;
                Assert.Fail($"{fileName} differs from its golden file at line {line + 1}:\n  golden: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n  actual: {(line < actualLines.Length ? actualLines[line] : "<end>")}");
            }
        }
    }
}
