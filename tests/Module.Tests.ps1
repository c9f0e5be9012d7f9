# Pester 5 tests of the built module as a whole: its manifest, what it exports, its help, and that it still imports
# and runs when another Azure.Core is already loaded. Run them with: ./build.ps1 -Task Test

BeforeDiscovery {
    # The help tests run once per cmdlet the manifest lists, so the list is read before the tests are made.
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1') -PathOnly
    $CmdletNames = @((Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop).ExportedCmdlets.Keys | Sort-Object)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')
    $ManifestInfo = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
    $ListedCmdlets = @($ManifestInfo.ExportedCmdlets.Keys | Sort-Object)

    [xml]$props = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../Directory.Build.props') -Raw
    $ExpectedVersion = $props.SelectSingleNode('/Project/PropertyGroup/Version').InnerText.Trim()

    # The same PowerShell as this one, for imports that need a session of their own: its executable in $PSHOME. The
    # process path is not it when pwsh is the dotnet tool (the process is dotnet running pwsh.dll).
    $PowerShellPath = Join-Path $PSHOME $(if ($PSEdition -eq 'Desktop') { 'powershell.exe' } elseif ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest with the version of Directory.Build.props' {
        $ManifestInfo.Version.ToString() | Should -Be $ExpectedVersion
        $Module.Version.ToString() | Should -Be $ExpectedVersion
    }

    It 'declares both editions from Windows PowerShell 5.1 on' {
        (@($ManifestInfo.CompatiblePSEditions | Sort-Object) -join ',') | Should -Be 'Core,Desktop'
        $ManifestInfo.PowerShellVersion.ToString() | Should -Be '5.1'
    }

    It 'carries the gallery metadata: tags, project and license links, release notes of this version' {
        $ManifestInfo.Tags | Should -Contain 'AKS'
        $ManifestInfo.Tags | Should -Contain 'PSEdition_Core'
        $ManifestInfo.Tags | Should -Contain 'PSEdition_Desktop'
        $ManifestInfo.ProjectUri.IsAbsoluteUri | Should -BeTrue
        $ManifestInfo.LicenseUri.IsAbsoluteUri | Should -BeTrue
        $ManifestInfo.ReleaseNotes | Should -Match ([regex]::Escape($ExpectedVersion))
    }

    It 'loads the cmdlet assembly built for this edition' {
        $edition = if ($PSEdition -eq 'Core') { 'Core' } else { 'Desktop' }
        $loaded = (Get-Command -Name Get-AksEgressRule -ErrorAction Stop).ImplementingType.Assembly.Location
        $expected = Join-Path (Join-Path (Join-Path $ModuleBase 'bin') $edition) 'AksEgress.dll'
        [IO.Path]::GetFullPath($loaded) | Should -Be ([IO.Path]::GetFullPath($expected))
    }
}

Describe 'Exported commands' {
    It 'are exactly the cmdlets the manifest lists' {
        $ListedCmdlets.Count | Should -BeGreaterThan 0
        (@($Module.ExportedCommands.Keys | Sort-Object) -join ',') | Should -Be ($ListedCmdlets -join ',')
        (@($Module.ExportedCmdlets.Keys | Sort-Object) -join ',') | Should -Be ($ListedCmdlets -join ',')
    }

    It 'include every cmdlet the assembly defines, so a new cmdlet cannot be left out of the manifest' {
        $assembly = (Get-Command -Name Get-AksEgressRule -ErrorAction Stop).ImplementingType.Assembly
        $defined = @($assembly.GetExportedTypes() | ForEach-Object {
                foreach ($attribute in $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)) {
                    '{0}-{1}' -f $attribute.VerbName, $attribute.NounName
                }
            } | Sort-Object)
        ($defined -join ',') | Should -Be ($ListedCmdlets -join ',')
    }
}

Describe 'Help' {
    It '<_> has at least one example with code' -ForEach $CmdletNames {
        $help = Get-Help -Name $_ -Full
        # A missing help file gives generated help without examples; @($null) would count 1, so nulls are dropped.
        $examples = @($help.examples.example | Where-Object { $_ })
        $examples.Count | Should -BeGreaterOrEqual 1
        foreach ($example in $examples) {
            [string]$example.code | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Views loaded on first use' {
    BeforeAll {
        # Each session is a runspace of its own: formats belong to a runspace, so a new one starts without ours
        # whatever this one loaded, and importing the module there is what a fresh pwsh does.
        function Invoke-InNewSession([scriptblock]$Script) {
            $session = [powershell]::Create()
            try {
                $null = $session.AddScript($Script).AddArgument($ManifestPath)
                $output = @($session.Invoke())
                @($session.Streams.Error) | Should -BeNullOrEmpty
                $output[0]
            }
            finally {
                $session.Dispose()
            }
        }

        # The session's script: its parameter, a view counter, then the steps.
        $Prelude = 'param([string]$ManifestPath)', 'function Get-ViewCount {',
        '@(Get-FormatData -TypeName AksEgress.AksEgressRule, AksEgress.AksEgressTestResult | ForEach-Object FormatViewDefinition).Count }' -join [Environment]::NewLine
        $RuleSession = Invoke-InNewSession ([scriptblock]::Create($Prelude + @'

            Import-Module -Name $ManifestPath
            $atImport = Get-ViewCount
            # The formatter is in the same pipeline as the first command: the views must be there for its output.
            $table = (Get-AksEgressRule -Location eastus -WarningAction SilentlyContinue | Out-String -Width 250) -replace "$([char]27)\[[0-9;]*[A-Za-z]", ''
            $afterRules = Get-ViewCount
            $null = @(Get-AksEgressRule -Location westeurope -WarningAction SilentlyContinue)
            Remove-Module -Name AksEgress
            Import-Module -Name $ManifestPath
            $null = @(Get-AksEgressRule -Location eastus -WarningAction SilentlyContinue)
            [pscustomobject]@{
                AtImport = $atImport
                AfterRules = $afterRules
                AfterMore = Get-ViewCount
                Header = @($table -split '\r?\n' | Where-Object { $_.Trim() -ne '' })[0]
            }
'@))
        $TestSession = Invoke-InNewSession ([scriptblock]::Create($Prelude + @'

            Import-Module -Name $ManifestPath
            # An object that is no rule: Test-AksEgress reports it and probes nothing, but it has started.
            $null = @([pscustomobject]@{ Name = 'not a rule' } | Test-AksEgress -ErrorAction SilentlyContinue -InformationAction SilentlyContinue)
            [pscustomobject]@{ AfterTest = Get-ViewCount }
'@))
    }

    It 'are not loaded by Import-Module' {
        $RuleSession.AtImport | Should -Be 0
    }

    It 'are loaded by the first Get-AksEgressRule, in time for its own output' {
        # AksEgressRule: a table and a list; AksEgressTestResult: a table.
        $RuleSession.AfterRules | Should -Be 3
        $RuleSession.Header | Should -Match '^\s*Feature\s+Kind\s+Protocol\s+Port\s+Requirement\s+Destination\s*$'
    }

    It 'stay one set through later commands and a module reload' {
        $RuleSession.AfterMore | Should -Be 3
    }

    It 'are loaded by Test-AksEgress as well' {
        $TestSession.AfterTest | Should -Be 3
    }
}

Describe 'Another Azure.Core loaded first' {
    BeforeAll {
        # A session that already loaded another Azure.Core (Az.Accounts does) must still import the module and run
        # it. Any Azure.Core assembly version other than the shipped one will do; restore leaves several in the cache.
        $ShippedVersion = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModuleBase 'bin/Common/Azure.Core.dll')).Version
        # build/tools/Tools.proj restores Azure.Core 1.47.1 into .tools/nuget for this test; the NuGet cache is looked at too.
        $cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
        $roots = @((Join-Path $PSScriptRoot '../.tools/nuget/azure.core'), (Join-Path $cache 'azure.core'))
        $OtherAzureCore = $roots | Get-ChildItem -Directory -ErrorAction SilentlyContinue |
            ForEach-Object { Join-Path $_.FullName 'lib/netstandard2.0/Azure.Core.dll' } |
            Where-Object { Test-Path -LiteralPath $_ -PathType Leaf } |
            Where-Object { [Reflection.AssemblyName]::GetAssemblyName($_).Version -ne $shippedVersion } |
            Select-Object -First 1
        $WhyNoOtherAzureCore = "no Azure.Core other than $shippedVersion in $($roots -join ' or '): run 'dotnet restore build/tools/Tools.proj'"

        $ChildScript = Join-Path $TestDrive 'Import-AfterAzureCore.ps1'
        Set-Content -LiteralPath $ChildScript -Encoding UTF8 -Value @'
param([string]$AzureCorePath, [string]$ManifestPath)
$ErrorActionPreference = 'Stop'
try {
    Add-Type -Path $AzureCorePath
    Import-Module -Name $ManifestPath
    $rules = @(Get-AksEgressRule -Location eastus)
    # A live set makes the module build its ARM client, which binds its own Azure.Core. The subscription id is not a
    # GUID, so the command ends with InvalidSubscriptionId before any request leaves the machine.
    $token = ConvertTo-SecureString -String 'not-a-token' -AsPlainText -Force
    $liveErrorId = ''
    try { Get-AksEgressRule -ResourceGroupName rg -Name aks1 -SubscriptionId not-a-guid -AccessToken $token -ErrorAction Stop }
    catch { $liveErrorId = $_.FullyQualifiedErrorId }
    $loaded = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Azure.Core' })
    [pscustomobject]@{
        RuleCount = $rules.Count
        AzureCoreVersions = @($loaded | ForEach-Object { $_.GetName().Version.ToString() })
        AzureCoreLocations = @($loaded | ForEach-Object { $_.Location })
        LiveErrorId = [string]$liveErrorId
        Error = ''
    } | ConvertTo-Json -Compress
    exit 0
}
catch {
    [pscustomobject]@{ RuleCount = 0; AzureCoreVersions = @(); Error = $_.ToString() } | ConvertTo-Json -Compress
    exit 1
}
'@
    }

    It 'imports and runs Get-AksEgressRule -Location eastus in a fresh session' {
        # Not a skip: without the other Azure.Core this test would prove nothing, so it fails and says what to run.
        $OtherAzureCore | Should -Not -BeNullOrEmpty -Because $WhyNoOtherAzureCore
        $otherVersion = [Reflection.AssemblyName]::GetAssemblyName($OtherAzureCore).Version.ToString()
        $output = @(& $PowerShellPath -NoProfile -NonInteractive -File $ChildScript -AzureCorePath $OtherAzureCore -ManifestPath $ManifestPath 2>&1)
        $exitCode = $LASTEXITCODE
        $json = $output | ForEach-Object { [string]$_ } | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
        $json | Should -Not -BeNullOrEmpty -Because ($output -join [Environment]::NewLine)
        $result = $json | ConvertFrom-Json
        $result.Error | Should -BeNullOrEmpty
        $exitCode | Should -Be 0
        $result.RuleCount | Should -BeGreaterThan 0
        $result.LiveErrorId | Should -BeLike 'InvalidSubscriptionId*'
        # The session keeps the Azure.Core it loaded itself, and the module's client bound the one in bin/Common.
        @($result.AzureCoreVersions) | Should -Contain $otherVersion
        @($result.AzureCoreVersions) | Should -Contain $shippedVersion.ToString()
        $common = [IO.Path]::GetFullPath((Join-Path $ModuleBase 'bin/Common/Azure.Core.dll'))
        @($result.AzureCoreLocations | ForEach-Object { [IO.Path]::GetFullPath($_) }) | Should -Contain $common
    }
}
