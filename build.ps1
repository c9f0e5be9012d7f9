#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, packages or cleans the AksEgress module.

.DESCRIPTION
    Build    dotnet build of AksEgressPs.sln, then build/AksEgress.Module.proj publishes the hosts (net8.0, net472)
             and the engine (netstandard2.0) and assembles out/AksEgress/<version>/ from the explicit list in
             build/ModuleFiles.props: bin/Core and bin/Desktop hold the cmdlet assembly of each edition, bin/Common
             the engine and every dependency. A missing or unlisted file fails the build.
    Test     Build, dotnet test of the solution, then Pester 5 (in a child pwsh) over tests/*.Tests.ps1 against
             the module in out/.
    Package  Build, then out/automation/AksEgress.zip (the module folder at the zip root, for Azure Automation)
             and out/nuget/AksEgress.<version>.nupkg (out/nuget is a local repository for Install-PSResource and
             Install-Module); both are checked entry by entry.
    Clean    Removes out/ and the bin/ and obj/ folders of every project.

    Needs only pwsh 7 and the .NET SDK.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Package
.EXAMPLE
    Register-PSResourceRepository -Name AksEgressLocal -Uri ./out/nuget -Trusted; Install-PSResource AksEgress -Repository AksEgressLocal
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean')]
    [string]$Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Release'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$RepoRoot = $PSScriptRoot
$ModuleName = 'AksEgress'
$Solution = Join-Path $RepoRoot 'AksEgressPs.sln'
$ModuleProject = Join-Path $RepoRoot 'build/AksEgress.Module.proj'
$OutRoot = Join-Path $RepoRoot 'out'

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
    # <Version> in Directory.Build.props is the single source of the version (the module project checks the manifest).
    $propsPath = Join-Path $RepoRoot 'Directory.Build.props'
    [xml]$props = Get-Content -LiteralPath $propsPath -Raw
    $node = $props.SelectSingleNode('/Project/PropertyGroup/Version')
    if ($null -eq $node -or [string]::IsNullOrWhiteSpace($node.InnerText)) {
        throw "Directory.Build.props has no <Version> in a <PropertyGroup>."
    }
    return $node.InnerText.Trim()
}

function Invoke-ModuleProject {
    # Runs one target of build/AksEgress.Module.proj on the outputs of the solution build just made.
    param([Parameter(Mandatory)][string]$Target)
    Invoke-Native -FilePath 'dotnet' -ArgumentList @(
        'msbuild', $ModuleProject, "-t:$Target", '-nologo', '-v:m', '-nodeReuse:false',
        "-p:Configuration=$Configuration", '-p:ModuleNoBuild=true', "-p:ModuleOutRoot=$OutRoot")
}

function Get-RelativeFile {
    # Every file under a folder, as forward-slash paths relative to it.
    param([Parameter(Mandatory)][string]$Path)
    $root = (Resolve-Path -LiteralPath $Path).ProviderPath
    @(Get-ChildItem -LiteralPath $root -Recurse -File | ForEach-Object {
            $_.FullName.Substring($root.Length).TrimStart('\', '/').Replace('\', '/')
        } | Sort-Object)
}

function Invoke-Build {
    param([string]$Target = 'Build')
    if (-not (Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue)) {
        throw 'dotnet (the .NET SDK) was not found on PATH.'
    }
    $version = Get-ModuleVersion

    Write-Step "dotnet build $([IO.Path]::GetFileName($Solution)) ($Configuration)"
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('build', $Solution, '-c', $Configuration, '--nologo')

    Write-Step "build/AksEgress.Module.proj -t:$Target"
    Invoke-ModuleProject -Target $Target

    $moduleDir = Join-Path $OutRoot "$ModuleName/$version"
    $manifest = Join-Path $moduleDir "$ModuleName.psd1"
    $info = Test-ModuleManifest -Path $manifest -ErrorAction Stop
    if ($info.Version.ToString() -ne $version) {
        throw "Test-ModuleManifest reports version $($info.Version) for '$manifest'; expected $version."
    }

    Write-Host ''
    $files = Get-RelativeFile -Path $moduleDir
    Write-Host "Module assembled in $moduleDir ($($files.Count) files):"
    $files | ForEach-Object { Write-Host "  $_" }
    return $moduleDir
}

function Get-ZipEntryName {
    # The file entries of a zip (folders left out), with forward slashes.
    param([Parameter(Mandatory)][string]$Path)
    Add-Type -AssemblyName System.IO.Compression
    Add-Type -AssemblyName System.IO.Compression.ZipFile
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
    try {
        @($zip.Entries | Where-Object { -not $_.FullName.EndsWith('/') } | ForEach-Object { $_.FullName.Replace('\', '/') } | Sort-Object)
    }
    finally {
        $zip.Dispose()
    }
}

function Assert-SameList {
    param([string[]]$Expected, [string[]]$Actual, [Parameter(Mandatory)][string]$What)
    $missing = @($Expected | Where-Object { $Actual -notcontains $_ })
    $extra = @($Actual | Where-Object { $Expected -notcontains $_ })
    if ($missing.Count -gt 0 -or $extra.Count -gt 0) {
        throw "$What differs from the module folder. Missing: $($missing -join ', '). Extra: $($extra -join ', ')."
    }
}

function Invoke-Package {
    $moduleDir = Invoke-Build -Target 'Package'
    $version = Split-Path -Leaf $moduleDir
    $moduleFiles = Get-RelativeFile -Path $moduleDir

    # Azure Automation: AksEgress.zip holding the folder AksEgress/ with the manifest directly inside.
    $zipPath = Join-Path $OutRoot "automation/$ModuleName.zip"
    Write-Step "Checking $zipPath"
    $zipEntries = Get-ZipEntryName -Path $zipPath
    Assert-SameList -Expected @($moduleFiles | ForEach-Object { "$ModuleName/$_" }) -Actual $zipEntries -What "The zip '$zipPath'"

    # The .nupkg: the module files at the package root beside NuGet's own parts, and a nuspec naming this version.
    $nupkgPath = Join-Path $OutRoot "nuget/$ModuleName.$version.nupkg"
    Write-Step "Checking $nupkgPath"
    $packageParts = @('[Content_Types].xml', '_rels/.rels', "$ModuleName.nuspec")
    $nupkgEntries = Get-ZipEntryName -Path $nupkgPath
    foreach ($part in $packageParts) {
        if ($nupkgEntries -notcontains $part) {
            throw "The package '$nupkgPath' has no '$part'."
        }
    }
    $moduleEntries = @($nupkgEntries | Where-Object { $packageParts -notcontains $_ -and -not $_.StartsWith('package/services/metadata/') })
    Assert-SameList -Expected $moduleFiles -Actual $moduleEntries -What "The package '$nupkgPath'"

    $zip = [System.IO.Compression.ZipFile]::OpenRead($nupkgPath)
    try {
        $reader = [IO.StreamReader]::new($zip.GetEntry("$ModuleName.nuspec").Open())
        try { [xml]$nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
    }
    finally {
        $zip.Dispose()
    }
    $metadata = $nuspec.package.metadata
    if ($metadata.id -ne $ModuleName -or $metadata.version -ne $version -or (" $($metadata.tags) " -notlike '* PSModule *')) {
        throw "The nuspec in '$nupkgPath' says id '$($metadata.id)', version '$($metadata.version)', tags '$($metadata.tags)'; expected $ModuleName, $version and the PSModule tag."
    }

    Write-Host ''
    Write-Host "Azure Automation zip: $zipPath ($($zipEntries.Count) files)"
    Write-Host "NuGet package:        $nupkgPath (a local repository: Register-PSResourceRepository -Uri $(Split-Path -Parent $nupkgPath))"
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

function Invoke-Clean {
    Write-Step 'Removing out/ and the bin/ and obj/ folders of every project'
    if (Test-Path -LiteralPath $OutRoot) {
        Remove-Item -LiteralPath $OutRoot -Recurse -Force
    }
    $projects = @()
    foreach ($root in @((Join-Path $RepoRoot 'src'), (Join-Path $RepoRoot 'tests'), (Join-Path $RepoRoot 'build'))) {
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
