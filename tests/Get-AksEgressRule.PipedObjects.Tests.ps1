# Pester 5 tests: how Get-AksEgressRule reads piped objects and writes what they give. PSCustomObjects are read from
# their note properties directly; these tests hold that to what PSObject.Properties would list, and check the order
# of the written streams and that a stopped pipeline stops.
# Run them with: ./build.ps1 -Task Test

BeforeDiscovery {
    $DocumentFiles = @(Get-ChildItem -Path (Join-Path $PSScriptRoot 'AksEgress.Engine.Tests/Clusters/Documents') -Filter '*.json' |
        ForEach-Object { @{ Name = $_.BaseName; Path = $_.FullName } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')

    $DocumentsFolder = Join-Path $PSScriptRoot 'AksEgress.Engine.Tests/Clusters/Documents'

    # Rules and warnings of piped objects, as text that compares whole.
    function Get-PipedOutcome {
        param([object[]]$InputObject)
        $warned = $null
        $rules = @($InputObject | Get-AksEgressRule -Offline -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed -ErrorAction SilentlyContinue)
        [pscustomobject]@{
            Rules    = ($rules | ConvertTo-Csv -NoTypeInformation) -join "`n"
            Count    = $rules.Count
            Warnings = (@($warned) | ForEach-Object { $_.Message }) -join "`n"
            Errors   = (@($failed) | ForEach-Object { $_.FullyQualifiedErrorId }) -join "`n"
        }
    }

    $Cluster = [pscustomobject]@{
        name       = 'typed'
        properties = [pscustomobject]@{ fqdn = 'typed-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io' }
    }
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'A ConvertFrom-Json object' {
    It 'gives the rules and warnings of the same document read as a hashtable (<Name>)' -ForEach $DocumentFiles {
        $json = Get-Content -LiteralPath $Path -Raw
        $fromObject = Get-PipedOutcome -InputObject ($json | ConvertFrom-Json)
        $fromHashtable = Get-PipedOutcome -InputObject ($json | ConvertFrom-Json -AsHashtable)
        $fromObject.Count | Should -BeGreaterThan 0
        $fromObject.Rules | Should -BeExactly $fromHashtable.Rules
        $fromObject.Warnings | Should -BeExactly $fromHashtable.Warnings
        $fromObject.Errors | Should -BeExactly ''
    }
}

Describe 'Properties PSObject.Properties lists beyond notes' {
    It 'reads an alias property' {
        $aliased = [pscustomobject]@{ name = 'aliased'; region = 'koreacentral'; fqdn = 'aliased-1a2b3c4d.hcp.koreacentral.azmk8s.io' }
        $aliased | Add-Member -MemberType AliasProperty -Name location -Value region
        $outcome = Get-PipedOutcome -InputObject $aliased
        $outcome.Count | Should -BeGreaterThan 0
        $outcome.Errors | Should -BeExactly ''
    }

    It 'leaves script properties out, as before' {
        # The object has a cluster's fqdn, so it is read as a cluster; its location, computed by a script, is not read.
        $scripted = [pscustomobject]@{ name = 'scripted'; fqdn = 'scripted-1a2b3c4d.hcp.koreacentral.azmk8s.io' }
        $scripted | Add-Member -MemberType ScriptProperty -Name location -Value { 'koreacentral' }
        (Get-PipedOutcome -InputObject $scripted).Errors | Should -BeLike 'ClusterLocationMissing*'
    }

    Context 'type data' {
        BeforeAll {
            Update-TypeData -TypeName 'AksEgress.Tests.TypedCluster' -MemberType NoteProperty -MemberName location -Value 'koreacentral' -Force
        }

        AfterAll {
            Remove-TypeData -TypeName 'AksEgress.Tests.TypedCluster' -ErrorAction SilentlyContinue
        }

        It 'reads a property that type data adds, for the objects of that type only' {
            $typed = $Cluster.PSObject.Copy()
            $typed.PSObject.TypeNames.Insert(0, 'AksEgress.Tests.TypedCluster')
            $outcome = Get-PipedOutcome -InputObject @($typed, $Cluster, $typed)
            $outcome.Errors | Should -BeLike 'ClusterLocationMissing*'
            @($outcome.Errors -split "`n").Count | Should -Be 1
            $outcome.Rules | Should -Match 'koreacentral'
        }
    }
}

Describe 'What piped clusters write' {
    It "writes each cluster's warnings, then its rules, cluster by cluster, then the note for the whole pipeline" {
        $first = Get-Content -LiteralPath (Join-Path $DocumentsFolder 'basic-public.json') -Raw | ConvertFrom-Json
        $second = Get-Content -LiteralPath (Join-Path $DocumentsFolder 'windows-pool.json') -Raw | ConvertFrom-Json
        $written = @($first, $second | Get-AksEgressRule -Offline 3>&1)
        $order = foreach ($item in $written) {
            if ($item -is [System.Management.Automation.WarningRecord]) {
                if ($item.Message -match "^Cluster '([^']+)'") { "warning $($Matches[1])" } else { 'note' }
            }
            else { "rule $($item.ClusterName)" }
        }
        $runs = @($order | ForEach-Object -Begin { $last = $null } -Process { if ($_ -ne $last) { $_ }; $last = $_ })
        $runs -join ', ' | Should -BeExactly "warning $($first.name), rule $($first.name), warning $($second.name), rule $($second.name), note"
    }

    It 'stops promptly when the pipeline is stopped, and writes nothing after' {
        $json = Get-Content -LiteralPath (Join-Path $DocumentsFolder 'basic-public.json') -Raw
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript({
                    param($ManifestPath, $Json)
                    Import-Module -Name $ManifestPath
                    $cluster = $Json | ConvertFrom-Json
                    @($cluster) * 100000 | Get-AksEgressRule -Offline -WarningAction SilentlyContinue
                }).AddArgument($ManifestPath).AddArgument($json)
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $null = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            while ($output.Count -lt 500 -and $clock.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 20 }
            $output.Count | Should -BeGreaterOrEqual 500

            $clock.Restart()
            $shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $written = $output.Count
            Start-Sleep -Milliseconds 200
            $output.Count | Should -Be $written
            $written | Should -BeLessThan 2000000
        }
        finally {
            $shell.Dispose()
        }
    }
}
