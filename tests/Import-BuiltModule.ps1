# Dot-sourced by the *.Tests.ps1 files: imports the module that ./build.ps1 assembled in out/AksEgress/<version>/
# (the version of Directory.Build.props, so a folder left from an older version is never picked), never a copy
# installed elsewhere, and fails with what to do when it has not been built. Sets $ManifestPath, $Module and
# $ModuleBase. With -PathOnly it only sets $ManifestPath (for BeforeDiscovery, or to import in a child process).
param([switch]$PathOnly)

$repoRoot = Split-Path -Parent $PSScriptRoot
[xml]$buildProps = Get-Content -LiteralPath (Join-Path $repoRoot 'Directory.Build.props') -Raw
$versionNode = $buildProps.SelectSingleNode('/Project/PropertyGroup/Version')
if ($null -eq $versionNode) {
    throw "Directory.Build.props has no <Version>; the built module's folder cannot be found."
}
$ManifestPath = Join-Path $repoRoot "out/AksEgress/$($versionNode.InnerText.Trim())/AksEgress.psd1"
if (-not (Test-Path -LiteralPath $ManifestPath -PathType Leaf)) {
    throw "'$ManifestPath' was not found. Build the module first: ./build.ps1 -Task Build"
}
$ManifestPath = (Resolve-Path -LiteralPath $ManifestPath).ProviderPath

if (-not $PathOnly) {
    Get-Module -Name AksEgress | Remove-Module -Force
    $Module = Import-Module -Name $ManifestPath -Force -PassThru -ErrorAction Stop
    $ModuleBase = Split-Path -Parent $ManifestPath
}
