# Pester 5 tests: real cluster documents (tests/RealDocuments, sources in SOURCES.md there) piped into
# Get-AksEgressRule as a user pipes them. Run them with: ./build.ps1 -Task Test

BeforeAll {
    . (Join-Path $PSScriptRoot 'Import-BuiltModule.ps1')
    $Real = Join-Path $PSScriptRoot 'RealDocuments'
    function Read-RealDocument([string]$Relative) {
        Get-Content -LiteralPath (Join-Path $Real $Relative) -Raw | ConvertFrom-Json
    }
    $AzPublic = 'az-cli/derived_azure-public_eastus_az-aks-show_from-ManagedClustersGet-2026-04-01.json'
    $AzChina = 'az-cli/derived_azure-china_chinaeast2_az-aks-show.json'
    $AzUsGov = 'az-cli/azure-us-gov_usgovvirginia_az-aks-create_wallenc-deployAKS-README.json'
    $InternalNames = @('AzAksObject', 'AzCliOutput', 'ArmJson', 'ResourceGraphRow')
}

AfterAll {
    Get-Module -Name AksEgress | Remove-Module -Force
}

Describe 'az aks show output of the three clouds, piped through ConvertFrom-Json' {
    It 'gives <Cloud> rules with the exact API server host and no warning that the document hides features' -ForEach @(
        @{ Document = 'az-cli/derived_azure-public_eastus_az-aks-show_from-ManagedClustersGet-2026-04-01.json'; Cloud = 'AzureCloud'; ApiHost = 'dnsprefix1-abcd1234.hcp.eastus.azmk8s.io' }
        @{ Document = 'az-cli/derived_azure-china_chinaeast2_az-aks-show.json'; Cloud = 'AzureChinaCloud'; ApiHost = 'myakscluster-dns-379cbbb9.hcp.chinaeast2.cx.prod.service.azk8s.cn' }
    ) {
        $rules = @(Read-RealDocument $Document | Get-AksEgressRule -Offline -WarningVariable warnings -WarningAction SilentlyContinue)
        $rules.Count | Should -BeGreaterThan 0
        @($rules | Where-Object Cloud -ne $Cloud).Count | Should -Be 0
        @($rules | Where-Object Destination -eq $ApiHost).Count | Should -BeGreaterThan 0
        @($warnings | Where-Object { "$_" -like '*does not show*' }).Count | Should -Be 0
        foreach ($name in $InternalNames) { @($warnings | Where-Object { "$_" -like "*$name*" }).Count | Should -Be 0 }
    }

    It 'reads real US Government output of an older CLI and says which profiles it lacks, without an internal name' {
        $rules = @(Read-RealDocument $AzUsGov | Get-AksEgressRule -Offline -WarningVariable warnings -WarningAction SilentlyContinue)
        @($rules | Where-Object Cloud -ne 'AzureUSGovernment').Count | Should -Be 0
        @($rules | Where-Object Destination -like '*.hcp.usgovvirginia.cx.aks.containerservice.azure.us').Count | Should -BeGreaterThan 0
        $hidden = @($warnings | Where-Object { "$_" -like '*does not show*' })
        $hidden.Count | Should -Be 1
        "$($hidden[0])" | Should -BeLike "*'az aks show' output*update the Azure CLI*"
        foreach ($name in $InternalNames) { "$($hidden[0])" | Should -Not -BeLike "*$name*" }
    }

    It 'says once at the end how many documents could not show their extensions' {
        $null = @((Read-RealDocument $AzPublic), (Read-RealDocument $AzChina) | Get-AksEgressRule -Offline -WarningVariable warnings -WarningAction SilentlyContinue)
        $notes = @($warnings | Where-Object { "$_" -like '*do not list installed cluster extensions*' })
        $notes.Count | Should -Be 1
        "$($notes[0])" | Should -BeLike '2 piped cluster document(s)*'
    }
}

Describe 'Documents whose facts disagree, and advice that works' {
    It 'names the location and the API server host, goes on with the next cluster, and reads the corrected document' {
        $wrong = Read-RealDocument $AzPublic
        $wrong.location = 'chinaeast2'
        $rules = @($wrong, (Read-RealDocument $AzChina) | Get-AksEgressRule -Offline -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'ClusterFactsDisagree*'
        "$($errors[0])" | Should -BeLike "*'chinaeast2'*dnsprefix1-abcd1234.hcp.eastus.azmk8s.io*"
        "$($errors[0])" | Should -Not -BeLike '*-Cloud*'
        @($rules | Where-Object ClusterName -eq 'myAKSCluster').Count | Should -BeGreaterThan 0

        # -Cloud cannot make the document right: it is refused as a contradiction naming -Cloud.
        $wrong | Get-AksEgressRule -Offline -Cloud AzureChinaCloud -ErrorVariable cloudErrors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $cloudErrors[0].FullyQualifiedErrorId | Should -BeLike 'ClusterCloudConflict*'

        # The advice: correct the location (or fqdn) and pipe it again.
        $wrong.location = 'eastus'
        @($wrong | Get-AksEgressRule -Offline -ErrorAction Stop -WarningAction SilentlyContinue).Count | Should -BeGreaterThan 0
    }

    It 'follows the planning set''s advice to add -Cloud' {
        $err = { Get-AksEgressRule -Location chinaeast2 -ErrorAction Stop } | Should -Throw -PassThru
        "$err" | Should -BeLike '*add -Cloud AzureChinaCloud*'
        @(Get-AksEgressRule -Location chinaeast2 -Cloud AzureChinaCloud -WarningAction SilentlyContinue).Count | Should -BeGreaterThan 0
    }

    It 'warns about an fqdn in another region in the document''s words, not with parameters the set does not have' {
        $doc = Read-RealDocument $AzPublic
        $doc.location = 'westus2'
        $null = $doc | Get-AksEgressRule -Offline -WarningVariable warnings -WarningAction SilentlyContinue
        $warning = @($warnings | Where-Object { "$_" -like '*dnsprefix1-abcd1234.hcp.eastus.azmk8s.io*' })
        $warning.Count | Should -Be 1
        "$($warning[0])" | Should -Not -Match '-Cloud|-Location|-ApiServerFqdn'
    }

    It 'does not count a refused cluster in the end-of-command note' {
        $refused = Read-RealDocument $AzPublic
        $refused.location = 'nowhere'
        $null = @((Read-RealDocument $AzPublic), $refused, (Read-RealDocument $AzChina) |
            Get-AksEgressRule -Offline -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 1
        "$(@($warnings | Where-Object { "$_" -like '*cluster extensions*' })[0])" | Should -BeLike '2 piped cluster document(s)*'
    }
}

Describe 'What is not a cluster' {
    It 'refuses <Name> as NotAnAksCluster at once and goes on with the next object' -ForEach @(
        @{ Name = 'a string'; Value = 'aks1' }
        @{ Name = 'an empty object'; Value = ('{}' | ConvertFrom-Json) }
        @{ Name = 'an empty hashtable'; Value = @{} }
    ) {
        $rules = @($Value, (Read-RealDocument $AzChina) | Get-AksEgressRule -Offline -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NotAnAksCluster*'
        @($rules | Where-Object ClusterName -eq 'myAKSCluster').Count | Should -BeGreaterThan 0
    }

    It 'refuses an ARM list page and says to pipe .value, which works' {
        $page = [pscustomobject]@{ value = @((Read-RealDocument $AzPublic), (Read-RealDocument $AzChina)) }
        $page | Get-AksEgressRule -Offline -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NotAnAksCluster*'
        "$($errors[0])" | Should -BeLike '*.value | Get-AksEgressRule*'
        $rules = @($page.value | Get-AksEgressRule -Offline -ErrorAction Stop -WarningAction SilentlyContinue)
        @($rules.ClusterName | Sort-Object -Unique) | Should -Be @('clustername1', 'myAKSCluster')
    }

    It 'refuses the real specification list example the same way' {
        Read-RealDocument 'aks-arm/2026-02-01_ManagedClustersList.200.body.json' |
            Get-AksEgressRule -Offline -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'NotAnAksCluster*'
    }
}
