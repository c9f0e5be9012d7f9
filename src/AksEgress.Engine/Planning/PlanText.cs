using System;
using System.Collections.Generic;
using System.Linq;
using AksEgress.Catalog;
using AksEgress.Errors;

namespace AksEgress.Planning
{
    /// <summary>Reads the text a user typed (or a pipeline object carried) into plan values, case-insensitively.</summary>
    public static class PlanText
    {
        public static AzureCloudName ParseCloud(string? text) => Parse<AzureCloudName>(text, "UnknownCloud", "-Cloud");

        public static LinuxOsSku ParseOsSku(string? text) => Parse<LinuxOsSku>(text, "UnknownOsSku", "-OsSku");

        public static List<AksFeature> ParseFeatures(IEnumerable<string>? texts) =>
            (texts ?? Enumerable.Empty<string>()).Select(t => Parse<AksFeature>(t, "UnknownFeature", "-Feature")).Distinct().ToList();

        public static List<RuleRequirement> ParseRequirements(IEnumerable<string>? texts) =>
            (texts ?? Enumerable.Empty<string>()).Select(t => Parse<RuleRequirement>(t, "UnknownRequirement", "-Requirement")).Distinct().ToList();

        private static T Parse<T>(string? text, string errorId, string parameter) where T : struct
        {
            if (EnumText.TryParse<T>(text, ignoreCase: true, out var value)) return value;
            throw new AksEgressInputException(errorId,
                $"'{text}' is not a valid {parameter} value. Use one of: {string.Join(", ", Enum.GetNames(typeof(T)))}.", text);
        }
    }
}
