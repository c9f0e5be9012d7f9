namespace AksEgress.Engine.Tests.Packaging
{
    /// <summary>
    /// What the built module must hold, written out here rather than read from build/ModuleFiles.props: adding a file
    /// to the list, or dropping one, has to change this too, on purpose.
    /// </summary>
    public static class ExpectedModule
    {
        public static readonly string[] Files = new[]
        {
            "AksEgress.psd1",
            "AksEgress.Format.ps1xml",
            "en-US/AksEgress.dll-Help.xml",
            "en-US/about_AksEgress.help.txt",
            "bin/Core/AksEgress.dll",
            "bin/Desktop/AksEgress.dll",
            "bin/Common/AksEgress.Engine.dll",
            "bin/Common/Azure.Core.dll",
            "bin/Common/Azure.Identity.dll",
            "bin/Common/Microsoft.Bcl.AsyncInterfaces.dll",
            "bin/Common/Microsoft.Extensions.DependencyInjection.Abstractions.dll",
            "bin/Common/Microsoft.Extensions.Logging.Abstractions.dll",
            "bin/Common/Microsoft.Identity.Client.dll",
            "bin/Common/Microsoft.Identity.Client.Extensions.Msal.dll",
            "bin/Common/Microsoft.IdentityModel.Abstractions.dll",
            "bin/Common/System.Buffers.dll",
            "bin/Common/System.ClientModel.dll",
            "bin/Common/System.Diagnostics.DiagnosticSource.dll",
            "bin/Common/System.IO.FileSystem.AccessControl.dll",
            "bin/Common/System.Memory.Data.dll",
            "bin/Common/System.Memory.dll",
            "bin/Common/System.Numerics.Vectors.dll",
            "bin/Common/System.Runtime.CompilerServices.Unsafe.dll",
            "bin/Common/System.Security.AccessControl.dll",
            "bin/Common/System.Security.Cryptography.ProtectedData.dll",
            "bin/Common/System.Security.Principal.Windows.dll",
            "bin/Common/System.Text.Encodings.Web.dll",
            "bin/Common/System.Text.Json.dll",
            "bin/Common/System.Threading.Tasks.Extensions.dll",
        }.OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
