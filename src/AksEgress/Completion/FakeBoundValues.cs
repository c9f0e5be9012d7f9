using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace AksEgress.Commands
{
    /// <summary>
    /// Reads a completer's fakeBoundParameters: the values PowerShell could work out from the command line so far
    /// without running anything. A parameter is absent when it is not typed yet or its value is not a plain constant;
    /// one value arrives as itself, a comma list as an array.
    /// </summary>
    internal static class FakeBoundValues
    {
        public static string? Text(IDictionary? bound, string parameter) => Texts(bound, parameter).FirstOrDefault();

        public static IReadOnlyList<string?> Texts(IDictionary? bound, string parameter)
        {
            if (bound == null || !bound.Contains(parameter)) return new string?[0];
            var value = Unwrap(bound[parameter]);
            if (value == null) return new string?[0];
            if (value is string || !(value is IEnumerable items)) return new[] { value.ToString() };
            return items.Cast<object?>().Select(item => Unwrap(item)?.ToString()).ToList();
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
