#Requires -Version 7.0
<#
.SYNOPSIS
    Builds, tests, packages or cleans the AksEgress module.

.DESCRIPTION
    Build    dotnet build of AksEgressPs.sln, then build/AksEgress.Module.proj publishes the hosts (net8.0, net472)
             and the engine (netstandard2.0) and assembles out/AksEgress/<version>/ from the explicit list in
             build/ModuleFiles.props: bin/Core and bin/Desktop hold the cmdlet assembly of each edition, bin/Common
             the engine and every dependency. A missing or unlisted file fails the build.
    Test     Build, dotnet test of the solution (once; counted from its TRX files), then Pester 5.9.1 (in a child pwsh,
             the same PowerShell as this one) over every tests/*.Tests.ps1 against the module in out/. Pester comes
             from its NuGet package (build/tools/Tools.proj restores it into .tools/nuget, with the Bicep CLI the
             export tests compile with), the PowerShell Gallery only when that fails. Fails when a test fails, is
             skipped, or nothing ran.
    Package  Build, then out/automation/AksEgress.zip (the module folder at the zip root, for Azure Automation)
             and out/nuget/AksEgress.<version>.nupkg (out/nuget is a local repository for Install-PSResource and
             Install-Module); both are checked entry by entry.
    Clean    Removes out/ and the bin/ and obj/ folders of every project.
    Tools    Restores the test tools (build/tools/Tools.proj into .tools/nuget) and fails when one is missing after it.

    Needs only pwsh 7.4+ and the .NET SDK; ./build.sh installs pwsh 7.6.10 into .tools/pwsh when it is missing.

.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Package
.EXAMPLE
    Register-PSResourceRepository -Name AksEgressLocal -Uri ./out/nuget -Trusted; Install-PSResource AksEgress -Repository AksEgressLocal
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean', 'Tools')]
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

# The test tools that are NuGet packages, pinned here and in build/tools/Tools.proj.
$PesterVersion = '5.9.1'

function Restore-TestTool {
    # build/tools/Tools.proj is download-only: it puts Pester, the Bicep CLI and the Azure.Core the isolation test
    # loads first into .tools/nuget. Returns $false (with the reason shown) when the restore fails, e.g. offline.
    $toolsProject = Join-Path $RepoRoot 'build/tools/Tools.proj'
    Write-Step "dotnet restore build/tools/Tools.proj (Pester $PesterVersion, Bicep CLI) into .tools/nuget"
    & dotnet restore $toolsProject --nologo | Out-Host
    if ($LASTEXITCODE -ne 0) {
        Write-Warning "dotnet restore of '$toolsProject' failed (exit code $LASTEXITCODE)."
        return $false
    }
    return $true
}

function Get-PesterManifest {
    # Pester $PesterVersion from the NuGet package (tools/Pester.psd1): the restore of build/tools/Tools.proj, then the
    # NuGet cache; the PowerShell Gallery only when neither has it (it is unreachable on many build agents).
    $restored = Restore-TestTool
    $roots = @(Join-Path $RepoRoot '.tools/nuget')
    $roots += if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    foreach ($root in $roots) {
        $candidate = Join-Path $root "pester/$PesterVersion/tools/Pester.psd1"
        if (Test-Path -LiteralPath $candidate -PathType Leaf) {
            Write-Host "Pester $PesterVersion from the NuGet package: $candidate"
            return (Resolve-Path -LiteralPath $candidate).ProviderPath
        }
    }
    $why = if ($restored) { 'the restore did not leave tools/Pester.psd1' } else { 'the NuGet restore failed' }
    Write-Step "Pester $PesterVersion is not in .tools/nuget or the NuGet cache ($why); installing it from the PowerShell Gallery"
    $installed = @(Get-Module -Name Pester -ListAvailable | Where-Object { $_.Version -eq [version]$PesterVersion })
    if ($installed.Count -eq 0) {
        Install-Module -Name Pester -RequiredVersion $PesterVersion -Scope CurrentUser -Repository PSGallery -Force -SkipPublisherCheck -AllowClobber
        $installed = @(Get-Module -Name Pester -ListAvailable | Where-Object { $_.Version -eq [version]$PesterVersion })
    }
    if ($installed.Count -eq 0) {
        throw "Pester $PesterVersion could not be found or installed: run 'dotnet restore build/tools/Tools.proj' where the NuGet feed is reachable, or Install-Module Pester -RequiredVersion $PesterVersion."
    }
    return $installed[0].Path
}

function Invoke-Tools {
    # The test tools, checked where the tests look for them.
    if (-not (Restore-TestTool)) {
        throw "The test tools could not be restored: 'dotnet restore build/tools/Tools.proj' needs the NuGet feed."
    }
    $bicepRid = if ($IsWindows) { 'win-x64' } elseif ($IsMacOS) { 'osx-x64' } else { 'linux-x64' }
    $nuget = Join-Path $RepoRoot '.tools/nuget'
    foreach ($tool in @("pester/$PesterVersion/tools/Pester.psd1", "azure.bicep.commandline.$bicepRid/0.49.2/tools/bicep", 'azure.core/1.47.1/lib/netstandard2.0/Azure.Core.dll')) {
        $path = Join-Path $nuget $tool
        if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
            throw "'$path' is missing after the restore of build/tools/Tools.proj."
        }
        Write-Host "  $path"
    }
    Write-Host "pwsh: $(Get-PwshPath) $($PSVersionTable.PSVersion)"
}

function Get-TrxCount {
    # Sums the <Counters> of every TRX file under a folder: total, passed, failed, notExecuted.
    param([Parameter(Mandatory)][string]$Path)
    $sum = [ordered]@{ Total = 0; Passed = 0; Failed = 0; NotExecuted = 0 }
    foreach ($file in @(Get-ChildItem -LiteralPath $Path -Filter '*.trx' -File -Recurse)) {
        [xml]$trx = Get-Content -LiteralPath $file.FullName -Raw
        $counters = $trx.TestRun.ResultSummary.Counters
        $sum.Total += [int]$counters.total
        $sum.Passed += [int]$counters.passed
        $sum.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $sum.NotExecuted += [int]$counters.notExecuted
    }
    return [pscustomobject]$sum
}

function Invoke-XunitTest {
    # dotnet test of the solution, once; the counts come from its TRX files, so a run that ran nothing fails.
    $resultsDir = Join-Path $OutRoot 'TestResults/xunit'
    if (Test-Path -LiteralPath $resultsDir) {
        Remove-Item -LiteralPath $resultsDir -Recurse -Force
    }
    Write-Step "dotnet test $([IO.Path]::GetFileName($Solution)) ($Configuration)"
    & dotnet test $Solution -c $Configuration --no-build --nologo --logger trx --results-directory $resultsDir | Out-Host
    $exitCode = $LASTEXITCODE
    $count = Get-TrxCount -Path $resultsDir
    Write-Host ('xunit: {0} passed, {1} failed, {2} not run' -f $count.Passed, $count.Failed, $count.NotExecuted)
    if ($exitCode -ne 0 -or $count.Failed -gt 0) {
        throw "xunit failed (dotnet test exit code $exitCode, $($count.Failed) failed). Results: $resultsDir"
    }
    if ($count.Total -eq 0 -or $count.Passed -eq 0) {
        throw "xunit ran no test (no TRX counters in $resultsDir)."
    }
    if ($count.NotExecuted -gt 0) {
        throw "xunit left $($count.NotExecuted) test(s) not run; every test must run. Results: $resultsDir"
    }
    return $count
}

function Invoke-PesterTest {
    # Pester in a child pwsh (the same PowerShell as this one) against the module in out/: the module DLLs it imports
    # are not left loaded and locked in this session, and every run starts clean. The counts are read back from the
    # NUnit XML the child writes, so a child that could not start, crashed, or ran nothing fails here.
    param([Parameter(Mandatory)][string]$PesterManifest)
    $testsDir = Join-Path $RepoRoot 'tests'
    $testFiles = @(Get-ChildItem -LiteralPath $testsDir -Filter '*.Tests.ps1' -File)
    if ($testFiles.Count -eq 0) {
        throw "No *.Tests.ps1 files found in '$testsDir'."
    }
    $resultsPath = Join-Path $OutRoot 'TestResults/pester.xml'
    $null = New-Item -ItemType Directory -Path (Split-Path -Parent $resultsPath) -Force
    if (Test-Path -LiteralPath $resultsPath) {
        Remove-Item -LiteralPath $resultsPath -Force
    }

    # The paths reach the child as arguments, never as text inside the script.
    $childScript = @'
param([string]$PesterManifest, [string]$TestsDir, [string]$ResultsPath)
$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest
$config = New-PesterConfiguration
$config.Run.Path = @(Get-ChildItem -LiteralPath $TestsDir -Filter '*.Tests.ps1' -File | ForEach-Object { $_.FullName })
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'NUnitXml'
$config.TestResult.OutputPath = $ResultsPath
$result = Invoke-Pester -Configuration $config
$failed = [int]$result.FailedCount + [int]$result.FailedBlocksCount + [int]$result.FailedContainersCount
if ($result.Result -ne 'Passed' -or $failed -gt 0) { exit 1 }
exit 0
'@
    $childPath = Join-Path $OutRoot 'TestResults/Invoke-PesterChild.ps1'
    Set-Content -LiteralPath $childPath -Value $childScript -Encoding utf8

    Write-Step "Pester $PesterVersion (child pwsh) over tests/*.Tests.ps1"
    $pwsh = Get-PwshPath
    & $pwsh -NoProfile -NonInteractive -File $childPath -PesterManifest $PesterManifest -TestsDir $testsDir -ResultsPath $resultsPath | Out-Host
    $exitCode = $LASTEXITCODE
    if (-not (Test-Path -LiteralPath $resultsPath -PathType Leaf)) {
        throw "Pester wrote no results to '$resultsPath' (child pwsh exit code $exitCode): it did not start or did not finish."
    }
    [xml]$nunit = Get-Content -LiteralPath $resultsPath -Raw
    $run = $nunit.'test-results'
    $total = [int]$run.total
    $failed = [int]$run.failures + [int]$run.errors
    $skipped = [int]$run.skipped + [int]$run.ignored + [int]$run.inconclusive + [int]$run.'not-run'
    $passed = $total - $failed - $skipped
    Write-Host ('Pester: {0} passed, {1} failed' -f $passed, $failed)
    if ($exitCode -ne 0 -or $failed -gt 0) {
        throw "Pester failed (child pwsh exit code $exitCode, $failed failed). Results: $resultsPath"
    }
    if ($passed -le 0) {
        throw "Pester ran no test. Results: $resultsPath"
    }
    if ($skipped -gt 0) {
        $names = @($nunit.SelectNodes("//test-case[@executed='False' or @result='Ignored' or @result='Skipped' or @result='Inconclusive']") | ForEach-Object { $_.name })
        throw "Pester skipped $skipped test(s); every test must run: $($names -join '; ')"
    }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    $null = Invoke-Build
    $pesterManifest = Get-PesterManifest
    $xunit = Invoke-XunitTest
    $pester = Invoke-PesterTest -PesterManifest $pesterManifest
    Write-Host ''
    Write-Host ('Tests: xunit {0} passed, Pester {1} passed, 0 failed' -f $xunit.Passed, $pester.Passed)
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
    'Tools' { Invoke-Tools }
}
Write-Host ''
Write-Host "$Task succeeded." -ForegroundColor Green
