using System;
using System.Collections.Generic;
using System.Linq;

namespace AksEgress.Completion
{
    /// <summary>Tab completion for -Feature: every feature the planner accepts, less those already on the command line.</summary>
    public static class FeatureCompletions
    {
        /// <summary>
        /// Feature names that begin with the word typed (case-insensitive, quotes ignored), sorted by name, each with
        /// a line on what it adds. <paramref name="alreadyGiven"/> is the -Feature value as the command line binds it;
        /// it holds the word being completed too, so one copy of that word is not counted as given.
        /// </summary>
        public static IReadOnlyList<CompletionItem> For(string? wordToComplete, IEnumerable<string?>? alreadyGiven)
        {
            var typed = CompletionWord.Unquote(wordToComplete).Trim();
            var given = OtherValues(alreadyGiven, typed);
            return Enum.GetValues(typeof(AksFeature)).Cast<AksFeature>()
                .Where(feature => feature.ToString().StartsWith(typed, StringComparison.OrdinalIgnoreCase) && !given.Contains(feature.ToString()))
                .OrderBy(feature => feature.ToString(), StringComparer.OrdinalIgnoreCase)
                .Select(feature => new CompletionItem(
                    CompletionWord.Quote(feature.ToString(), wordToComplete),
                    feature.ToString(),
                    FeatureDescriptions.Of(feature)))
                .ToList();
        }

        private static HashSet<string> OtherValues(IEnumerable<string?>? bound, string typed)
        {
            var values = (bound ?? Enumerable.Empty<string?>())
                .Select(v => CompletionWord.Unquote(v).Trim())
                .Where(v => v.Length > 0)
                .ToList();
            var own = values.FindIndex(v => string.Equals(v, typed, StringComparison.OrdinalIgnoreCase));
            if (own >= 0) values.RemoveAt(own);
            return new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        }
    }
}
