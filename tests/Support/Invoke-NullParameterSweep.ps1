# Gives every parameter of every AksEgress cmdlet $null, an empty array and an empty string, one call each, with the
# other mandatory parameters of its set filled with good values, and writes one JSON line per call: what the call
# ended with. Run by Parameters.Tests.ps1 in a network namespace of its own (unshare -n), so a call that binds when it
# should not cannot reach anything but loopback. Switches are left out: a switch given $null is off, as PowerShell says.
param([Parameter(Mandatory)][string]$ManifestPath, [Parameter(Mandatory)][string]$WorkFolder)

$ErrorActionPreference = 'Stop'
Import-Module -Name $ManifestPath
$token = ConvertTo-SecureString -String 'sweep-token' -AsPlainText -Force
$rule = @(Get-AksEgressRule -Location eastus -WarningAction SilentlyContinue)[0]
$cluster = [pscustomobject]@{ name = 'aks1'; location = 'eastus'; fqdn = 'aks1-1a2b3c4d.hcp.eastus.azmk8s.io'; agentPoolProfiles = @(); resourceGroup = 'rg' }
$good = @{
    Location          = 'eastus'
    ResourceGroupName = 'rg'
    Name              = 'aks1'
    ResourceId        = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks1'
    All               = $true
    Format            = 'Json'
    Path              = (Join-Path $WorkFolder 'sweep.json')
    LiteralPath       = (Join-Path $WorkFolder 'sweep-literal.json')
}
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

foreach ($command in Get-Command -Module AksEgress -CommandType Cmdlet) {
    foreach ($set in $command.ParameterSets) {
        foreach ($parameter in $set.Parameters) {
            if ($common -contains $parameter.Name -or $parameter.ParameterType -eq [switch]) { continue }
            foreach ($case in @('null', 'emptyArray', 'emptyString')) {
                $splat = @{}
                foreach ($other in $set.Parameters) {
                    if ($other.IsMandatory -and $other.Name -ne $parameter.Name) {
                        $splat[$other.Name] = if ($other.Name -eq 'InputObject') { if ($command.Name -eq 'Get-AksEgressRule') { $cluster } else { $rule } } else { $good[$other.Name] }
                    }
                }
                if ($set.Name -in 'ResourceName', 'ResourceId', 'All' -and $parameter.Name -ne 'AccessToken' -and $set.Parameters.Name -contains 'AccessToken') { $splat['AccessToken'] = $token }
                if ($command.Name -eq 'Test-AksEgress' -and $parameter.Name -ne 'TimeoutSec') { $splat['TimeoutSec'] = 1 }
                if ($command.Name -eq 'Get-AksEgressRule' -and $set.Name -eq 'InputObject' -and $parameter.Name -ne 'Offline') { $splat['Offline'] = $true }
                $splat[$parameter.Name] = switch ($case) { 'null' { $null } 'emptyArray' { , @() } 'emptyString' { '' } }
                $result = [ordered]@{ Command = $command.Name; Set = $set.Name; Parameter = $parameter.Name; Case = $case; ErrorId = ''; Exception = ''; Message = ''; Bound = $false }
                try {
                    $null = & $command.Name @splat -ErrorAction Stop -WarningAction SilentlyContinue 6>$null
                    $result.Bound = $true
                }
                catch {
                    $result.ErrorId = $_.FullyQualifiedErrorId
                    $result.Exception = $_.Exception.GetType().FullName
                    $result.Message = $_.Exception.Message
                }
                [pscustomobject]$result | ConvertTo-Json -Compress
            }
        }
    }
}
