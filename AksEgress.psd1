#
# Module manifest for AksEgress.
#
# The build (build.ps1) copies this file to out/AksEgress/<version>/ beside bin/Core and bin/Desktop.
# Keep ModuleVersion equal to <Version> in Directory.Build.props: the build checks that they match.
#

@{
    # PowerShell 7.4+ (.NET 8) loads the net8.0 build; Windows PowerShell 5.1 loads the net472 build.
    # Manifests are read in restricted language mode, which allows an if statement on $PSEdition here.
    RootModule = if ($PSEdition -eq 'Core') { 'bin/Core/AksEgress.dll' } else { 'bin/Desktop/AksEgress.dll' }

    ModuleVersion = '0.1.0'

    CompatiblePSEditions = @('Core', 'Desktop')

    GUID = 'c7863db1-cd44-45ba-8a12-73525a07d1f1'

    Author = 'AksEgress contributors'

    CompanyName = 'AksEgress'

    Copyright = '(c) AksEgress contributors. All rights reserved.'

    Description = 'Lists the outbound (egress) network and application rules an Azure Kubernetes Service (AKS) cluster needs through a firewall, for a region, cloud (Azure public, China, US Government) and set of features, as objects ready for Export-Csv or firewall automation.'

    PowerShellVersion = '5.1'

    FormatsToProcess = @('AksEgress.Format.ps1xml')

    CmdletsToExport = @('Get-AksEgressRule', 'Export-AksEgressRule', 'Test-AksEgress')

    FunctionsToExport = @()

    AliasesToExport = @()

    VariablesToExport = @()

    PrivateData = @{
        PSData = @{
            Tags = @('AKS', 'Kubernetes', 'Azure', 'Firewall', 'Egress', 'PSEdition_Core', 'PSEdition_Desktop')

            ProjectUri = 'https://github.com/aksegress/AksEgress'

            LicenseUri = 'https://github.com/aksegress/AksEgress/blob/main/LICENSE'

            ReleaseNotes = @'
0.1.0
- First release: Get-AksEgressRule plans the egress rules of an AKS cluster from -Location, -Cloud
  (AzureCloud, AzureChinaCloud, AzureUSGovernment), -Feature, -OsSku, -PrivateCluster, -LegacyTunnel,
  -ApiServerFqdn, -ApiServerAddress, -CustomDnsServer, -Requirement and -IncludeLegacy.
- Each rule is one object with scalar properties, so Export-Csv gives one value per cell.
- Export-AksEgressRule writes the rules as an Azure Firewall ARM template, Bicep, Terraform, an az CLI
  script, CSV, JSON or a Markdown review document; identical rules of several features or clusters are merged.
- Runs on PowerShell 7.4+ and Windows PowerShell 5.1.
'@
        }
    }
}
