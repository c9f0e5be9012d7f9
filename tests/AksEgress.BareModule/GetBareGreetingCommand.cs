using System.Management.Automation;

namespace AksEgress.BareModule
{
    /// <summary>The one cmdlet of the bare module: what importing any binary module costs, with nothing of ours in it.</summary>
    [Cmdlet(VerbsCommon.Get, "BareGreeting")]
    public sealed class GetBareGreetingCommand : PSCmdlet
    {
        protected override void ProcessRecord() => WriteObject("hello");
    }
}
