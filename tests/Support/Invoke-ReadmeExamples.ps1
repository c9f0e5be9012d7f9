# Runs every statement of README.md's PowerShell examples as written, in README order, in one session and one work
# folder (so rules.csv written by one example is read by a later one), and writes one JSON line per statement: what
# it ended with. Run by Readme.Tests.ps1 in a network namespace of its own (unshare -n): an example that reaches for
# Azure gets no further than this machine's loopback.
#
# Get-AzAksCluster, az and Search-AzGraph are not on this machine. They are stood in for by functions that return
# real documents from tests/RealDocuments (sources in SOURCES.md there), in the shape each real tool gives them:
# Get-AzAksCluster a flat object with Az.Aks's PascalCase property names, az the JSON text lines of `az aks show`,
# Search-AzGraph a row with the ARM document's properties plus resourceGroup and subscriptionId.
param(
    [Parameter(Mandatory)][string]$ManifestPath,
    [Parameter(Mandatory)][string]$ReadmePath,
    [Parameter(Mandatory)][string]$RealDocuments,
    [Parameter(Mandatory)][string]$WorkFolder
)

$ErrorActionPreference = 'Continue'
$WarningPreference = 'SilentlyContinue'
$ProgressPreference = 'SilentlyContinue'
Import-Module -Name $ManifestPath -ErrorAction Stop

# A real cluster as ARM returned it (westus2, private; recorded by the Azure CLI's test suite, see SOURCES.md).
$armCluster = Get-Content -LiteralPath (Join-Path $RealDocuments 'aks-arm/recorded/azure-cli-recording_westus2_private-cluster-no-public-fqdn_GET_2021-10-01.json') -Raw | ConvertFrom-Json
$azShowLines = Get-Content -LiteralPath (Join-Path $RealDocuments 'az-cli/derived_azure-public_eastus_az-aks-show_from-ManagedClustersGet-2026-04-01.json')

function Get-AzAksCluster {
    $p = $armCluster.properties
    [pscustomobject]@{
        Id = $armCluster.id; Name = $armCluster.name; Type = $armCluster.type; Location = $armCluster.location
        ResourceGroupName = ($armCluster.id -split '/')[4]; Identity = $armCluster.identity; Sku = $armCluster.sku
        ProvisioningState = $p.provisioningState; PowerState = $p.powerState; MaxAgentPools = $p.maxAgentPools
        KubernetesVersion = $p.kubernetesVersion; DnsPrefix = $p.dnsPrefix; AzurePortalFQDN = $p.azurePortalFQDN
        PrivateFQDN = $p.privateFQDN; AgentPoolProfiles = $p.agentPoolProfiles; LinuxProfile = $p.linuxProfile
        NodeResourceGroup = $p.nodeResourceGroup; EnableRBAC = $p.enableRBAC; NetworkProfile = $p.networkProfile
        ApiServerAccessProfile = $p.apiServerAccessProfile; IdentityProfile = $p.identityProfile; DisableLocalAccounts = $p.disableLocalAccounts
    }
}

function az {
    if ($args[0] -eq 'aks' -and $args[1] -eq 'show') { return $azShowLines }
    throw "This stand-in for az answers only 'az aks show'."
}

function Search-AzGraph {
    param([string]$Query)
    $row = $armCluster.PSObject.Copy()
    $row.type = $row.type.ToLowerInvariant()
    $row | Add-Member -NotePropertyName resourceGroup -NotePropertyValue (($armCluster.id -split '/')[4])
    $row | Add-Member -NotePropertyName subscriptionId -NotePropertyValue (($armCluster.id -split '/')[2])
    $row
}

# The clusters the ResourceId example names.
$cluster = [pscustomobject]@{ Id = $armCluster.id }
$other = [pscustomobject]@{ Id = '/subscriptions/7b9d2c41-3f0e-4a58-9c6d-2e8f1a7b5c30/resourceGroups/rg2/providers/Microsoft.ContainerService/managedClusters/aks2' }

# The examples: every fenced powershell block after "Start here" (whose lines build and test this repository, and are
# what CI itself runs), split into statements by PowerShell's own parser.
$readme = Get-Content -LiteralPath $ReadmePath -Raw
$afterStart = $readme.Substring($readme.IndexOf('## Using it'))
$blocks = [regex]::Matches($afterStart, '(?ms)^```powershell\r?\n(.*?)^```')
Set-Location -LiteralPath $WorkFolder
$blockNumber = 0
foreach ($block in $blocks) {
    $blockNumber++
    $tokens = $null; $parseErrors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($block.Groups[1].Value, [ref]$tokens, [ref]$parseErrors)
    if ($parseErrors.Count -gt 0) {
        [pscustomobject]@{ Block = $blockNumber; Text = $block.Groups[1].Value; ParseError = $parseErrors[0].Message } | ConvertTo-Json -Compress
        continue
    }
    foreach ($statement in $ast.EndBlock.Statements) {
        $text = $statement.Extent.Text
        $result = [ordered]@{ Block = $blockNumber; Text = $text; Output = 0; ErrorIds = @(); Messages = @(); Terminating = ''; Seconds = 0 }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        try {
            # Dot-sourced so that a variable one example sets is there for the next, as in a user's session.
            $all = @(. ([scriptblock]::Create($text)) 2>&1)
            $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $result.Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] }).Count
            $result.ErrorIds = @($errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
            $result.Messages = @($errors | ForEach-Object { $_.Exception.Message })
        }
        catch {
            $result.Terminating = "$(($_.FullyQualifiedErrorId -split ',')[0]): $($_.Exception.Message)"
        }
        $result.Seconds = [math]::Round($clock.Elapsed.TotalSeconds, 1)
        [pscustomobject]$result | ConvertTo-Json -Compress -Depth 3
    }
}
[pscustomobject]@{ Files = @(Get-ChildItem -LiteralPath $WorkFolder -File | ForEach-Object { '{0}={1}' -f $_.Name, $_.Length }) } | ConvertTo-Json -Compress
