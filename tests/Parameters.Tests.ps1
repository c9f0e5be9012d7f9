# Pester 5: every parameter of every cmdlet, given $null, an empty array or an empty string, is a validation error that
# names the parameter (issue 12, finding 15: Test-AksEgress -NoProxy $null ended with a raw ArgumentNullException).
# The calls run in a child pwsh inside a network namespace of its own (unshare -n, Linux, as root), so one that binds
# when it should not reaches nothing but its own loopback. Run them with: ./build.ps1 -Task Test

BeforeDiscovery {
    $CanSweep = $IsLinux -and (Get-Command -Name unshare -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1') -PathOnly
}

Describe 'Parameters given $null, @() or an empty string' -Skip:(-not $CanSweep) {
    BeforeAll {
        $pwsh = Join-Path $PSHOME 'pwsh'
        $sweep = Join-Path $PSScriptRoot 'Support/Invoke-NullParameterSweep.ps1'
        $output = @(& unshare -n $pwsh -NoProfile -NonInteractive -File $sweep -ManifestPath $ManifestPath -WorkFolder $TestDrive 2>&1)
        $Results = @($output | ForEach-Object { [string]$_ } | Where-Object { $_.StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
        $Raw = $output -join [Environment]::NewLine
    }

    It 'covered every cmdlet' {
        @($Results.Command | Sort-Object -Unique) | Should -Be @('Export-AksEgressRule', 'Get-AksEgressRule', 'Test-AksEgress') -Because $Raw
        $Results.Count | Should -BeGreaterThan 60
    }

    It 'never binds: each call ends in a parameter binding error' {
        $bound = @($Results | Where-Object { $_.Bound -or $_.Exception -notlike 'System.Management.Automation.ParameterBinding*Exception' })
        $bound | ForEach-Object { '{0} -{1} ({2}, set {3}): {4} {5}' -f $_.Command, $_.Parameter, $_.Case, $_.Set, $_.Exception, $_.Message } |
            Should -BeNullOrEmpty
    }

    It 'names the parameter in the message' {
        $unnamed = @($Results | Where-Object { -not $_.Bound -and $_.Message -notlike "*'$($_.Parameter)'*" })
        $unnamed | ForEach-Object { '{0} -{1} ({2}): {3}' -f $_.Command, $_.Parameter, $_.Case, $_.Message } | Should -BeNullOrEmpty
    }
}
