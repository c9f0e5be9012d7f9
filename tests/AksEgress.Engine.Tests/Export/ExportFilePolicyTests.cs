using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    public class ExportFilePolicyTests
    {
        [Theory]
        [InlineData(false, false, false, false, ExportFileAction.Write)]
        [InlineData(false, false, true, false, ExportFileAction.Write)]
        [InlineData(true, false, false, false, ExportFileAction.Write)]
        [InlineData(true, false, true, false, ExportFileAction.RefuseExisting)]
        [InlineData(true, false, true, true, ExportFileAction.RefuseExisting)]
        [InlineData(true, true, false, false, ExportFileAction.RefuseReadOnly)]
        [InlineData(true, true, false, true, ExportFileAction.ClearReadOnlyThenWrite)]
        public void DecidesLikeOutFile(bool exists, bool readOnly, bool noClobber, bool force, ExportFileAction expected) =>
            Assert.Equal(expected, ExportFilePolicy.Decide(exists, readOnly, noClobber, force));

        [Fact]
        public void RefusalsSayWhatToDo()
        {
            Assert.Contains("Remove -NoClobber", ExportFilePolicy.Explain(ExportFileAction.RefuseExisting, "/tmp/a.tf"));
            Assert.Contains("-Force", ExportFilePolicy.Explain(ExportFileAction.RefuseReadOnly, "/tmp/a.tf"));
        }
    }
}
