namespace AksEgress.Completion
{
    /// <summary>
    /// One tab-completion candidate, shaped like PowerShell's CompletionResult so the host only copies the three
    /// texts across; none of them is ever empty, because CompletionResult refuses empty text.
    /// </summary>
    public sealed class CompletionItem
    {
        public CompletionItem(string completionText, string listItemText, string toolTip)
        {
            CompletionText = completionText;
            ListItemText = listItemText;
            ToolTip = toolTip;
        }

        /// <summary>What replaces the word on the command line, already quoted when it has to be.</summary>
        public string CompletionText { get; }

        /// <summary>What the completion menu shows: the bare value, never quoted.</summary>
        public string ListItemText { get; }

        public string ToolTip { get; }

        public override string ToString() => CompletionText;
    }
}
