#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, packages or cleans the AksEgress module.

.DESCRIPTION
    Build    dotnet build of AksEgressPs.sln, dotnet publish of src/AksEgress for net8.0 and net472, then
             assembles out/AksEgress/<version>/ from an explicit list of files.
    Test     Build, dotnet test of the solution, then Pester 5 (in a child pwsh) over tests/*.Tests.ps1
             against the module in out/.
    Package  Build, then zips out/AksEgress (module folder at the zip root) into out/AksEgress-<version>.zip.
    Clean    Removes out/ and the bin/ and obj/ folders of every project.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string]$Task = 'Build',

    [string]$Configuration = 'Release'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$ModuleName = 'AksEgress'
$Solution = Join-Path $RepoRoot 'AksEgressPs.sln'
$ModuleProject = Join-Path $RepoRoot 'src/AksEgress/AksEgress.csproj'
$OutRoot = Join-Path $RepoRoot 'out'
$StagingRoot = Join-Path $OutRoot 'staging'
$ModuleOutRoot = Join-Path $OutRoot $ModuleName

# The files of the module, listed one by one: the build fails when one is missing, and when a publish
# output holds a DLL that is not listed here (a new dependency must be added on purpose, after checking
# whether the PowerShell edition already provides it).
#
# Azure.Core, Azure.Identity and MSAL (the live ARM reads) with their dependencies, in both editions.
$AzureFiles = @(
    'Azure.Core.dll'
    'Azure.Identity.dll'
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'Microsoft.Extensions.DependencyInjection.Abstractions.dll'
    'Microsoft.Extensions.Logging.Abstractions.dll'
    'Microsoft.Identity.Client.dll'
    'Microsoft.Identity.Client.Extensions.Msal.dll'
    'Microsoft.IdentityModel.Abstractions.dll'
    'System.ClientModel.dll'
    'System.Memory.Data.dll'
    'System.Security.Cryptography.ProtectedData.dll'
)

# bin/Core (PowerShell 7.4+, .NET 8): the hosts, the engine and the Azure SDK; System.Text.Json 8 and
# System.Memory are part of .NET 8 itself.
$CoreFiles = @(
    'AksEgress.dll'
    'AksEgress.Engine.dll'
) + $AzureFiles

# bin/Desktop (Windows PowerShell 5.1, .NET Framework 4.7.2): also System.Text.Json 8.0.6 and every DLL the
# net462/netstandard2.0 builds pull in. .NET Framework 4.7.2 has none of them in the versions referenced (its
# own System.ValueTuple facade is 4.0.2.0; System.Text.Json asks for 4.0.3.0).
$DesktopFiles = @(
    'AksEgress.dll'
    'AksEgress.Engine.dll'
    'System.Text.Json.dll'
    'System.Buffers.dll'
    'System.Diagnostics.DiagnosticSource.dll'
    'System.IO.FileSystem.AccessControl.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Security.AccessControl.dll'
    'System.Security.Principal.Windows.dll'
    'System.Text.Encodings.Web.dll'
    'System.Threading.Tasks.Extensions.dll'
    'System.ValueTuple.dll'
) + $AzureFiles

# PowerShell itself provides these; a module must never ship them.
$ForbiddenFiles = @(
    'System.Management.Automation.dll'
    'Microsoft.PowerShell.CoreCLR.Eventing.dll'
    'Microsoft.Management.Infrastructure.dll'
)

function Write-Step {
    param([Parameter(Mandatory)][string]$Message)
    Write-Host ''
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a program, streams its output to the host, and throws when it exits non-zero.
    param(
        [Parameter(Mandatory)][string]$FilePath,
        [string[]]$ArgumentList = @()
    )
    Write-Host "> $FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    # <Version> in Directory.Build.props is the single source of the version.
    $propsPath = Join-Path $RepoRoot 'Directory.Build.props'
    if (-not (Test-Path -LiteralPath $propsPath -PathType Leaf)) {
        throw "Directory.Build.props not found at '$propsPath'."
    }
    [xml]$props = Get-Content -LiteralPath $propsPath -Raw
    $node = $props.SelectSingleNode('/Project/PropertyGroup/Version')
    if ($null -eq $node -or [string]::IsNullOrWhiteSpace($node.InnerText)) {
        throw "Directory.Build.props has no <Version> in a <PropertyGroup>."
    }
    $version = $node.InnerText.Trim()
    if ($version -notmatch '^\d+\.\d+\.\d+$') {
        throw "<Version> '$version' in Directory.Build.props is not of the form Major.Minor.Patch that a module manifest needs."
    }
    return $version
}

function Assert-ManifestVersion {
    param(
        [Parameter(Mandatory)][string]$ManifestPath,
        [Parameter(Mandatory)][string]$Version
    )
    $text = Get-Content -LiteralPath $ManifestPath -Raw
    $match = [regex]::Match($text, "(?m)^\s*ModuleVersion\s*=\s*'([^']+)'")
    if (-not $match.Success) {
        throw "No ModuleVersion = '...' line found in '$ManifestPath'."
    }
    if ($match.Groups[1].Value -ne $Version) {
        throw "ModuleVersion '$($match.Groups[1].Value)' in '$ManifestPath' differs from <Version> '$Version' in Directory.Build.props. Make them equal."
    }
}

function Copy-ExplicitFile {
    # Copies exactly the listed files from one publish output; fails on a missing or an unlisted DLL.
    param(
        [Parameter(Mandatory)][string]$SourceDir,
        [Parameter(Mandatory)][string]$DestinationDir,
        [Parameter(Mandatory)][string[]]$FileName,
        [Parameter(Mandatory)][string]$Label
    )
    $missing = @($FileName | Where-Object { -not (Test-Path -LiteralPath (Join-Path $SourceDir $_) -PathType Leaf) })
    if ($missing.Count -gt 0) {
        throw "The $Label publish output '$SourceDir' lacks $($missing -join ', '). The module cannot be assembled; check the publish step and the file list in build.ps1."
    }

    $forbidden = @($FileName | Where-Object { $ForbiddenFiles -contains $_ })
    if ($forbidden.Count -gt 0) {
        throw "The $Label file list in build.ps1 names $($forbidden -join ', '), which PowerShell provides. Remove it from the list."
    }

    $unlisted = @(Get-ChildItem -LiteralPath $SourceDir -Filter '*.dll' -File |
        Where-Object { $FileName -notcontains $_.Name } |
        ForEach-Object { $_.Name })
    if ($unlisted.Count -gt 0) {
        throw "The $Label publish output '$SourceDir' has DLLs that build.ps1 does not list: $($unlisted -join ', '). If the module needs them on that PowerShell edition, add them to the list in build.ps1; if PowerShell provides them, keep them out of the publish (for example PrivateAssets=all or ExcludeAssets=runtime)."
    }

    $null = New-Item -ItemType Directory -Path $DestinationDir -Force
    foreach ($name in $FileName) {
        Copy-Item -LiteralPath (Join-Path $SourceDir $name) -Destination (Join-Path $DestinationDir $name) -Force
    }
}

function Invoke-Build {
    $version = Get-ModuleVersion
    $sourceManifest = Join-Path $RepoRoot "$ModuleName.psd1"
    $sourceFormat = Join-Path $RepoRoot "module/$ModuleName.Format.ps1xml"
    foreach ($path in @($Solution, $ModuleProject, $sourceManifest, $sourceFormat)) {
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
            throw "Expected file not found: '$path'."
        }
    }
    Assert-ManifestVersion -ManifestPath $sourceManifest -Version $version

    Write-Step "dotnet build $([IO.Path]::GetFileName($Solution)) ($Configuration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $Solution, '-c', $Configuration, '--nologo')

    $coreStaging = Join-Path $StagingRoot 'Core'
    $desktopStaging = Join-Path $StagingRoot 'Desktop'
    foreach ($dir in @($StagingRoot, $ModuleOutRoot)) {
        if (Test-Path -LiteralPath $dir) {
            Remove-Item -LiteralPath $dir -Recurse -Force
        }
    }

    Write-Step 'dotnet publish src/AksEgress for net8.0 (PowerShell 7.4+)'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('publish', $ModuleProject, '-c', $Configuration, '-f', 'net8.0', '--no-build', '-o', $coreStaging, '--nologo')

    Write-Step 'dotnet publish src/AksEgress for net472 (Windows PowerShell 5.1)'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('publish', $ModuleProject, '-c', $Configuration, '-f', 'net472', '--no-build', '-o', $desktopStaging, '--nologo')

    $moduleDir = Join-Path $ModuleOutRoot $version
    Write-Step "Assembling $moduleDir"
    $null = New-Item -ItemType Directory -Path $moduleDir -Force
    Copy-Item -LiteralPath $sourceManifest -Destination (Join-Path $moduleDir "$ModuleName.psd1") -Force
    Copy-Item -LiteralPath $sourceFormat -Destination (Join-Path $moduleDir "$ModuleName.Format.ps1xml") -Force
    Copy-ExplicitFile -SourceDir $coreStaging -DestinationDir (Join-Path $moduleDir 'bin/Core') -FileName $CoreFiles -Label 'net8.0'
    Copy-ExplicitFile -SourceDir $desktopStaging -DestinationDir (Join-Path $moduleDir 'bin/Desktop') -FileName $DesktopFiles -Label 'net472'

    # The whole module, as it must be: nothing missing, nothing extra, nothing PowerShell provides.
    $expected = @("$ModuleName.psd1", "$ModuleName.Format.ps1xml") +
        @($CoreFiles | ForEach-Object { "bin/Core/$_" }) +
        @($DesktopFiles | ForEach-Object { "bin/Desktop/$_" })
    $moduleDirFull = (Resolve-Path -LiteralPath $moduleDir).ProviderPath
    $actual = @(Get-ChildItem -LiteralPath $moduleDirFull -Recurse -File | ForEach-Object {
            $_.FullName.Substring($moduleDirFull.Length).TrimStart('\', '/').Replace('\', '/')
        })
    $missing = @($expected | Where-Object { $actual -notcontains $_ })
    $extra = @($actual | Where-Object { $expected -notcontains $_ })
    if ($missing.Count -gt 0) {
        throw "The module folder '$moduleDir' lacks: $($missing -join ', ')."
    }
    if ($extra.Count -gt 0) {
        throw "The module folder '$moduleDir' has files that are not on the list: $($extra -join ', ')."
    }
    $shipped = @($actual | Where-Object { $ForbiddenFiles -contains [IO.Path]::GetFileName($_) })
    if ($shipped.Count -gt 0) {
        throw "The module folder '$moduleDir' contains $($shipped -join ', '), which PowerShell provides and a module must not ship."
    }

    $stagedManifest = Join-Path $moduleDir "$ModuleName.psd1"
    $info = Test-ModuleManifest -Path $stagedManifest -ErrorAction Stop
    if ($info.Version.ToString() -ne $version) {
        throw "Test-ModuleManifest reports version $($info.Version) for '$stagedManifest'; expected $version."
    }

    Remove-Item -LiteralPath $StagingRoot -Recurse -Force
    Write-Host ''
    Write-Host "Module assembled in $moduleDir ($($actual.Count) files):"
    $actual | Sort-Object | ForEach-Object { Write-Host "  $_" }
    return $moduleDir
}

function Get-PwshPath {
    # The child process runs the same PowerShell as this one when its executable is in $PSHOME.
    $name = if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }
    $candidate = Join-Path $PSHOME $name
    if (Test-Path -LiteralPath $candidate -PathType Leaf) {
        return $candidate
    }
    $command = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw 'pwsh was not found in $PSHOME or on PATH; it is needed to run Pester in a child process.'
    }
    return $command.Source
}

function Install-PesterIfMissing {
    $minimum = [version]'5.5.0'
    $found = @(Get-Module -Name Pester -ListAvailable | Where-Object { $_.Version -ge $minimum })
    if ($found.Count -gt 0) {
        Write-Host "Pester $($found[0].Version) found at $($found[0].ModuleBase)"
        return
    }
    Write-Step "Installing Pester $minimum or newer for the current user from PSGallery"
    Install-Module -Name Pester -MinimumVersion '5.5.0' -Scope CurrentUser -Repository PSGallery -Force -SkipPublisherCheck -AllowClobber
    $found = @(Get-Module -Name Pester -ListAvailable | Where-Object { $_.Version -ge $minimum })
    if ($found.Count -eq 0) {
        throw "Pester $minimum or newer is still not available after Install-Module."
    }
}

function Invoke-Test {
    $null = Invoke-Build

    Write-Step "dotnet test $([IO.Path]::GetFileName($Solution)) ($Configuration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('test', $Solution, '-c', $Configuration, '--no-build', '--nologo')

    $testsDir = Join-Path $RepoRoot 'tests'
    $testFiles = @(Get-ChildItem -LiteralPath $testsDir -Filter '*.Tests.ps1' -File)
    if ($testFiles.Count -eq 0) {
        throw "No *.Tests.ps1 files found in '$testsDir'."
    }

    Install-PesterIfMissing

    $resultsPath = Join-Path $OutRoot 'TestResults/pester.xml'
    $null = New-Item -ItemType Directory -Path (Split-Path -Parent $resultsPath) -Force

    # Pester runs in a child process so that the module DLLs it imports are not left loaded (and locked)
    # in this session, and so that every run starts from a clean session.
    $childScript = @'
$ErrorActionPreference = 'Stop'
Import-Module -Name Pester -MinimumVersion 5.5.0
$config = New-PesterConfiguration
$config.Run.Path = @(Get-ChildItem -LiteralPath '__TESTS_DIR__' -Filter '*.Tests.ps1' -File | ForEach-Object { $_.FullName })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = '__RESULTS_PATH__'
$result = Invoke-Pester -Configuration $config
$failed = [int]$result.FailedCount + [int]$result.FailedBlocksCount + [int]$result.FailedContainersCount
Write-Host ('Pester: {0} passed, {1} failed' -f [int]$result.PassedCount, $failed)
if ($result.Result -ne 'Passed' -or $failed -gt 0) { exit 1 }
if ([int]$result.PassedCount -eq 0) { Write-Host 'Pester ran no test.'; exit 1 }
exit 0
'@
    $childScript = $childScript.Replace('__TESTS_DIR__', $testsDir.Replace("'", "''"))
    $childScript = $childScript.Replace('__RESULTS_PATH__', $resultsPath.Replace("'", "''"))

    Write-Step 'Pester (child pwsh) over tests/*.Tests.ps1'
    $pwsh = Get-PwshPath
    & $pwsh -NoProfile -NonInteractive -Command $childScript | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "Pester failed (exit code $LASTEXITCODE). Results: $resultsPath"
    }
    Write-Host "Pester passed. Results: $resultsPath"
}

function Invoke-Package {
    $moduleDir = Invoke-Build
    $version = Split-Path -Leaf $moduleDir
    $zipPath = Join-Path $OutRoot "$ModuleName-$version.zip"

    Write-Step "Packaging $zipPath"
    if (Test-Path -LiteralPath $zipPath) {
        Remove-Item -LiteralPath $zipPath -Force
    }
    Add-Type -AssemblyName System.IO.Compression
    Add-Type -AssemblyName System.IO.Compression.ZipFile
    # includeBaseDirectory = true puts the AksEgress folder itself at the root of the zip.
    [System.IO.Compression.ZipFile]::CreateFromDirectory($ModuleOutRoot, $zipPath, 'Optimal', $true)

    $zip = [System.IO.Compression.ZipFile]::OpenRead($zipPath)
    try {
        $entries = @($zip.Entries | ForEach-Object { $_.FullName.Replace('\', '/') })
    }
    finally {
        $zip.Dispose()
    }
    $manifestEntry = "$ModuleName/$version/$ModuleName.psd1"
    if ($entries -notcontains $manifestEntry) {
        throw "The zip '$zipPath' has no entry '$manifestEntry'."
    }
    Write-Host "Package: $zipPath ($($entries.Count) entries)"
}

function Invoke-Clean {
    Write-Step 'Removing out/ and the bin/ and obj/ folders of every project'
    if (Test-Path -LiteralPath $OutRoot) {
        Remove-Item -LiteralPath $OutRoot -Recurse -Force
    }
    $projects = @()
    foreach ($root in @((Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests'))) {
        if (Test-Path -LiteralPath $root) {
            $projects += @(Get-ChildItem -LiteralPath $root -Filter '*.csproj' -File -Recurse)
        }
    }
    foreach ($project in $projects) {
        foreach ($sub in @('bin', 'obj')) {
            $dir = Join-Path $project.DirectoryName $sub
            if (Test-Path -LiteralPath $dir) {
                Write-Host "  removing $dir"
                Remove-Item -LiteralPath $dir -Recurse -Force
            }
        }
    }
}

switch ($Task) {
    'Build' { $null = Invoke-Build }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
    'Clean' { Invoke-Clean }
}
Write-Host ''
Write-Host "$Task succeeded." -ForegroundColor Green
