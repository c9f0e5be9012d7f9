# Dot-sourced by the *.Tests.ps1 files: imports the module that ./build.ps1 assembled in out/, never a
# copy installed elsewhere, and fails with what to do when it has not been built.
$moduleRoot = Join-Path $PSScriptRoot '../out/AksEgress'
$manifest = $null
if (Test-Path -LiteralPath $moduleRoot) {
    $manifest = Get-ChildItem -LiteralPath $moduleRoot -Filter 'AksEgress.psd1' -Recurse -File | Select-Object -First 1
}
if ($null -eq $manifest) {
    throw "AksEgress.psd1 was not found under '$moduleRoot'. Build the module first: ./build.ps1 -Task Build"
}
Get-Module -Name AksEgress | Remove-Module -Force
$Module = Import-Module -Name $manifest.FullName -Force -PassThru -ErrorAction Stop
$ModuleBase = (Resolve-Path -LiteralPath (Split-Path -Parent $manifest.FullName)).ProviderPath
