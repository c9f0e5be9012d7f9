using System.Text.Json;
using AksEgress;
using AksEgress.Benchmarks;
using AksEgress.Catalog;
using AksEgress.Planning;

// Usage: dotnet run -c Release --project tests/AksEgress.Benchmarks [-- --quick] [--fail-above R] [--only CASE,...]
// Prints each measurement beside its baseline and the ratio; exits 1 when a target is missed. The
// catalog-load ratio sits near its 1.0 target, so a quick run on a busy machine can read a little above
// it: CI passes --fail-above as a regression guard, a full run (no flag) holds every stated target.
// Counts (HTTP requests for a fleet) are not timings: their limits hold whatever the flags. Targets not yet met
// with margin are not guarded under --fail-above (guardedInCi: false); a run without the flag holds them.
// Under --fail-above a missed target is printed as not enforced, and the last line says so (see Verdict).
// --only runs some cases, for iterating on one: catalog, derivation, requests, probes, import, hostpipeline.
var quick = args.Contains("--quick");
var failAbove = ArgValue(args, "--fail-above");
if (args.Contains("--fail-above") && failAbove == null)
{
    Console.Error.WriteLine("--fail-above takes a ratio, e.g. --fail-above 1.5");
    return 2;
}
string[] cases = { "catalog", "derivation", "requests", "probes", "import", "hostpipeline" };
var only = ArgText(args, "--only");
var selected = only == null ? cases : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var unknown = selected.Except(cases).ToList();
if (unknown.Count > 0 || selected.Length == 0)
{
    Console.Error.WriteLine($"--only takes one or more of {string.Join(", ", cases)} separated by commas; not: {string.Join(", ", unknown)}");
    return 2;
}
bool Runs(string name) => selected.Contains(name);
var rounds = quick ? 15 : 41;
var perRound = quick ? 20 : 50;
var verdict = new Verdict(failAbove, only);

// Catalog load vs parsing its own JSON once. "Once" = one forward pass that tokenizes the file and decodes
// each string value, the least any loader that hands back values must do: this is the enforced target.
// JsonDocument.Parse decodes no strings at all (it indexes the bytes); it is printed for reference.
var json = RuleCatalog.ReadEmbeddedJson();
if (Runs("catalog"))
{
    Report("catalog load (read + validate)", "one parse of the same JSON decoding each string",
        Measure.Compare(() => RuleCatalog.Load(json), () => ParseOnce(json), rounds, perRound), target: 1.0);
    Report("catalog load (read + validate)", "JsonDocument.Parse (indexes, decodes nothing)",
        Measure.Compare(() => RuleCatalog.Load(json), () => { using var d = JsonDocument.Parse(json); }, rounds, perRound), target: null);
}

if (Runs("derivation"))
{
    // Derivation for one cluster with every feature: reported against a catalog load, for scale.
    var plan = new RulePlan
    {
        Location = "koreacentral",
        Features = Enum.GetValues<AksFeature>().ToList(),
        CustomDnsServers = new List<string> { "10.0.0.4", "10.0.0.5" },
        IncludeLegacy = true,
    };
    // A deriver without the per-shape memo, so every call derives from the catalog.
    var uncached = new RuleDeriver(RuleCatalog.Default, AksEgress.Regions.RegionDirectory.Default, memoize: false);
    Report("rule derivation (every feature + legacy, not memoized)", "catalog load",
        Measure.Compare(() => uncached.Derive(plan), () => RuleCatalog.Load(json), rounds, perRound), target: null);
    Console.WriteLine($"rules per derivation: {uncached.Derive(plan).Rules.Count}");

    // Derivation vs parse for 10,000 'az aks show' documents (DerivationVsParse says what each side covers). Target
    // <= 1.0, held on two ways of feeding derivation: (1) document by document, each tree derived as soon as it is
    // parsed (piped documents); (2) derivation over trees built beforehand, in chunks of 100 against parsing the same
    // chunk (a Resource Graph page is converted whole before its rows are derived), where the trees are cold.
    // RuleDeriver.Default keeps each plan shape's rules, so a fleet pays the catalog walk once per shape.
    var fleet = new DerivationVsParse(10_000);
    Console.WriteLine($"cluster documents: {fleet.Count:N0}, {fleet.Bytes / fleet.Count:N0} bytes on average ({fleet.Bytes / 1e6:0.0} MB)");
    Report($"derivation of {fleet.Count:N0} clusters, each as parsed (Read + ClusterRules.Derive)", "parse (JsonDocument.Parse + JsonPropertyTree.Convert)",
        Measure.ComparePipeline(fleet.Count, fleet.Parse, fleet.Derive, quick ? 5 : 15), target: 1.0, scale: 1 / 1000.0, unit: "ms");
    fleet.BuildTrees();
    var chunksPerPass = fleet.Count / DerivationVsParse.Chunk;
    Report($"derivation of {fleet.Count:N0} clusters from trees built beforehand", "parse of the same documents",
        Measure.Compare(fleet.DeriveChunk, fleet.ParseChunk, quick ? 3 : 9, chunksPerPass), target: 1.0, scale: chunksPerPass / 1000.0, unit: "ms");
    fleet.DropTrees();
    var breakdown = fleet.Profile(quick ? 1 : 3);
    Console.WriteLine($"  per cluster, stage by stage ({breakdown.RulesPerCluster:0.0} rules, {breakdown.WarningsPerCluster:0.0} warnings; " +
        $"{breakdown.PlanShapes} distinct plans without the API-server FQDN, {breakdown.PlanShapesWithFqdn} with it):");
    foreach (var (stage, micros, bytes) in breakdown.Stages) Console.WriteLine($"    {stage,-32} {micros,6:0.0} us {bytes / 1024,6:0.0} KB allocated");
    var (parseStages, deriveStages) = (breakdown.Stages.Take(2).Sum(s => s.Micros), breakdown.Stages.Skip(2).Take(2).Sum(s => s.Micros));
    Console.WriteLine($"    parse {parseStages:0.0} us, derivation {deriveStages:0.0} us per cluster: ratio {deriveStages / parseStages:0.00} (one pass, for the breakdown only)");
}

if (Runs("requests"))
{
    // HTTP requests for a 5,000-cluster fleet through -All: Resource Graph pages of 1,000, nothing per cluster.
    var requests = await FleetRequests.RunAsync(clusters: 5_000, subscriptions: 4);
    const int RequestLimit = 6;
    Console.WriteLine($"fleet of 5,000 clusters through -All: {requests.Clusters:N0} clusters returned ({requests.Succeeded:N0} with rules, {requests.Failed} failed); " +
        $"HTTP requests {requests.ClientRequests} (client) / {requests.ServerRequests} (server) (target <= {RequestLimit}); {requests.Elapsed.TotalSeconds:0.00} s");
    if (requests.FirstError != null) Console.WriteLine($"  first failure: {requests.FirstError}");
    if (requests.Clusters != 5_000 || requests.Handed != 5_000 || requests.Failed != 0)
        verdict.Failures.Add($"fleet returned {requests.Clusters:N0} clusters ({requests.Handed:N0} handed out, {requests.Failed} failed), not 5,000 with rules");
    if (Math.Max(requests.ClientRequests, requests.ServerRequests) > RequestLimit)
        verdict.Failures.Add($"fleet took {Math.Max(requests.ClientRequests, requests.ServerRequests)} HTTP requests > {RequestLimit}");
}

// Test-AksEgress over 40 loopback rules, 10 black-holed, -TimeoutSec 2: wall time <= 1.15 x 2 s, beside the same probes
// one at a time. Black holes and listeners are removed even when it fails.
if (Runs("probes")) await ProbeWallTime.RunAsync(quick, verdict.Failures);

// Import-Module of the built module against a bare one-cmdlet binary module, each in fresh pwsh processes: target <= 2
// (enforced in a full run; a timing of whole processes on a shared machine, so not guarded under --fail-above), and
// no Azure.* assembly loaded by the import (always enforced).
if (Runs("import"))
{
    // 21 rounds (was 15): whole pwsh processes on a shared 2-core machine vary by tens of milliseconds.
    var importTime = ImportTime.Measure(quick ? 5 : 21, out var importSkipped);
    if (importTime == null)
    {
        Console.WriteLine($"import-time benchmark skipped: {importSkipped}");
        verdict.Skipped.Add($"import time ({importSkipped})");
    }
    else
    {
        Report("Import-Module of out/AksEgress in a fresh pwsh", "a bare binary module with one cmdlet",
            (importTime.ModuleMilliseconds * 1000, importTime.BareMilliseconds * 1000, importTime.Ratio), target: 2.0, scale: 1 / 1000.0, unit: "ms", guardedInCi: false);
        Console.WriteLine($"  {importTime.Spread}");
        Console.WriteLine(importTime.AzureAssemblies.Count == 0 ? "  no Azure.* assembly loaded by the import"
            : $"  Azure.* assemblies loaded by the import: {string.Join(", ", importTime.AzureAssemblies)}");
        if (importTime.AzureAssemblies.Count > 0) verdict.Failures.Add($"Import-Module loaded {string.Join(", ", importTime.AzureAssemblies)}");
    }
}

if (Runs("hostpipeline")) HostPipelineCase();

foreach (var line in verdict.Lines()) Console.WriteLine(line);
return verdict.ExitCode;

// 5,000 'az aks show' objects piped into Get-AksEgressRule -Offline vs ConvertFrom-Json of their documents, in one pwsh (HostPipeline).
// Target <= 1.0 on wall time, held under --fail-above too (0.65-0.69 measured, 1.42-1.47 before the host rework).
void HostPipelineCase()
{
    var host = HostPipeline.Measure(5_000, quick ? 7 : 21, out var hostSkipped);
    if (host == null)
    {
        Console.WriteLine($"host pipeline benchmark skipped: {hostSkipped}");
        verdict.Skipped.Add($"host pipeline ({hostSkipped})");
    }
    else
    {
        Report($"Get-AksEgressRule -Offline of {host.Clusters:N0} piped clusters ({host.Rules:N0} rules, {host.Warnings:N0} warnings) | Out-Null",
            "ConvertFrom-Json of their documents | Out-Null", (host.Wall.Module * 1000, host.Wall.Baseline * 1000, host.Wall.Ratio), target: 1.0, scale: 1 / 1000.0, unit: "ms");
        Console.WriteLine(host.Details);
    }
}

static double? ArgValue(string[] args, string name) =>
    double.TryParse(ArgText(args, name), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

static string? ArgText(string[] args, string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
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

// scale turns Measure's microseconds per call into the unit shown. guardedInCi false: --fail-above does not guard it,
// the target holds only in a run without the flag (see Verdict.Ratio).
void Report(string name, string baselineName, (double Micros, double BaselineMicros, double Ratio) m, double? target,
    double scale = 1.0, string unit = "us", bool guardedInCi = true)
{
    var goal = target.HasValue ? $" (target <= {target:0.00})" : "";
    Console.WriteLine($"{name}: {m.Micros * scale:0.0} {unit}; {baselineName}: {m.BaselineMicros * scale:0.0} {unit}; ratio {m.Ratio:0.00}{goal}");
    if (target.HasValue) verdict.Ratio(name, m.Ratio, target.Value, guardedInCi);
}
