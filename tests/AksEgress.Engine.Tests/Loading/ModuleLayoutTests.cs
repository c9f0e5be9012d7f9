using AksEgress.Loading;

namespace AksEgress.Engine.Tests.Loading
{
    public class ModuleLayoutTests
    {
        private static readonly string Bin = Path.Combine(Path.GetTempPath(), "AksEgress", "0.1.0", "bin");
        private static readonly string Common = Path.Combine(Bin, "Common");

        [Theory]
        [InlineData("Core")]
        [InlineData("Desktop")]
        public void BothHostsFindTheSameCommonFolder(string host)
        {
            Assert.Equal(Common, ModuleLayout.CommonDirectoryBeside(Path.Combine(Bin, host, "AksEgress.dll")));
        }

        [Theory]
        [InlineData("Core")]
        [InlineData("Desktop")]
        public void BothHostsFindTheModuleFolderWhereTheFormatFileIs(string host)
        {
            Assert.Equal(Path.GetDirectoryName(Bin), ModuleLayout.ModuleDirectoryBeside(Path.Combine(Bin, host, "AksEgress.dll")));
        }

        public static TheoryData<string?, string?, string?> Names() => new()
        {
            // simple name, culture, file under bin/Common (null: refused)
            { "Azure.Core", null, "Azure.Core.dll" },
            { "Azure.Core", "", "Azure.Core.dll" },
            { "Azure.Core.resources", "ko-KR", Path.Combine("ko-KR", "Azure.Core.resources.dll") },
            { null, null, null },
            { "", null, null },
            { " ", null, null },
            { "..", null, null },
            { "...", null, null },
            { "../Core/AksEgress", null, null },
            { "..\\Core\\AksEgress", null, null },
            { "Azure.Core", "..", null },
            { "Azure.Core", "../..", null },
            { "C:evil", null, null },
        };

        [Theory]
        [MemberData(nameof(Names))]
        public void PathsInCommonNeverLeaveTheFolder(string? simpleName, string? culture, string? file)
        {
            var path = ModuleLayout.PathInCommon(Common, simpleName, culture);
            Assert.Equal(file == null ? null : Path.Combine(Common, file), path);
        }

        [Theory]
        [InlineData("Common/AksEgress.Engine.dll", true)]
        [InlineData("Desktop/AksEgress.dll", true)]
        [InlineData("Common/../Desktop/AksEgress.dll", true)]
        [InlineData("Common/sub/Other.dll", false)]
        [InlineData("Other.dll", false)]
        [InlineData("../Other/Common/Other.dll", false)]
        public void OnlyFilesDirectlyInOurFoldersAreOurs(string relative, bool ours)
        {
            Assert.Equal(ours, ModuleLayout.IsDirectlyIn(Path.Combine(Bin, relative), Common, Path.Combine(Bin, "Desktop")));
        }
    }
}
