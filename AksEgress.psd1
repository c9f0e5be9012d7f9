#
# Module manifest for AksEgress.
#
# build/AksEgress.Module.proj copies this file to out/AksEgress/<version>/ beside bin/Core (PowerShell 7.4+),
# bin/Desktop (Windows PowerShell 5.1) and bin/Common (the engine and its dependencies, loaded apart from any other
# Azure.Core in the session). Keep ModuleVersion equal to <Version> in Directory.Build.props: the build checks it.
# The nuspec of the NuGet package is written from this file (description, links, tags, release notes).
#

@{
    # $PSEdition is 'Core' on PowerShell 7.4+ (the net8.0 build in bin/Core) and 'Desktop' on Windows PowerShell 5.1
    # (the net472 build in bin/Desktop); restricted language mode allows it in a string. Not `if ($PSEdition -eq
    # 'Core')`: binding that -eq in a fresh session costs more than the string (README, Benchmarks).
    RootModule = "bin/$PSEdition/AksEgress.dll"

    ModuleVersion = '0.1.0'

    CompatiblePSEditions = @('Core', 'Desktop')

    GUID = 'c7863db1-cd44-45ba-8a12-73525a07d1f1'

    Author = 'AksEgress contributors'

    CompanyName = 'AksEgress'

    Copyright = '(c) AksEgress contributors. All rights reserved.'

    Description = 'Lists the outbound (egress) network and application rules an Azure Kubernetes Service (AKS) cluster needs through a firewall, for a region, cloud (Azure public, China, US Government) and set of features, as objects ready for Export-Csv or firewall automation.'

    PowerShellVersion = '5.1'

    # No FormatsToProcess: Get-AksEgressRule and Test-AksEgress load AksEgress.Format.ps1xml on their first run in a
    # session (src/AksEgress/Host/ModuleViews.cs says why).

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
- Get-AksEgressRule lists the outbound rules an AKS cluster needs, one object with scalar properties per rule,
  for -Location and -Cloud (AzureCloud, AzureChinaCloud, AzureUSGovernment), -Feature, -OsSku,
  -PrivateCluster, -LegacyTunnel, -ApiServerFqdn, -ApiServerAddress, -CustomDnsServer, -Requirement and
  -IncludeLegacy.
- Existing clusters: piped from Get-AzAksCluster, az aks show or Search-AzGraph, or read live through Azure
  Resource Manager with -ResourceGroupName/-Name, -ResourceId or -All (every cluster Resource Graph shows,
  1,000 per request). -IncludeServiceReported adds the endpoints AKS itself reports and marks each rule's origin.
  Credentials: -AccessToken, the signed-in Az context, or DefaultAzureCredential (managed identity in Azure
  Automation); throttling and transient faults are retried.
- Export-AksEgressRule writes an Azure Firewall ARM template, Bicep, Terraform, an az CLI script, CSV, JSON or
  a Markdown review; identical rules of several features or clusters are merged.
- Test-AksEgress probes each rule from where it runs (DNS, TCP, TLS, HTTP, NTP, DNS through a custom server)
  and says why a rule fails: a silent drop, a firewall deny, TLS interception.
- Its own Azure.Core, Azure.Identity and MSAL load apart from the ones Az loads, so both modules work in one
  session; nothing Azure-related loads until a live read needs it.
- Help for every cmdlet (Get-Help -Examples, about_AksEgress) and tab completion for -Location and -Feature.
- Runs on PowerShell 7.4+ and Windows PowerShell 5.1. build.ps1 -Task Package writes a zip for Azure Automation
  (5.1 and 7.4 runtimes) and a NuGet package for Install-PSResource and Install-Module.
'@
        }
    }
}
