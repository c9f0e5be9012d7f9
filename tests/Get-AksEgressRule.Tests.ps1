# Pester 5 tests for Get-AksEgressRule, run against the module that ./build.ps1 assembles in out/.
# Run them with: ./build.ps1 -Task Test

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')

    # Rules with this destination (and protocol/port when given). Callers wrap the call in @() to count.
    function Find-Rule {
        param(
            [object[]]$Rule,
            [string]$Destination,
            [string]$Protocol = '',
            [int]$Port = 0
        )
        $Rule | Where-Object {
            ($_.Destination -eq $Destination) -and
            ($Protocol -eq '' -or [string]$_.Protocol -eq $Protocol) -and
            ($Port -eq 0 -or $_.Port -eq $Port)
        }
    }

    # Rules with this protocol and port. Callers wrap the call in @() to count.
    function Find-PortRule {
        param(
            [object[]]$Rule,
            [string]$Protocol,
            [int]$Port
        )
        $Rule | Where-Object { [string]$_.Protocol -eq $Protocol -and $_.Port -eq $Port }
    }

    # Text as it would appear on screen, without ANSI colour codes (PowerShell 7.2+ may add them).
    function ConvertTo-PlainText {
        param([string]$Text)
        $Text -replace "$([char]27)\[[0-9;]*[A-Za-z]", ''
    }
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'The AksEgress module' {
    It 'is imported from the built out/ folder' {
        $command = Get-Command -Name Get-AksEgressRule -ErrorAction Stop
        $command.Module.Name | Should -Be 'AksEgress'
        (Resolve-Path -LiteralPath $command.Module.ModuleBase).ProviderPath | Should -Be $ModuleBase
        $command.CommandType.ToString() | Should -Be 'Cmdlet'
    }

    It 'has version 0.1.0 and exports exactly the manifest cmdlets' {
        $Module.Version.ToString() | Should -Be '0.1.0'
        (@($Module.ExportedCommands.Keys | Sort-Object) -join ',') | Should -Be 'Export-AksEgressRule,Get-AksEgressRule,Test-AksEgress'
        (@($Module.ExportedCmdlets.Keys | Sort-Object) -join ',') | Should -Be 'Export-AksEgressRule,Get-AksEgressRule,Test-AksEgress'
    }

    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path (Join-Path $ModuleBase 'AksEgress.psd1') -ErrorAction Stop
        $info.Version.ToString() | Should -Be '0.1.0'
    }
}

Describe 'Get-AksEgressRule -Location koreacentral (public cloud defaults)' {
    BeforeAll {
        $Rules = @(Get-AksEgressRule -Location koreacentral -WarningAction SilentlyContinue)
    }

    It 'returns AksEgress.AksEgressRule objects' {
        $Rules.Count | Should -BeGreaterThan 0
        foreach ($rule in $Rules) {
            $rule.GetType().FullName | Should -Be 'AksEgress.AksEgressRule'
        }
    }

    It 'accepts the location by position' {
        $positional = @(Get-AksEgressRule koreacentral -WarningAction SilentlyContinue)
        $positional.Count | Should -Be $Rules.Count
    }

    It 'always includes Core rules' {
        @($Rules | Where-Object { [string]$_.Feature -eq 'Core' }).Count | Should -BeGreaterThan 0
        $withFeature = @(Get-AksEgressRule -Location koreacentral -Feature Monitoring -WarningAction SilentlyContinue)
        @($withFeature | Where-Object { [string]$_.Feature -eq 'Core' }).Count | Should -BeGreaterThan 0
    }

    It 'fills the location into the current edition rows' {
        foreach ($rule in $Rules) {
            [string]$rule.Edition | Should -Be 'Current'
            [string]$rule.Cloud | Should -Be 'AzureCloud'
            $rule.Location | Should -Be 'koreacentral'
        }
    }

    It 'contains *.hcp.koreacentral.azmk8s.io over HTTPS 443' {
        $hcp = @(Find-Rule -Rule $Rules -Destination '*.hcp.koreacentral.azmk8s.io')
        $hcp.Count | Should -Be 1
        [string]$hcp[0].Protocol | Should -Be 'HTTPS'
        $hcp[0].Port | Should -Be 443
        [string]$hcp[0].Kind | Should -Be 'Application'
        [string]$hcp[0].DestinationType | Should -Be 'WildcardFqdn'
    }

    It 'contains mcr.microsoft.com' {
        @(Find-Rule -Rule $Rules -Destination 'mcr.microsoft.com' -Protocol 'HTTPS' -Port 443).Count | Should -Be 1
    }

    It 'keeps the APIServerPublicIP TCP 443 rule as a placeholder' {
        $apiServer = @(Find-Rule -Rule $Rules -Destination 'APIServerPublicIP' -Protocol 'TCP' -Port 443)
        $apiServer.Count | Should -Be 1
        [string]$apiServer[0].DestinationType | Should -Be 'Placeholder'
    }

    It 'has no tunnel rules (UDP 1194, TCP 9000) without -LegacyTunnel' {
        @(Find-PortRule -Rule $Rules -Protocol 'UDP' -Port 1194).Count | Should -Be 0
        @(Find-PortRule -Rule $Rules -Protocol 'TCP' -Port 9000).Count | Should -Be 0
    }

    It 'adds the tunnel rules with -LegacyTunnel' {
        $tunnel = @(Get-AksEgressRule -Location koreacentral -LegacyTunnel -WarningAction SilentlyContinue)
        @(Find-PortRule -Rule $tunnel -Protocol 'UDP' -Port 1194).Count | Should -BeGreaterThan 0
        @(Find-PortRule -Rule $tunnel -Protocol 'TCP' -Port 9000).Count | Should -BeGreaterThan 0
    }

    It 'includes Recommended Ubuntu update rules by default (OsSku Ubuntu)' {
        $ubuntu = @(Find-Rule -Rule $Rules -Destination 'security.ubuntu.com' -Protocol 'HTTP' -Port 80)
        $ubuntu.Count | Should -Be 1
        [string]$ubuntu[0].Requirement | Should -Be 'Recommended'
    }

    It 'leaves the Ubuntu update rules out with -OsSku AzureLinux' {
        $azureLinux = @(Get-AksEgressRule -Location koreacentral -OsSku AzureLinux -WarningAction SilentlyContinue)
        $azureLinux.Count | Should -BeGreaterThan 0
        @(Find-Rule -Rule $azureLinux -Destination 'security.ubuntu.com').Count | Should -Be 0
    }

    It 'leaves Recommended rules out with -Requirement Required' {
        $required = @(Get-AksEgressRule -Location koreacentral -Requirement Required -WarningAction SilentlyContinue)
        $required.Count | Should -BeGreaterThan 0
        @(Find-Rule -Rule $required -Destination 'security.ubuntu.com').Count | Should -Be 0
        foreach ($rule in $required) {
            [string]$rule.Requirement | Should -Be 'Required'
        }
    }

    It 'returns no Legacy2020 rows without -IncludeLegacy' {
        @($Rules | Where-Object { [string]$_.Edition -eq 'Legacy2020' }).Count | Should -Be 0
    }
}

Describe 'Placeholders and the warning about them' {
    It 'writes a warning naming APIServerPublicIP and -ApiServerAddress when the placeholder stays' {
        $warnings = $null
        $rules = @(Get-AksEgressRule -Location koreacentral -WarningVariable warnings -WarningAction SilentlyContinue)
        $rules.Count | Should -BeGreaterThan 0
        @($warnings).Count | Should -BeGreaterThan 0
        $text = (@($warnings) | ForEach-Object { $_.Message }) -join [Environment]::NewLine
        $text | Should -Match 'APIServerPublicIP'
        $text | Should -Match '-ApiServerAddress'
        @($rules | Where-Object { [string]$_.DestinationType -eq 'Placeholder' }).Count | Should -BeGreaterThan 0
    }

    It 'fills the placeholders from -ApiServerAddress and -CustomDnsServer and then does not warn about them' {
        $warnings = $null
        $rules = @(Get-AksEgressRule -Location koreacentral -ApiServerAddress 20.30.40.50 -CustomDnsServer 10.0.0.4 -WarningVariable warnings -WarningAction SilentlyContinue)
        @($rules | Where-Object { [string]$_.DestinationType -eq 'Placeholder' }).Count | Should -Be 0
        $apiServer = @(Find-Rule -Rule $rules -Destination '20.30.40.50' -Protocol 'TCP' -Port 443)
        $apiServer.Count | Should -Be 1
        [string]$apiServer[0].DestinationType | Should -Be 'IpAddress'
        $text = (@($warnings) | ForEach-Object { $_.Message }) -join [Environment]::NewLine
        $text | Should -Not -Match 'APIServerPublicIP'
        $text | Should -Not -Match 'CustomDnsIP'
    }
}

Describe 'Get-AksEgressRule -Location koreacentral -Feature Monitoring,KeyVaultSecretsProvider -PrivateCluster' {
    BeforeAll {
        $Rules = @(Get-AksEgressRule -Location koreacentral -Feature Monitoring,KeyVaultSecretsProvider -PrivateCluster -WarningAction SilentlyContinue)
    }

    It 'adds dc.services.visualstudio.com for Monitoring' {
        $dc = @(Find-Rule -Rule $Rules -Destination 'dc.services.visualstudio.com')
        $dc.Count | Should -Be 1
        [string]$dc[0].Feature | Should -Be 'Monitoring'
    }

    It 'adds the AzureMonitor service tag over TCP 443 for Monitoring' {
        $tag = @(Find-Rule -Rule $Rules -Destination 'AzureMonitor' -Protocol 'TCP' -Port 443)
        $tag.Count | Should -Be 1
        [string]$tag[0].DestinationType | Should -Be 'ServiceTag'
        [string]$tag[0].Kind | Should -Be 'Network'
    }

    It 'adds vault.azure.net for KeyVaultSecretsProvider' {
        $vault = @(Find-Rule -Rule $Rules -Destination 'vault.azure.net')
        $vault.Count | Should -Be 1
        [string]$vault[0].Feature | Should -Be 'KeyVaultSecretsProvider'
    }

    It 'still includes Core rules such as mcr.microsoft.com' {
        @(Find-Rule -Rule $Rules -Destination 'mcr.microsoft.com').Count | Should -Be 1
    }

    It 'drops the *.hcp wildcard, the APIServerPublicIP rule and the tunnel rules for a private cluster' {
        @(Find-Rule -Rule $Rules -Destination '*.hcp.koreacentral.azmk8s.io').Count | Should -Be 0
        @(Find-Rule -Rule $Rules -Destination 'APIServerPublicIP').Count | Should -Be 0
        @(Find-PortRule -Rule $Rules -Protocol 'UDP' -Port 1194).Count | Should -Be 0
        @(Find-PortRule -Rule $Rules -Protocol 'TCP' -Port 9000).Count | Should -Be 0
    }

    It 'drops the tunnel rules for a private cluster even with -LegacyTunnel' {
        $rules = @(Get-AksEgressRule -Location koreacentral -PrivateCluster -LegacyTunnel -WarningAction SilentlyContinue)
        @(Find-PortRule -Rule $rules -Protocol 'UDP' -Port 1194).Count | Should -Be 0
        @(Find-PortRule -Rule $rules -Protocol 'TCP' -Port 9000).Count | Should -Be 0
    }
}

Describe 'Get-AksEgressRule -ApiServerFqdn' {
    It 'replaces the *.hcp wildcard with the cluster API server host' {
        $rules = @(Get-AksEgressRule -Location koreacentral -ApiServerFqdn 'aks1-abc.hcp.koreacentral.azmk8s.io' -WarningAction SilentlyContinue)
        $host1 = @(Find-Rule -Rule $rules -Destination 'aks1-abc.hcp.koreacentral.azmk8s.io' -Protocol 'HTTPS' -Port 443)
        $host1.Count | Should -Be 1
        [string]$host1[0].DestinationType | Should -Be 'Fqdn'
        @(Find-Rule -Rule $rules -Destination '*.hcp.koreacentral.azmk8s.io').Count | Should -Be 0
    }
}

Describe 'Get-AksEgressRule -CustomDnsServer' {
    It 'gives one UDP 53 rule per DNS server with the IP as destination' {
        $rules = @(Get-AksEgressRule -Location koreacentral -CustomDnsServer 10.0.0.4, 10.0.0.5 -WarningAction SilentlyContinue)
        $dns = @(Find-PortRule -Rule $rules -Protocol 'UDP' -Port 53)
        $dns.Count | Should -Be 2
        (@($dns | ForEach-Object { $_.Destination } | Sort-Object) -join ',') | Should -Be '10.0.0.4,10.0.0.5'
        foreach ($rule in $dns) {
            [string]$rule.DestinationType | Should -Be 'IpAddress'
            [string]$rule.Kind | Should -Be 'Network'
        }
        @(Find-Rule -Rule $rules -Destination 'CustomDnsIP').Count | Should -Be 0
    }
}

Describe 'Sovereign clouds' {
    It 'uses the China API server domain for -Cloud AzureChinaCloud -Location chinaeast2' {
        $rules = @(Get-AksEgressRule -Cloud AzureChinaCloud -Location chinaeast2 -WarningAction SilentlyContinue)
        @(Find-Rule -Rule $rules -Destination '*.hcp.chinaeast2.cx.prod.service.azk8s.cn' -Protocol 'HTTPS' -Port 443).Count | Should -Be 1
        @(Find-Rule -Rule $rules -Destination '*.hcp.chinaeast2.azmk8s.io').Count | Should -Be 0
        foreach ($rule in $rules) {
            [string]$rule.Cloud | Should -Be 'AzureChinaCloud'
        }
    }

    It 'uses the US Government API server domain for -Cloud AzureUSGovernment -Location usgovvirginia' {
        $rules = @(Get-AksEgressRule -Cloud AzureUSGovernment -Location usgovvirginia -WarningAction SilentlyContinue)
        @(Find-Rule -Rule $rules -Destination '*.hcp.usgovvirginia.cx.aks.containerservice.azure.us' -Protocol 'HTTPS' -Port 443).Count | Should -Be 1
        foreach ($rule in $rules) {
            [string]$rule.Cloud | Should -Be 'AzureUSGovernment'
        }
    }
}

Describe 'Get-AksEgressRule -IncludeLegacy' {
    It 'adds the 2020 edition rows, marked Legacy2020' {
        $rules = @(Get-AksEgressRule -Location koreacentral -Feature WindowsNodePool -IncludeLegacy -WarningAction SilentlyContinue)
        $cdn = @(Find-Rule -Rule $rules -Destination '*.cdn.mscr.io')
        $cdn.Count | Should -BeGreaterThan 0
        [string]$cdn[0].Edition | Should -Be 'Legacy2020'
        $kms = @(Find-Rule -Rule $rules -Destination 'kms.core.windows.net' -Protocol 'TCP' -Port 1688)
        $kms.Count | Should -Be 1
        [string]$kms[0].Edition | Should -Be 'Legacy2020'
        @($rules | Where-Object { [string]$_.Edition -eq 'Current' }).Count | Should -BeGreaterThan 0
    }

    It 'returns no Legacy2020 rows for the same command without -IncludeLegacy' {
        $rules = @(Get-AksEgressRule -Location koreacentral -Feature WindowsNodePool -WarningAction SilentlyContinue)
        @($rules | Where-Object { [string]$_.Edition -eq 'Legacy2020' }).Count | Should -Be 0
        @(Find-Rule -Rule $rules -Destination '*.cdn.mscr.io').Count | Should -Be 0
        @(Find-Rule -Rule $rules -Destination 'kms.core.windows.net').Count | Should -Be 0
    }
}

Describe 'An unknown -Location' {
    It 'is a terminating error with ErrorId UnknownLocation that suggests close names' {
        $caught = $null
        try {
            $null = Get-AksEgressRule -Location koreacentrl -ErrorAction Stop
        }
        catch {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        ($caught.FullyQualifiedErrorId -like 'UnknownLocation*') | Should -BeTrue
        $caught.Exception.Message | Should -Match 'koreacentral'
    }

    It 'stops the command without -ErrorAction Stop (terminating, not a per-object error)' {
        { Get-AksEgressRule -Location nowhere-at-all } | Should -Throw
    }

    It 'points to -Cloud when the region belongs to another cloud' {
        $caught = $null
        try {
            $null = Get-AksEgressRule -Location chinaeast2 -ErrorAction Stop
        }
        catch {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        ($caught.FullyQualifiedErrorId -like 'UnknownLocation*') | Should -BeTrue
        $caught.Exception.Message | Should -Match 'AzureChinaCloud'
    }
}

Describe 'CSV export' {
    BeforeAll {
        $Rules = @(Get-AksEgressRule -Location koreacentral -Feature Monitoring, KeyVaultSecretsProvider -CustomDnsServer 10.0.0.4, 10.0.0.5 -IncludeLegacy -WarningAction SilentlyContinue)
        $Csv = @($Rules | ConvertTo-Csv -NoTypeInformation)
        $Rows = @($Csv | ConvertFrom-Csv)
    }

    It 'has one row per rule' {
        $Rows.Count | Should -Be $Rules.Count
    }

    It 'has a column for every rule property' {
        $columns = @($Rows[0].PSObject.Properties | ForEach-Object { $_.Name })
        $expected = @('RuleId', 'Edition', 'Cloud', 'Location', 'ClusterName', 'ClusterId', 'Feature', 'Kind',
            'Destination', 'DestinationType', 'Protocol', 'Port', 'Requirement', 'Condition', 'Alternatives',
            'Purpose', 'PurposeKo', 'DestinationTemplate', 'Source')
        foreach ($name in $expected) {
            $columns | Should -Contain $name
        }
    }

    It 'has one scalar per cell (no type names, no arrays)' {
        $bad = @(foreach ($row in $Rows) {
                foreach ($property in $row.PSObject.Properties) {
                    $cell = [string]$property.Value
                    if ($cell -cmatch '\bSystem\.[A-Z]' -or $cell.Contains('[]')) {
                        '{0}.{1} = {2}' -f $row.RuleId, $property.Name, $cell
                    }
                }
            })
        ($bad -join [Environment]::NewLine) | Should -BeNullOrEmpty
    }

    It 'writes enum values by name and ports as numbers' {
        $dns = @($Rows | Where-Object { $_.Destination -eq '10.0.0.4' })
        $dns.Count | Should -Be 1
        $dns[0].Protocol | Should -Be 'UDP'
        $dns[0].Port | Should -Be '53'
        $dns[0].DestinationType | Should -Be 'IpAddress'
        $dns[0].Kind | Should -Be 'Network'
    }
}

Describe 'Default display' {
    BeforeAll {
        $Rules = @(Get-AksEgressRule -Location koreacentral -WarningAction SilentlyContinue)
    }

    It 'shows the table columns Feature, Kind, Protocol, Port, Requirement, Destination with Format-Table' {
        $text = ConvertTo-PlainText ($Rules | Format-Table | Out-String -Width 250)
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() -ne '' })
        $lines[0] | Should -Match '^\s*Feature\s+Kind\s+Protocol\s+Port\s+Requirement\s+Destination\s*$'
        $lines[1] | Should -Match '^\s*-+\s+-+\s+-+\s+-+\s+-+\s+-+\s*$'
        $text | Should -Match ([regex]::Escape('*.hcp.koreacentral.azmk8s.io'))
    }

    It 'uses the same table when nothing is formatted explicitly' {
        $text = ConvertTo-PlainText ($Rules | Out-String -Width 250)
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() -ne '' })
        $lines[0] | Should -Match '^\s*Feature\s+Kind\s+Protocol\s+Port\s+Requirement\s+Destination\s*$'
    }

    It 'keeps every column in an 80-column console, cutting only the destination' {
        $text = ConvertTo-PlainText ($Rules | Format-Table | Out-String -Width 80)
        $lines = @($text -split '\r?\n' | Where-Object { $_.Trim() -ne '' })
        $lines[0] | Should -Match '^\s*Feature\s+Kind\s+Protocol\s+Port\s+Requirement\s+Destination\s*$'
    }

    It 'shows every property with Format-List' {
        $text = ConvertTo-PlainText ($Rules[0] | Format-List | Out-String -Width 250)
        foreach ($name in @('RuleId', 'Edition', 'Destination', 'DestinationType', 'Condition', 'Purpose', 'PurposeKo', 'DestinationTemplate', 'Source', 'Origin', 'ClusterHttpProxy', 'ClusterHttpsProxy', 'ClusterNoProxy')) {
            $text | Should -Match ('(?m)^' + $name + '\s+:')
        }
    }
}

Describe 'Tab completion' {
    It 'completes -Location with the regions of the -Cloud already given' {
        $line = 'Get-AksEgressRule -Cloud AzureChinaCloud -Location chinan'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        @($found.CompletionText) | Should -Be @('chinanorth', 'chinanorth2', 'chinanorth3')
    }

    It 'completes -Location by display name in the public cloud when -Cloud is not given' {
        $line = 'Test-AksEgress -Location korea'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        @($found.CompletionText) | Should -Be @('koreacentral', 'koreasouth')
    }

    It 'completes -Feature with a description of each feature' {
        $line = 'Get-AksEgressRule -Location eastus -Feature Work'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        @($found.CompletionText) | Should -Contain 'WorkloadIdentity'
        @($found.CompletionText) | Should -Not -Contain 'WindowsNodePool'
        ($found | Where-Object CompletionText -eq 'WorkloadIdentity').ToolTip | Should -Not -BeNullOrEmpty
    }
}
