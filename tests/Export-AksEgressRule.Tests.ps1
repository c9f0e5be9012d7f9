# Pester 5 tests for Export-AksEgressRule, run against the module that ./build.ps1 assembles in out/.
# Run them with: ./build.ps1 -Task Test

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')

    $Rules = @(Get-AksEgressRule -Location koreacentral -Feature Monitoring -WarningAction SilentlyContinue)

    # The properties that make a rule; a round trip must give every one of them back.
    $RuleProperties = @('RuleId', 'Edition', 'Cloud', 'Location', 'ClusterName', 'ClusterId', 'Feature', 'Kind',
        'Destination', 'DestinationType', 'Protocol', 'Port', 'Requirement', 'Condition', 'Alternatives',
        'Purpose', 'PurposeKo', 'DestinationTemplate', 'Source')

    function ConvertTo-RuleText {
        param([object[]]$Rule)
        foreach ($r in $Rule) {
            ($RuleProperties | ForEach-Object { '{0}={1}' -f $_, [string]$r.$_ }) -join '|'
        }
    }
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'Export-AksEgressRule to the pipeline' {
    It 'returns the whole export as one string' {
        $text = $Rules | Export-AksEgressRule -Format Terraform -WarningAction SilentlyContinue
        @($text).Count | Should -Be 1
        $text | Should -BeOfType [string]
        $text | Should -Match 'azurerm_firewall_policy_rule_collection_group'
    }

    It 'warns once that FQDN network rules need DNS proxy' {
        $null = $Rules | Export-AksEgressRule -Format AzureFirewallArm -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -like '*DNS proxy*' }).Count | Should -Be 1
    }

    It 'writes an ARM template that ConvertFrom-Json reads' {
        $template = $Rules | Export-AksEgressRule -Format AzureFirewallArm -SourceAddress 10.240.0.0/16 -WarningAction SilentlyContinue | ConvertFrom-Json
        $template.resources[0].type | Should -Be 'Microsoft.Network/firewallPolicies/ruleCollectionGroups'
    }
}

Describe 'Export-AksEgressRule round trips' {
    It 'gives back the same rules through Export-AksEgressRule -Format Csv and Import-Csv' {
        $path = Join-Path $TestDrive 'rules.csv'
        $Rules | Export-AksEgressRule -Format Csv -Path $path -WarningAction SilentlyContinue
        $again = Import-Csv -LiteralPath $path | Export-AksEgressRule -Format Json -WarningAction SilentlyContinue | ConvertFrom-Json
        (ConvertTo-RuleText $again) | Should -Be (ConvertTo-RuleText $Rules)
    }

    It 'gives back the same rules through -Format Json and ConvertFrom-Json' {
        $json = $Rules | Export-AksEgressRule -Format Json -WarningAction SilentlyContinue
        $again = $json | ConvertFrom-Json | Export-AksEgressRule -Format Json -WarningAction SilentlyContinue
        $again | Should -Be $json
    }

    It 'reports an object that is not a rule as a non-terminating error and exports the rest' {
        $bad = [pscustomobject]@{ Name = 'not a rule' }
        $text = @($Rules[0], $bad, $Rules[1]) | Export-AksEgressRule -Format Json -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRuleRecord*'
        @($text | ConvertFrom-Json).Count | Should -Be 2
    }
}

Describe 'Export-AksEgressRule to a file' {
    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.tf'
        $Rules | Export-AksEgressRule -Format Terraform -Path $path -WhatIf -WarningAction SilentlyContinue
        Test-Path -LiteralPath $path | Should -BeFalse
    }

    It 'refuses to overwrite an existing file with -NoClobber and leaves it as it was' {
        $path = Join-Path $TestDrive 'existing.bicep'
        Set-Content -LiteralPath $path -Value 'keep me'
        $Rules | Export-AksEgressRule -Format Bicep -Path $path -NoClobber -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ExportFileExists*'
        (Get-Content -LiteralPath $path -Raw).Trim() | Should -Be 'keep me'
    }

    It 'writes the file and returns it with -PassThru' {
        $path = Join-Path $TestDrive 'rules.md'
        $file = $Rules | Export-AksEgressRule -Format Markdown -Path $path -PassThru -WarningAction SilentlyContinue
        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be (Get-Item -LiteralPath $path).FullName
        Get-Content -LiteralPath $path -Raw | Should -Match '# AKS egress rules'
    }

    It 'rejects a priority outside 100-65000 before reading the pipeline' {
        { $Rules | Export-AksEgressRule -Format Bicep -Priority 70000 } | Should -Throw
    }
}
