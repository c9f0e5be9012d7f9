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

Describe 'Export-AksEgressRule -Path and -LiteralPath follow PowerShell''s provider path rules' {
    BeforeAll {
        $Original = Get-Location
    }
    AfterEach {
        Set-Location -LiteralPath $Original
    }

    It 'refuses a path on another provider (<_>) and writes no stray file in the working folder' -ForEach @('Env:\AKSEGRESS_X', 'Variable:\aksegressX', 'Function:\aksegressX') {
        $work = Join-Path $TestDrive ('cwd-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $work
        [Environment]::CurrentDirectory = $work
        Set-Location -LiteralPath $work
        { $Rules | Export-AksEgressRule -Format Json -Path $_ -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'ExportPathNotFileSystem,AksEgress.Commands.ExportAksEgressRuleCommand'
        @(Get-ChildItem -LiteralPath $work -Force).Count | Should -Be 0
        Test-Path -LiteralPath $_ | Should -BeFalse
    }

    It 'takes -LiteralPath names with wildcard characters as they are: <_>' -ForEach @('*.json', 'match?.json', '[ab].json') {
        $path = Join-Path $TestDrive $_
        $Rules | Export-AksEgressRule -Format Json -LiteralPath $path -WarningAction SilentlyContinue
        Test-Path -LiteralPath $path -PathType Leaf | Should -BeTrue
        (Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).Count | Should -Be $Rules.Count
    }

    It 'refuses a wildcard -Path that matches no file, and says to use -LiteralPath' {
        $path = Join-Path $TestDrive 'nomatch-*.json'
        $err = { $Rules | Export-AksEgressRule -Format Json -Path $path -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'ExportPathNotFound,AksEgress.Commands.ExportAksEgressRuleCommand' -PassThru
        $err.Exception.Message | Should -BeLike '*-LiteralPath*'
        @(Get-ChildItem -LiteralPath $TestDrive -Filter 'nomatch-*').Count | Should -Be 0
        # Following the advice works.
        $Rules | Export-AksEgressRule -Format Json -LiteralPath $path -WarningAction SilentlyContinue
        Test-Path -LiteralPath $path -PathType Leaf | Should -BeTrue
    }

    It 'writes the one file a wildcard -Path matches, and refuses a wildcard that matches several' {
        $folder = Join-Path $TestDrive 'glob'
        $null = New-Item -ItemType Directory -Path $folder
        Set-Content -LiteralPath (Join-Path $folder 'fw-1.tf') -Value 'old'
        $Rules | Export-AksEgressRule -Format Terraform -Path (Join-Path $folder 'fw-?.tf') -WarningAction SilentlyContinue
        Get-Content -LiteralPath (Join-Path $folder 'fw-1.tf') -Raw | Should -Match 'azurerm_firewall_policy_rule_collection_group'
        Set-Content -LiteralPath (Join-Path $folder 'fw-2.tf') -Value 'old'
        { $Rules | Export-AksEgressRule -Format Terraform -Path (Join-Path $folder 'fw-?.tf') -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'ExportPathAmbiguous,AksEgress.Commands.ExportAksEgressRuleCommand'
    }

    It 'refuses a named pipe at once instead of waiting for a reader' -Skip:($IsWindows) {
        $fifo = Join-Path $TestDrive 'export.fifo'
        & mkfifo $fifo
        $LASTEXITCODE | Should -Be 0
        $job = Start-ThreadJob -ScriptBlock {
            param($manifest, $fifo)
            Import-Module $manifest
            Get-AksEgressRule -Location eastus -WarningAction SilentlyContinue |
                Export-AksEgressRule -Format Json -Path $fifo -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            @($errors | ForEach-Object { $_.FullyQualifiedErrorId })
        } -ArgumentList $ManifestPath, $fifo
        $finished = Wait-Job -Job $job -Timeout 30
        $finished | Should -Not -BeNullOrEmpty -Because 'opening a FIFO to write would block until a reader comes'
        $ids = @(Receive-Job -Job $job)
        Remove-Job -Job $job -Force
        $ids | Should -Contain 'ExportPathIsPipe,AksEgress.Commands.ExportAksEgressRuleCommand'
    }

    It 'refuses a folder' {
        $Rules | Export-AksEgressRule -Format Json -LiteralPath $TestDrive -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -Be 'ExportPathIsFolder,AksEgress.Commands.ExportAksEgressRuleCommand'
    }

    It 'keeps the file as it was when every piped object was refused' {
        $path = Join-Path $TestDrive 'keep.json'
        Set-Content -LiteralPath $path -Value 'previous export'
        [pscustomobject]@{ Name = 'not a rule' }, 'also not a rule' |
            Export-AksEgressRule -Format Json -Path $path -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        (Get-Content -LiteralPath $path -Raw).Trim() | Should -Be 'previous export'
        @($errors | ForEach-Object { $_.FullyQualifiedErrorId }) | Should -Contain 'ExportNothingToWrite,AksEgress.Commands.ExportAksEgressRuleCommand'
    }
}

Describe 'Export-AksEgressRule firewall files deploy as they are' {
    It 'chooses the FQDN network rule by a DNS proxy input that defaults to false, or to true with -DnsProxyEnabled' {
        $template = $Rules | Export-AksEgressRule -Format AzureFirewallArm -WarningVariable warnings -WarningAction SilentlyContinue | ConvertFrom-Json
        $template.parameters.dnsProxyEnabled.type | Should -Be 'bool'
        $template.parameters.dnsProxyEnabled.defaultValue | Should -BeFalse
        $ntp = $template.resources[0].properties.ruleCollections.rules | Where-Object name -eq 'udp-123-ntp.ubuntu.com'
        $ntp.destinationAddresses | Should -Be "[if(parameters('dnsProxyEnabled'), createArray(), createArray('*'))]"
        $warning = @($warnings | Where-Object { "$_" -like '*DNS proxy*' })
        $warning.Count | Should -Be 1
        "$($warning[0])" | Should -BeLike '*deploys on any policy*defaults to false*-DnsProxyEnabled*'

        $on = $Rules | Export-AksEgressRule -Format AzureFirewallArm -DnsProxyEnabled -WarningAction SilentlyContinue | ConvertFrom-Json
        $on.parameters.dnsProxyEnabled.defaultValue | Should -BeTrue
        $tf = $Rules | Export-AksEgressRule -Format Terraform -DnsProxyEnabled -WarningAction SilentlyContinue
        $tf | Should -Match '(?m)^\s+default\s+= true$'
        $sh = $Rules | Export-AksEgressRule -Format AzCli -WarningAction SilentlyContinue
        $sh | Should -Match ([regex]::Escape('DNS_PROXY_ENABLED="${DNS_PROXY_ENABLED:-false}"'))
    }

    It 'writes a Terraform file that names its provider and versions' {
        $tf = $Rules | Export-AksEgressRule -Format Terraform -WarningAction SilentlyContinue
        $tf | Should -Match 'required_providers \{'
        $tf | Should -Match 'source\s+= "hashicorp/azurerm"'
        $tf | Should -Match 'version\s+= ">= 3\.75\.0, < 5\.0\.0"'
        $tf | Should -Match 'provider "azurerm" \{'
        $tf | Should -Match 'features \{\}'
    }

    It 'writes an az script that checks its azure-firewall extension before any change' {
        $sh = $Rules | Export-AksEgressRule -Format AzCli -WarningAction SilentlyContinue
        $check = $sh.IndexOf('az extension show --name azure-firewall --query version --output tsv')
        $check | Should -BeGreaterThan 0
        $check | Should -BeLessThan $sh.IndexOf('az network firewall policy')
        $sh | Should -Match 'azure-firewall extension 0\.12\.0 or later'
    }

    It 'reports a rule Azure Firewall refuses, by name, and exports the rest: <Path>' -ForEach @(
        @{ Path = 'object' }, @{ Path = 'csv' }, @{ Path = 'json' }
    ) {
        $high = ($Rules | Where-Object Kind -eq Application | Select-Object -First 1).Copy()
        $high.Destination = 'high.example.com'
        $high.DestinationTemplate = 'high.example.com'
        $high.Port = 64500
        $piped = switch ($Path) {
            'object' { @($high) + $Rules }
            'csv' { @($high) + $Rules | Export-AksEgressRule -Format Csv -WarningAction SilentlyContinue | ConvertFrom-Csv }
            'json' { @($high) + $Rules | Export-AksEgressRule -Format Json -WarningAction SilentlyContinue | ConvertFrom-Json }
        }
        $text = $piped | Export-AksEgressRule -Format Terraform -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ApplicationRulePortOutOfRange,*'
        $errors[0].Exception.Message | Should -BeLike '*(high.example.com HTTPS/64500)*ports 1 to 64000*'
        $text | Should -Not -Match 'high\.example\.com'
        $text | Should -Match 'mcr\.microsoft\.com'
    }

    It 'refuses a collection group name azurerm cannot take' {
        { $Rules | Export-AksEgressRule -Format Terraform -CollectionGroupName a } |
            Should -Throw -ErrorId 'InvalidCollectionGroupName,AksEgress.Commands.ExportAksEgressRuleCommand'
    }

    It 'gives placeholders whose names read alike one input each' {
        $placeholders = 'My-Dns', 'My_Dns' | ForEach-Object {
            [pscustomobject]@{ Kind = 'Network'; Destination = $_; DestinationType = 'Placeholder'; Protocol = 'UDP'; Port = 53 }
        }
        $tf = $placeholders | Export-AksEgressRule -Format Terraform -WarningAction SilentlyContinue
        ([regex]::Matches($tf, 'variable "destination_my_dns"')).Count | Should -Be 1
        ([regex]::Matches($tf, 'variable "destination_my_dns_2"')).Count | Should -Be 1
        $sh = $placeholders | Export-AksEgressRule -Format AzCli -WarningAction SilentlyContinue
        $sh | Should -Match 'DESTINATION_MY_DNS_2='
    }

    It 'writes the managed disks rule, whose wildcard Azure Firewall cannot match, as a network rule to the Storage tag' {
        $all = Get-AksEgressRule -Location eastus -Requirement Required, Recommended, Optional -WarningAction SilentlyContinue
        $template = $all | Export-AksEgressRule -Format AzureFirewallArm -WarningVariable warnings -WarningAction SilentlyContinue | ConvertFrom-Json
        $rules = $template.resources[0].properties.ruleCollections.rules
        @($rules | Where-Object { $_.targetFqdns -contains 'md-*.blob.storage.azure.net' }).Count | Should -Be 0
        $storage = @($rules | Where-Object { $_.destinationAddresses -contains 'Storage.eastus' })
        $storage.Count | Should -Be 1
        $storage[0].description | Should -BeLike '*in place of the application rule md-`*.blob.storage.azure.net HTTPS/443*'
        @($warnings | Where-Object { "$_" -like 'Rule core-managed-disks*cannot be an application rule*Storage.eastus*' }).Count | Should -Be 1
    }
}
