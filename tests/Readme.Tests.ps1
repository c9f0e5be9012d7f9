# Pester 5: every example in README.md's PowerShell blocks (after "Start here", whose lines are what CI itself runs)
# is run as written, in README order, by tests/Support/Invoke-ReadmeExamples.ps1 in a child pwsh inside a network
# namespace of its own (unshare -n, Linux, as root as CI runs): Get-AzAksCluster, az and Search-AzGraph are stood in
# for with real documents, and the examples that need Azure end at sign-in, which is asserted here by ErrorId.
# Run them with: ./build.ps1 -Task Test

BeforeDiscovery {
    $CanRun = $IsLinux -and (Get-Command -Name unshare -CommandType Application -ErrorAction SilentlyContinue)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1') -PathOnly
}

Describe 'README examples, run as written' -Skip:(-not $CanRun) {
    BeforeAll {
        $repoRoot = Split-Path -Parent $PSScriptRoot
        $work = Join-Path $TestDrive 'readme'
        $null = New-Item -ItemType Directory -Path $work
        $output = @(& unshare -n (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Support/Invoke-ReadmeExamples.ps1') `
                -ManifestPath $ManifestPath -ReadmePath (Join-Path $repoRoot 'README.md') -RealDocuments (Join-Path $PSScriptRoot 'RealDocuments') -WorkFolder $work 2>&1)
        $Raw = $output -join [Environment]::NewLine
        $lines = @($output | ForEach-Object { [string]$_ } | Where-Object { $_.StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
        $Statements = @($lines | Where-Object { $null -ne $_.PSObject.Properties['Text'] })
        $Files = @{}
        foreach ($entry in @($lines | Where-Object { $null -ne $_.PSObject.Properties['Files'] }).Files) {
            $name, $length = $entry -split '=', 2
            $Files[$name] = [long]$length
        }

        # What an example that needs Azure ends with on a machine with no Azure: the sign-in step, by ErrorId.
        function Get-Expected([string]$Text) {
            if ($Text -match '-ResourceGroupName rg1 -Name aks1' -and $Text -notmatch '-SubscriptionId') { return @{ Terminating = 'SubscriptionIdRequired' } }
            if ($Text -match '-ResourceGroupName|-ResourceId') { return @{ ErrorId = 'ClusterReadCredentialUnavailable' } }
            if ($Text -match '-All\b') { return @{ ErrorId = 'FleetQueryCredentialUnavailable' } }
            # Nothing is reachable in the namespace, so the rules are not open, and the example says so as written.
            if ($Text -match "throw 'egress is not open'") { return @{ Terminating = 'egress is not open' } }
            return @{}
        }
    }

    It 'ran every example block' {
        $Raw | Should -Not -BeLike '*ParseError*'
        @($Statements.Block | Sort-Object -Unique).Count | Should -Be 5 -Because $Raw
        $Statements.Count | Should -BeGreaterOrEqual 20
    }

    It 'runs each offline example without an error, with output or a file, within seconds' {
        $wrong = foreach ($statement in $Statements) {
            $expected = Get-Expected $statement.Text
            if ($expected.Count -gt 0) { continue }
            if ($statement.Terminating -or @($statement.ErrorIds).Count -gt 0 -or $statement.Seconds -gt 30) {
                '{0} => {1} {2} {3}' -f $statement.Text, $statement.Terminating, (@($statement.ErrorIds) -join ','), (@($statement.Messages) -join ' | ')
            }
            elseif ($statement.Output -eq 0 -and $statement.Text -notmatch '-Path|Export-Csv') {
                "$($statement.Text) => no output"
            }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'writes the files the examples name, none of them empty' {
        foreach ($name in 'rules.csv', 'aks-egress.tf', 'fw.json', 'review.md') {
            $Files[$name] | Should -BeGreaterThan 0 -Because "$name is written by a README example"
        }
    }

    It 'ends each example that needs Azure at sign-in, with the ErrorId a user can look up' {
        $live = @($Statements | Where-Object { (Get-Expected $_.Text).Count -gt 0 })
        $live.Count | Should -BeGreaterOrEqual 8
        foreach ($statement in $live) {
            $expected = Get-Expected $statement.Text
            if ($expected.Terminating) { $statement.Terminating | Should -BeLike "$($expected.Terminating)*" -Because $statement.Text }
            else {
                $statement.Terminating | Should -BeNullOrEmpty -Because $statement.Text
                @($statement.ErrorIds | Sort-Object -Unique) | Should -Be @($expected.ErrorId) -Because $statement.Text
            }
        }
    }

    It 'gives advice that works: after SubscriptionIdRequired, the same example with -SubscriptionId goes on to sign-in' {
        $without = @($Statements | Where-Object Text -EQ 'Get-AksEgressRule -ResourceGroupName rg1 -Name aks1')[0]
        $without.Terminating | Should -BeLike '*Pass -SubscriptionId*'
        $with = @($Statements | Where-Object Text -Like 'Get-AksEgressRule -ResourceGroupName rg1 -Name aks1 -SubscriptionId *')[0]
        @($with.ErrorIds) | Should -Be @('ClusterReadCredentialUnavailable')
    }

    It 'never shows an internal type or enum name in a message' {
        $messages = @($Statements | ForEach-Object { @($_.Messages) + $_.Terminating })
        foreach ($name in 'AzAksObject', 'AzCliOutput', 'ArmJson', 'ResourceGraphRow', 'AksEgress.Errors', 'System.') {
            @($messages | Where-Object { $_ -like "*$name*" }) | Should -BeNullOrEmpty
        }
    }
}
