using System.Reflection;
using AksEgress.Errors;
using AksEgress.Export;

namespace AksEgress.Engine.Tests.Export
{
    /// <summary>Rule comparison and copying for the round-trip tests of the rule-list formats.</summary>
    internal static class RuleListKit
    {
        /// <summary>The public properties of a rule, in declaration order.</summary>
        public static readonly PropertyInfo[] Properties =
            typeof(AksEgressRule).GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).ToArray();

        /// <summary>Asserts that two lists hold the same rules in the same order, comparing every public property.</summary>
        public static void AssertSame(IReadOnlyList<AksEgressRule> expected, IReadOnlyList<AksEgressRule> actual)
        {
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++) AssertSame(expected[i], actual[i], $"rule {i} ({expected[i]})");
        }

        public static void AssertSame(AksEgressRule expected, AksEgressRule actual, string where = "rule")
        {
            foreach (var property in Properties)
            {
                var want = property.GetValue(expected);
                var got = property.GetValue(actual);
                Assert.True(Equals(want, got), $"{where}: {property.Name} was {Show(want)}, read back as {Show(got)}.");
            }
        }

        public static AksEgressRule Copy(AksEgressRule rule, Action<AksEgressRule>? change = null)
        {
            var copy = new AksEgressRule();
            foreach (var property in Properties) property.SetValue(copy, property.GetValue(rule));
            change?.Invoke(copy);
            return copy;
        }

        /// <summary>The input rules as the plan keeps them (exact duplicates removed), which is what a rule list holds.</summary>
        public static IReadOnlyList<AksEgressRule> Planned(IEnumerable<AksEgressRule> rules) =>
            ExportPlanner.Build(rules, ExportFixtures.Options(), new List<string>(), deployable: false).Rules;

        /// <summary>The named fixture set, or "hostile" for <see cref="ExportFixtures.HostileRules"/>.</summary>
        public static IReadOnlyList<AksEgressRule> Set(string name) => name == "hostile" ? ExportFixtures.HostileRules() : ExportFixtures.Rules(name);

        public static TheoryData<string> SetsAndHostile()
        {
            var data = new TheoryData<string>();
            foreach (var set in ExportFixtures.SetNames) data.Add(set);
            data.Add("hostile");
            return data;
        }

        public static TheoryData<string> SetNames()
        {
            var data = new TheoryData<string>();
            foreach (var set in ExportFixtures.SetNames) data.Add(set);
            return data;
        }

        /// <summary>An application rule of the public set with some text changed, for hand-made hostile cases.</summary>
        public static AksEgressRule Sample(Action<AksEgressRule> change) =>
            Copy(ExportFixtures.Rules(ExportFixtures.Public).First(r => r.Kind == RuleKind.Application), change);

        private static string Show(object? value) => value == null ? "null" : $"'{value}'";
    }

    public class RuleRecordTests
    {
        private static AksEgressRule Read(IReadOnlyDictionary<string, object?> bag) =>
            RuleRecord.FromProperties(name => bag.TryGetValue(name, out var value) ? value : null);

        /// <summary>A rule as Import-Csv gives it: every value a string, null as empty.</summary>
        private static Dictionary<string, object?> AsStrings(AksEgressRule rule) =>
            RuleListKit.Properties.ToDictionary(p => p.Name, p => (object?)(Convert.ToString(p.GetValue(rule), System.Globalization.CultureInfo.InvariantCulture) ?? ""));

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void TypedRuleObjectsAreReadAsTheyAre(string set)
        {
            var rules = RuleListKit.Set(set);
            var read = rules.Select(r => RuleRecord.FromProperties(name => typeof(AksEgressRule).GetProperty(name)!.GetValue(r))).ToList();
            RuleListKit.AssertSame(rules, read);
        }

        [Theory]
        [MemberData(nameof(RuleListKit.SetsAndHostile), MemberType = typeof(RuleListKit))]
        public void StringValuesAsImportCsvGivesThemAreReadToTheSameRules(string set)
        {
            var rules = RuleListKit.Set(set);
            RuleListKit.AssertSame(rules, rules.Select(r => Read(AsStrings(r))).ToList());
        }

        [Theory]
        [InlineData("'=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0")]
        [InlineData("'+1", "+1")]
        [InlineData("'-2+3", "-2+3")]
        [InlineData("'@SUM(A1)", "@SUM(A1)")]
        [InlineData("'\tx", "\tx")]
        [InlineData("'\rx", "\rx")]
        [InlineData("''=x", "'=x")]
        [InlineData("'''-x", "''-x")]
        [InlineData("'hello", "'hello")]
        [InlineData("''hello", "''hello")]
        [InlineData("'", "'")]
        [InlineData("it's", "it's")]
        [InlineData("=x", "=x")]
        [InlineData("-2+3", "-2+3")]
        [InlineData("  '=x  ", "=x")]
        public void OneApostropheThatGuardsAFormulaIsRemoved(string cell, string expected)
        {
            var rule = Read(new Dictionary<string, object?>
            {
                ["Kind"] = "Application", ["Destination"] = "example.com", ["Protocol"] = "HTTPS", ["Port"] = "443", ["ClusterName"] = cell,
            });
            Assert.Equal(expected, rule.ClusterName);
        }

        [Fact]
        public void EveryTextPropertyIsUnguarded()
        {
            var texts = new[] { "RuleId", "Location", "ClusterName", "ClusterId", "Destination", "Condition", "Alternatives", "Purpose", "PurposeKo", "DestinationTemplate", "Source" };
            var bag = texts.ToDictionary(t => t, t => (object?)("'=" + t));
            bag["Kind"] = "Application";
            bag["Protocol"] = "HTTPS";
            bag["Port"] = 443;
            var rule = Read(bag);
            foreach (var name in texts)
            {
                Assert.Equal("=" + name, Convert.ToString(typeof(AksEgressRule).GetProperty(name)!.GetValue(rule)));
            }
        }

        [Theory]
        [InlineData("")]
        [InlineData("'")]
        [InlineData("''")]
        [InlineData("=")]
        [InlineData("'=")]
        [InlineData("''=")]
        [InlineData("-1")]
        [InlineData("'-1")]
        [InlineData("@x")]
        [InlineData("\t")]
        [InlineData("'\r\n")]
        [InlineData("'hello")]
        [InlineData("plain")]
        [InlineData("a=b")]
        public void TheCsvGuardIsUndoneExactly(string text)
        {
            var cell = CsvFormulaGuard.Neutralise(text);
            Assert.Equal(text, CsvFormulaGuard.Restore(cell));
            Assert.False(cell.Length > 0 && CsvFormulaGuard.IsTrigger(cell[0]), $"'{cell}' starts with a formula character.");
        }

        [Fact]
        public void PortMayBeAStringOrAnyIntegerType()
        {
            var bag = new Dictionary<string, object?> { ["Kind"] = "Network", ["Destination"] = "10.0.0.4", ["Protocol"] = "UDP", ["Port"] = 53L };
            Assert.Equal(53, Read(bag).Port);
            bag["Port"] = " 53 ";
            Assert.Equal(53, Read(bag).Port);
            Assert.Equal(DestinationType.IpAddress, Read(bag).DestinationType);
        }

        [Fact]
        public void EmptyClusterNameIsReadAsNoCluster()
        {
            var bag = new Dictionary<string, object?> { ["Kind"] = "Application", ["Destination"] = "example.com", ["Protocol"] = "HTTPS", ["Port"] = "443", ["ClusterName"] = "", ["ClusterId"] = null };
            var rule = Read(bag);
            Assert.Null(rule.ClusterName);
            Assert.Null(rule.ClusterId);
            Assert.Equal("custom", rule.RuleId);
            Assert.Equal("example.com", rule.DestinationTemplate);
        }

        [Theory]
        [InlineData("Destination", "")]
        [InlineData("Port", "0")]
        [InlineData("Port", "443x")]
        [InlineData("Kind", "Firewall")]
        [InlineData("Protocol", "TCP")]
        public void AnUnusableRecordNamesTheProperty(string name, string value)
        {
            var bag = new Dictionary<string, object?> { ["Kind"] = "Application", ["Destination"] = "example.com", ["Protocol"] = "HTTPS", ["Port"] = "443" };
            bag[name] = value;
            var ex = Assert.Throws<AksEgressInputException>(() => Read(bag));
            Assert.Equal("InvalidRuleRecord", ex.ErrorId);
            Assert.Contains(name, ex.Message);
        }
    }
}
