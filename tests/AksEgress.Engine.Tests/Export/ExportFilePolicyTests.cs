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

        [Theory]
        [InlineData(ExportTargetKind.Directory, false, ExportFileAction.RefuseDirectory)]
        [InlineData(ExportTargetKind.Directory, true, ExportFileAction.RefuseDirectory)]
        [InlineData(ExportTargetKind.Pipe, true, ExportFileAction.RefusePipe)]
        [InlineData(ExportTargetKind.Device, false, ExportFileAction.Write)]
        [InlineData(ExportTargetKind.Missing, true, ExportFileAction.Write)]
        public void FoldersAndPipesAreNeverOpenedToWrite(ExportTargetKind kind, bool force, ExportFileAction expected) =>
            Assert.Equal(expected, ExportFilePolicy.Decide(kind, false, false, force));

        [Theory]
        [InlineData(0, 3, true)]
        [InlineData(0, 0, false)]
        [InlineData(5, 3, false)]
        public void AFileIsNotReplacedByAnEmptyExportWhenEveryItemWasRefused(int rules, int refused, bool nothing) =>
            Assert.Equal(nothing, ExportFilePolicy.WritesNothing(rules, refused));

        [Fact]
        public void RefusalsSayWhatToDo()
        {
            Assert.Contains("Remove -NoClobber", ExportFilePolicy.Explain(ExportFileAction.RefuseExisting, "/tmp/a.tf"));
            Assert.Contains("-Force", ExportFilePolicy.Explain(ExportFileAction.RefuseReadOnly, "/tmp/a.tf"));
            Assert.Contains("leave out -Path", ExportFilePolicy.Explain(ExportFileAction.RefusePipe, "/tmp/p"));
            Assert.Contains("file to write", ExportFilePolicy.Explain(ExportFileAction.RefuseDirectory, "/tmp"));
            Assert.Contains("Fix the input", ExportFilePolicy.ExplainNothingWritten(2, "/tmp/a.tf"));
        }
    }
}
