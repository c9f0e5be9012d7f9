using System.Text.Json;
using AksEgress;
using AksEgress.Benchmarks;
using AksEgress.Catalog;
using AksEgress.Planning;

// Usage: dotnet run -c Release --project tests/AksEgress.Benchmarks [-- --quick]
// Prints each measurement beside its baseline and the ratio; exits 1 when a target is missed.
var quick = args.Contains("--quick");
var rounds = quick ? 9 : 31;
var perRound = quick ? 20 : 100;
var failures = new List<string>();

var json = RuleCatalog.ReadEmbeddedJson();
var parse = Measure.MedianMicroseconds(() => { using var d = JsonDocument.Parse(json); }, rounds, perRound);
var load = Measure.MedianMicroseconds(() => RuleCatalog.Load(json), rounds, perRound);
Report("catalog load (parse + validate)", load, "JsonDocument.Parse of the same JSON", parse, target: 1.0);

var plan = new RulePlan
{
    Location = "koreacentral",
    Features = Enum.GetValues<AksFeature>().ToList(),
    CustomDnsServers = new List<string> { "10.0.0.4", "10.0.0.5" },
    IncludeLegacy = true,
};
if (args.Contains("--profile"))
{
    var readOnly = Measure.MedianMicroseconds(() => CatalogReader.Read(json), rounds, perRound);
    var bare = Measure.MedianMicroseconds(() => { var r = new Utf8JsonReader(json); while (r.Read()) { if (r.TokenType == JsonTokenType.String) r.GetString(); } }, rounds, perRound);
    Console.WriteLine($"profile: CatalogReader.Read {readOnly:0.0} us; reader pass with GetString on every string {bare:0.0} us");
}
var derive = Measure.MedianMicroseconds(() => RuleDeriver.Default.Derive(plan), rounds, perRound);
Report("rule derivation, every feature + legacy", derive, "catalog load", load, target: null);
Console.WriteLine($"rules per derivation: {RuleDeriver.Default.Derive(plan).Rules.Count}");

if (failures.Count > 0)
{
    foreach (var failure in failures) Console.WriteLine($"TARGET MISSED: {failure}");
    return 1;
}
Console.WriteLine("all benchmark targets met");
return 0;

void Report(string name, double micros, string baselineName, double baselineMicros, double? target)
{
    var ratio = micros / baselineMicros;
    var goal = target.HasValue ? $" (target <= {target:0.00})" : "";
    Console.WriteLine($"{name}: {micros:0.0} us; {baselineName}: {baselineMicros:0.0} us; ratio {ratio:0.00}{goal}");
    if (target.HasValue && ratio > target.Value) failures.Add($"{name} ratio {ratio:0.00} > {target:0.00}");
}
