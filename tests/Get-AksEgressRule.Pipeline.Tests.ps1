# Pester 5 tests: clusters piped into Get-AksEgressRule, shaped as Get-AzAksCluster and az aks show give them.
# Run them with: ./build.ps1 -Task Test

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')

    # Shaped like Az.Aks Get-AzAksCluster output: PascalCase, flat, AddonProfiles a dictionary.
    $AzAksCluster = [pscustomobject]@{
        Id                     = '/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks1'
        Name                   = 'aks1'
        Location               = 'koreacentral'
        Fqdn                   = 'aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io'
        PrivateFQDN            = $null
        ApiServerAccessProfile = [pscustomobject]@{ EnablePrivateCluster = $false }
        AddonProfiles          = @{ omsagent = [pscustomobject]@{ Enabled = $true; Config = @{} } }
        AgentPoolProfiles      = @(
            [pscustomobject]@{ Name = 'system'; OsType = 'Linux'; OsSKU = 'Ubuntu'; VmSize = 'Standard_D4s_v5'; GpuInstanceProfile = $null }
            [pscustomobject]@{ Name = 'win'; OsType = 'Windows'; OsSKU = 'Windows2022'; VmSize = 'Standard_D4s_v5'; GpuInstanceProfile = $null }
        )
        NetworkProfile         = [pscustomobject]@{ OutboundType = 'userDefinedRouting' }
    }

    # Shaped like `az aks show -g rg -n aks2 | ConvertFrom-Json`: camelCase, settings under properties.
    $AzAksShow = @'
{
  "id": "/subscriptions/00000000-0000-0000-0000-000000000001/resourcegroups/rg1/providers/Microsoft.ContainerService/managedClusters/aks2",
  "name": "aks2",
  "type": "Microsoft.ContainerService/ManagedClusters",
  "location": "chinaeast2",
  "properties": {
    "fqdn": null,
    "privateFQDN": "aks2-1a2b3c4d.privatelink.chinaeast2.cx.prod.service.azk8s.cn",
    "apiServerAccessProfile": { "enablePrivateCluster": true },
    "addonProfiles": { "azureKeyvaultSecretsProvider": { "enabled": true }, "azurepolicy": { "enabled": false } },
    "agentPoolProfiles": [ { "name": "system", "osType": "Linux", "osSKU": "AzureLinux", "vmSize": "Standard_NC6s_v3" } ],
    "networkProfile": { "outboundType": "userDefinedRouting" }
  }
}
'@ | ConvertFrom-Json
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'Get-AzAksCluster objects piped into Get-AksEgressRule' {
    BeforeAll {
        # -Offline: a Get-AzAksCluster object with an Id is otherwise re-read through ARM, and these tests stay off the network.
        $Rules = @($AzAksCluster | Get-AksEgressRule -Offline -WarningVariable warnings -WarningAction SilentlyContinue)
        $Warnings = $warnings
    }

    It 'carries the cluster name and id on every rule' {
        $Rules.Count | Should -BeGreaterThan 0
        @($Rules | Where-Object { $_.ClusterName -ne 'aks1' }).Count | Should -Be 0
        @($Rules | Where-Object { $_.ClusterId -ne $AzAksCluster.Id }).Count | Should -Be 0
    }

    It 'uses the exact API server host instead of the *.hcp wildcard' {
        @($Rules | Where-Object Destination -eq 'aks1-dns-1a2b3c4d.hcp.koreacentral.azmk8s.io').Count | Should -Be 1
        @($Rules | Where-Object { $_.Destination.StartsWith('*.hcp.') }).Count | Should -Be 0
    }

    It 'detects the omsagent add-on, the Windows pool and the Ubuntu pool' {
        @($Rules | Where-Object Feature -eq 'Monitoring').Count | Should -BeGreaterThan 0
        @($Rules | Where-Object Feature -eq 'WindowsNodePool').Count | Should -BeGreaterThan 0
        @($Rules | Where-Object Feature -eq 'UbuntuUpdates').Count | Should -BeGreaterThan 0
        @($Rules | Where-Object Feature -eq 'GpuNodePool').Count | Should -Be 0
    }

    It 'warns about the features this object cannot show, and why it was not re-read' {
        @($Warnings | Where-Object { "$_" -like '*aks1*Defender*' }).Count | Should -Be 1
        @($Warnings | Where-Object { "$_" -like '*-Offline was given*' }).Count | Should -Be 1
    }

    It 'adds what the object cannot show with -Feature' {
        $withDefender = @($AzAksCluster | Get-AksEgressRule -Offline -Feature Defender -WarningAction SilentlyContinue)
        @($withDefender | Where-Object Feature -eq 'Defender').Count | Should -BeGreaterThan 0
    }
}

Describe 'az aks show output piped into Get-AksEgressRule' {
    BeforeAll {
        $Rules = @($AzAksShow | Get-AksEgressRule -WarningAction SilentlyContinue)
    }

    It 'reads cloud, region and private mode from the cluster' {
        @($Rules | Where-Object Cloud -ne 'AzureChinaCloud').Count | Should -Be 0
        @($Rules | Where-Object Location -ne 'chinaeast2').Count | Should -Be 0
        @($Rules | Where-Object { $_.Destination -like '*.hcp.*' -or $_.Destination -like '*.tun.*' }).Count | Should -Be 0
    }

    It 'detects the Key Vault CSI add-on and the GPU pool, not the disabled policy add-on, not Ubuntu updates' {
        @($Rules | Where-Object Feature -eq 'GpuNodePool').Count | Should -BeGreaterThan 0
        @($Rules | Where-Object Feature -eq 'AzurePolicy').Count | Should -Be 0
        @($Rules | Where-Object Feature -eq 'UbuntuUpdates').Count | Should -Be 0
    }
}

Describe 'A bad object in the pipeline' {
    It 'is one non-terminating error; the clusters before and after it still get their rules' {
        $storage = [pscustomobject]@{ id = '/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/z'; name = 'z'; type = 'Microsoft.Storage/storageAccounts'; location = 'eastus' }
        $rules = @($AzAksCluster, $storage, $AzAksShow | Get-AksEgressRule -Offline -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NotAnAksCluster*'
        $errors[0].TargetObject | Should -Be $storage.id
        @($rules.ClusterName | Sort-Object -Unique) -join ',' | Should -Be 'aks1,aks2'
    }
}

Describe 'az aks show output says once that it cannot show cluster extensions' {
    It 'writes one warning for the whole pipeline, none with -Feature ClusterExtensions' {
        $null = @($AzAksShow, $AzAksShow | Get-AksEgressRule -WarningVariable warned -WarningAction SilentlyContinue)
        @($warned | Where-Object { "$_" -like '2 piped cluster document(s) do not list installed cluster extensions*' }).Count | Should -Be 1
        $null = @($AzAksShow | Get-AksEgressRule -Feature ClusterExtensions -WarningVariable quiet -WarningAction SilentlyContinue)
        @($quiet | Where-Object { "$_" -like '*cluster extensions*' }).Count | Should -Be 0
    }
}

Describe 'Live parameter sets check their input before any request' {
    It '-Offline with -IncludeServiceReported ends the command' {
        { $AzAksShow | Get-AksEgressRule -Offline -IncludeServiceReported -ErrorAction Stop } |
            Should -Throw -ErrorId 'OfflineWithServiceReported,AksEgress.Commands.GetAksEgressRuleCommand'
    }

    It 'a subscription id that is not a GUID ends the command' {
        { Get-AksEgressRule -ResourceGroupName rg1 -Name aks1 -SubscriptionId 'not-a-guid' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidSubscriptionId,AksEgress.Commands.GetAksEgressRuleCommand'
    }

    It 'a malformed resource id is one error for that id' {
        $rules = @(Get-AksEgressRule -ResourceId '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s' -ErrorVariable bad -ErrorAction SilentlyContinue)
        $rules.Count | Should -Be 0
        @($bad).Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'InvalidClusterResourceId*'
    }

    It 'the parameter sets are the documented ones' {
        $sets = (Get-Command Get-AksEgressRule).ParameterSets.Name | Sort-Object
        $sets -join ',' | Should -Be 'All,InputObject,Plan,ResourceId,ResourceName'
    }
}
