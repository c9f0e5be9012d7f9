# Run by HostPipeline.cs in one pwsh process: ConvertFrom-Json of N 'az aks show' documents (the baseline) against
# Get-AksEgressRule -Offline on the objects it returned, each consumed downstream as a user's pipeline consumes it:
#   $documents | ConvertFrom-Json | Out-Null
#   $clusters | Get-AksEgressRule -Offline | Out-Null
# Out-Null stands for the next command (Export-Csv, Where-Object): it takes every object through the pipeline, as they
# would, at the least cost, and keeps nothing, so neither side is timed collecting the other's garbage. (Assigning
# both results instead keeps 5,000 parsed documents alive and makes ConvertFrom-Json about twice as slow, which
# would flatter the module.) The module's warnings are collected with -WarningVariable, not printed, so the console
# is not timed. After a warm-up, rounds alternate which side runs first; each side runs after a full, untimed garbage
# collection and prints "<side> <wall ms> <process CPU ms>". The last line says what one module run produced.
# Documents: one file, each document followed by a U+001E separator.
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $DocumentsPath,
    [int] $Rounds = 15,
    [int] $WarmUp = 2
)
$ErrorActionPreference = 'Stop'
Import-Module -Name $ManifestPath
$documents = [System.IO.File]::ReadAllText($DocumentsPath).Split([char]0x1e, [System.StringSplitOptions]::RemoveEmptyEntries)
$clusters = $documents | ConvertFrom-Json

function Invoke-FullCollection {
    [System.GC]::Collect()
    [System.GC]::WaitForPendingFinalizers()
    [System.GC]::Collect()
}

$clock = [System.Diagnostics.Stopwatch]::new()
$process = [System.Diagnostics.Process]::GetCurrentProcess()
function Time([string] $side, [scriptblock] $run, [bool] $print) {
    Invoke-FullCollection
    $process.Refresh()
    $cpu = $process.TotalProcessorTime
    $clock.Restart()
    . $run
    $clock.Stop()
    $process.Refresh()
    $cpu = $process.TotalProcessorTime - $cpu
    if ($print) {
        '{0} {1} {2}' -f $side, $clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture), $cpu.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)
    }
}
$baseline = { $documents | ConvertFrom-Json | Out-Null }
$module = { $clusters | Get-AksEgressRule -Offline -WarningVariable script:warned -WarningAction SilentlyContinue | Out-Null }
for ($round = -$WarmUp; $round -lt $Rounds; $round++) {
    # Odd rounds run the module first, so neither side always follows the other.
    if ($round % 2 -eq 0) { Time 'baseline' $baseline ($round -ge 0) }
    Time 'module' $module ($round -ge 0)
    $warningCount = @($script:warned).Count
    if ($round % 2 -ne 0) { Time 'baseline' $baseline ($round -ge 0) }
}
$ruleCount = @($clusters | Get-AksEgressRule -Offline -WarningAction SilentlyContinue).Count
"clusters $(@($clusters).Count) rules $ruleCount warnings $warningCount"
