using System.Collections;
using System.Management.Automation;

namespace AksEgress.Commands
{
    /// <summary>
    /// [ValidateNotNullOrEmpty] for a PSObject -InputObject. PowerShell's own attribute looks at the PSObject wrapper,
    /// so '' and @() given as -InputObject pass it and reach the engine as "a string", "an Object[] object"; this one
    /// unwraps first, so they are a binding error naming the parameter like every other empty argument (issue 12, 15).
    /// </summary>
    [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
    public sealed class ValidateNotEmptyInputAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var raw = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (raw == null) throw new ValidationMetadataException("The argument is null. Pipe or give objects, not $null.");
            if (raw is string text)
            {
                if (text.Length == 0) throw new ValidationMetadataException("The argument is an empty string. Pipe or give objects, not ''.");
                return;
            }
            if (raw is IDictionary) return; // a hashtable is one object, even an empty one: the engine says what it lacks
            if (raw is IList list)
            {
                if (list.Count == 0) throw new ValidationMetadataException("The argument is an empty array. Pipe or give objects, not @().");
                foreach (var item in list) Validate(item, engineIntrinsics);
            }
        }
    }
}
