using System.Text.Json;
using AksEgress;
using AksEgress.Benchmarks;
using AksEgress.Catalog;
using AksEgress.Planning;

// Usage: dotnet run -c Release --project tests/AksEgress.Benchmarks [-- --quick] [--fail-above R]
// Prints each measurement beside its baseline and the ratio; exits 1 when a target is missed. The
// catalog-load ratio sits near its 1.0 target, so a quick run on a busy machine can read a little above
// it: CI passes --fail-above as a regression guard, a full run (no flag) holds the stated target.
var quick = args.Contains("--quick");
var failAbove = ArgValue(args, "--fail-above");
var rounds = quick ? 15 : 41;
var perRound = quick ? 20 : 50;
var failures = new List<string>();

// Catalog load vs parsing its own JSON once. "Once" = one forward pass that tokenizes the file and decodes
// each string value, the least any loader that hands back values must do: this is the enforced target.
// JsonDocument.Parse decodes no strings at all (it indexes the bytes); it is printed for reference.
var json = RuleCatalog.ReadEmbeddedJson();
Report("catalog load (read + validate)", "one parse of the same JSON decoding each string",
    Measure.Compare(() => RuleCatalog.Load(json), () => ParseOnce(json), rounds, perRound), target: 1.0);
Report("catalog load (read + validate)", "JsonDocument.Parse (indexes, decodes nothing)",
    Measure.Compare(() => RuleCatalog.Load(json), () => { using var d = JsonDocument.Parse(json); }, rounds, perRound), target: null);

// Derivation for one cluster with every feature: reported against a catalog load, for scale.
var plan = new RulePlan
{
    Location = "koreacentral",
    Features = Enum.GetValues<AksFeature>().ToList(),
    CustomDnsServers = new List<string> { "10.0.0.4", "10.0.0.5" },
    IncludeLegacy = true,
};
Report("rule derivation (every feature + legacy)", "catalog load",
    Measure.Compare(() => RuleDeriver.Default.Derive(plan), () => RuleCatalog.Load(json), rounds, perRound), target: null);
Console.WriteLine($"rules per derivation: {RuleDeriver.Default.Derive(plan).Rules.Count}");

if (failures.Count > 0)
{
    foreach (var failure in failures) Console.WriteLine($"TARGET MISSED: {failure}");
    return 1;
}
Console.WriteLine("all benchmark targets met");
return 0;

static double? ArgValue(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}

static int ParseOnce(byte[] utf8)
{
    var reader = new Utf8JsonReader(utf8);
    var strings = 0;
    while (reader.Read())
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() != null) strings++;
    }
    return strings;
}

void Report(string name, string baselineName, (double Micros, double BaselineMicros, double Ratio) m, double? target)
{
    var goal = target.HasValue ? $" (target <= {target:0.00})" : "";
    Console.WriteLine($"{name}: {m.Micros:0.0} us; {baselineName}: {m.BaselineMicros:0.0} us; ratio {m.Ratio:0.00}{goal}");
    var limit = failAbove ?? target;
    if (target.HasValue && m.Ratio > limit) failures.Add($"{name} ratio {m.Ratio:0.00} > {limit:0.00}");
}
