#!/usr/bin/env bash
# Azure Firewall policy rules for the outbound traffic of Azure Kubernetes Service, written by AksEgress.
# Creates the rule collection group 'aks-egress' in an existing firewall policy:
#   network rule collection 'aks-egress-network' (priority 100, Allow): 7 rules
#   application rule collection 'aks-egress-application' (priority 200, Allow): 28 rules
# Needs the Azure CLI with its azure-firewall extension 0.12.0 or later (az extension add --name azure-firewall;
# 0.12.0 added --destination-fqdns), signed in with az login; the script checks the extension before it
# changes anything. Each command updates the whole firewall policy, so the script takes a while.
#
# NOTE: Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With DNS_PROXY_ENABLED true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.
#
# Inputs, from the environment:
#   RESOURCE_GROUP     resource group of the firewall policy (required)
#   POLICY_NAME        name of the firewall policy (required)
#   PRIORITY           priority of the rule collection group, 100-65000 (default 500)
#   SOURCE_ADDRESSES   space-separated source addresses or CIDRs, the node subnets (default: the addresses below)
#   DNS_PROXY_ENABLED  true if the firewall policy has DNS proxy on, else false (default false); see the note above
set -euo pipefail

RESOURCE_GROUP="${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the firewall policy}"
POLICY_NAME="${POLICY_NAME:?set POLICY_NAME to the name of the firewall policy}"
PRIORITY="${PRIORITY:-500}"
if ! [[ "$PRIORITY" =~ ^[0-9]{3,5}$ ]] || (( 10#$PRIORITY < 100 || 10#$PRIORITY > 65000 )); then
  echo "PRIORITY must be a whole number from 100 to 65000, not '$PRIORITY'." >&2
  exit 1
fi
if [[ -n "${SOURCE_ADDRESSES:-}" ]]; then
  read -r -a SOURCE_ADDRESSES <<< "$SOURCE_ADDRESSES"
else
  SOURCE_ADDRESSES=('10.240.0.0/16')
fi
if (( ${#SOURCE_ADDRESSES[@]} == 0 )); then
  echo "SOURCE_ADDRESSES holds no value." >&2
  exit 1
fi
DNS_PROXY_ENABLED="${DNS_PROXY_ENABLED:-false}"
if [[ "$DNS_PROXY_ENABLED" != true && "$DNS_PROXY_ENABLED" != false ]]; then
  echo "DNS_PROXY_ENABLED must be true or false, not '$DNS_PROXY_ENABLED'." >&2
  exit 1
fi

# The azure-firewall extension must be 0.12.0 or later, for --destination-fqdns.
if ! AZURE_FIREWALL_VERSION="$(az extension show --name azure-firewall --query version --output tsv)"; then
  echo "Could not read the version of the azure-firewall extension of the Azure CLI. Install it with: az extension add --name azure-firewall" >&2
  exit 3
fi
AZURE_FIREWALL_VERSION="${AZURE_FIREWALL_VERSION//$'\r'/}"
if ! [[ "$AZURE_FIREWALL_VERSION" =~ ^([0-9]{1,9})\.([0-9]{1,9})\.([0-9]{1,9}) ]]; then
  echo "The azure-firewall extension reports the version '$AZURE_FIREWALL_VERSION', which this script cannot read; it needs 0.12.0 or later." >&2
  exit 3
fi
AZURE_FIREWALL_FOUND=("${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${BASH_REMATCH[3]}")
AZURE_FIREWALL_NEEDED=(0 12 0)
for i in 0 1 2; do
  if (( 10#${AZURE_FIREWALL_FOUND[i]} > AZURE_FIREWALL_NEEDED[i] )); then break; fi
  if (( 10#${AZURE_FIREWALL_FOUND[i]} < AZURE_FIREWALL_NEEDED[i] )); then
    echo "The azure-firewall extension is $AZURE_FIREWALL_VERSION; this script needs 0.12.0 or later. Update it with: az extension update --name azure-firewall" >&2
    exit 3
  fi
done

# The rule collection group
echo '[1/36] rule collection group aks-egress' >&2
az network firewall policy rule-collection-group create \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --name 'aks-egress' \
  --priority "$PRIORITY" \
  --output 'none'

# Network rule collection 'aks-egress-network'
echo '[2/36] aks-egress-network: udp-53-10.0.0.4' >&2
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --name 'aks-egress-network' \
  --collection-priority '100' \
  --action 'Allow' \
  --rule-type 'NetworkRule' \
  --rule-name 'udp-53-10.0.0.4' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --ip-protocols 'UDP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses '10.0.0.4' \
  --destination-ports '53' \
  --output 'none'

echo '[3/36] aks-egress-network: udp-53-10.0.0.5' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'udp-53-10.0.0.5' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --ip-protocols 'UDP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses '10.0.0.5' \
  --destination-ports '53' \
  --output 'none'

echo '[4/36] aks-egress-network: tcp-443-20.1.2.3' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'tcp-443-20.1.2.3' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --ip-protocols 'TCP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses '20.1.2.3' \
  --destination-ports '443' \
  --output 'none'

echo '[5/36] aks-egress-network: tcp-9000-20.1.2.3' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'tcp-9000-20.1.2.3' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --ip-protocols 'TCP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses '20.1.2.3' \
  --destination-ports '9000' \
  --output 'none'

echo '[6/36] aks-egress-network: udp-1194-20.1.2.3' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'udp-1194-20.1.2.3' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --ip-protocols 'UDP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses '20.1.2.3' \
  --destination-ports '1194' \
  --output 'none'

echo '[7/36] aks-egress-network: tcp-443-AzureMonitor' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'tcp-443-AzureMonitor' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --ip-protocols 'TCP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses 'AzureMonitor' \
  --destination-ports '443' \
  --output 'none'

echo '[8/36] aks-egress-network: udp-123-ntp.ubuntu.com' >&2
if [[ "$DNS_PROXY_ENABLED" == true ]]; then
  az network firewall policy rule-collection-group collection rule add \
    --resource-group "$RESOURCE_GROUP" \
    --policy-name "$POLICY_NAME" \
    --rule-collection-group-name 'aks-egress' \
    --collection-name 'aks-egress-network' \
    --name 'udp-123-ntp.ubuntu.com' \
    --rule-type 'NetworkRule' \
    --description 'Required; features: Core; clusters: aks-gov; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on' \
    --ip-protocols 'UDP' \
    --source-addresses "${SOURCE_ADDRESSES[@]}" \
    --destination-fqdns 'ntp.ubuntu.com' \
    --destination-ports '123' \
    --output 'none'
else
  az network firewall policy rule-collection-group collection rule add \
    --resource-group "$RESOURCE_GROUP" \
    --policy-name "$POLICY_NAME" \
    --rule-collection-group-name 'aks-egress' \
    --collection-name 'aks-egress-network' \
    --name 'udp-123-ntp.ubuntu.com' \
    --rule-type 'NetworkRule' \
    --description 'Required; features: Core; clusters: aks-gov; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off' \
    --ip-protocols 'UDP' \
    --source-addresses "${SOURCE_ADDRESSES[@]}" \
    --destination-addresses '*' \
    --destination-ports '123' \
    --output 'none'
fi

# Application rule collection 'aks-egress-application'
echo '[9/36] aks-egress-application: https-443-wildcard.data.mcr.microsoft.com' >&2
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --name 'aks-egress-application' \
  --collection-priority '200' \
  --action 'Allow' \
  --rule-type 'ApplicationRule' \
  --rule-name 'https-443-wildcard.data.mcr.microsoft.com' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.data.mcr.microsoft.com' \
  --output 'none'

echo '[10/36] aks-egress-application: https-443-wildcard.hcp.usgovvirginia.cx.aks.containerservice.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.hcp.usgovvirginia.cx.aks.containerservice.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.hcp.usgovvirginia.cx.aks.containerservice.azure.us' \
  --output 'none'

echo '[11/36] aks-egress-application: https-443-wildcard.in.applicationinsights.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.in.applicationinsights.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.in.applicationinsights.azure.com' \
  --output 'none'

echo '[12/36] aks-egress-application: https-443-wildcard.ingest.monitor.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.ingest.monitor.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.ingest.monitor.azure.us' \
  --output 'none'

echo '[13/36] aks-egress-application: https-443-wildcard.metrics.ingest.monitor.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.metrics.ingest.monitor.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.metrics.ingest.monitor.azure.us' \
  --output 'none'

echo '[14/36] aks-egress-application: http-80-wildcard.mp.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-wildcard.mp.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: WindowsNodePool; clusters: aks-gov' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.mp.microsoft.com' \
  --output 'none'

echo '[15/36] aks-egress-application: https-443-wildcard.ods.opinsights.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.ods.opinsights.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.ods.opinsights.azure.us' \
  --output 'none'

echo '[16/36] aks-egress-application: https-443-wildcard.oms.opinsights.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.oms.opinsights.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.oms.opinsights.azure.us' \
  --output 'none'

echo '[17/36] aks-egress-application: https-443-acs-mirror.azureedge.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-acs-mirror.azureedge.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'acs-mirror.azureedge.net' \
  --output 'none'

echo '[18/36] aks-egress-application: http-80-azure.archive.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-azure.archive.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates; clusters: aks-gov' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'azure.archive.ubuntu.com' \
  --output 'none'

echo '[19/36] aks-egress-application: http-80-changelogs.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-changelogs.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates; clusters: aks-gov' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'changelogs.ubuntu.com' \
  --output 'none'

echo '[20/36] aks-egress-application: http-80-ctldl.windowsupdate.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-ctldl.windowsupdate.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: WindowsNodePool; clusters: aks-gov' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'ctldl.windowsupdate.com' \
  --output 'none'

echo '[21/36] aks-egress-application: https-443-dc.services.visualstudio.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-dc.services.visualstudio.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'dc.services.visualstudio.com' \
  --output 'none'

echo '[22/36] aks-egress-application: https-443-download.docker.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-download.docker.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: GpuNodePool; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'download.docker.com' \
  --output 'none'

echo '[23/36] aks-egress-application: https-443-global.handler.control.monitor.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-global.handler.control.monitor.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'global.handler.control.monitor.azure.us' \
  --output 'none'

echo '[24/36] aks-egress-application: https-443-go.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-go.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: WindowsNodePool; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'go.microsoft.com' \
  --output 'none'

echo '[25/36] aks-egress-application: https-443-login.microsoftonline.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-login.microsoftonline.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'login.microsoftonline.us' \
  --output 'none'

echo '[26/36] aks-egress-application: https-443-management.usgovcloudapi.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-management.usgovcloudapi.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'management.usgovcloudapi.net' \
  --output 'none'

echo '[27/36] aks-egress-application: https-443-mcr.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-mcr.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'mcr.microsoft.com' \
  --output 'none'

echo '[28/36] aks-egress-application: https-443-nvidia.github.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-nvidia.github.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: GpuNodePool; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'nvidia.github.io' \
  --output 'none'

echo '[29/36] aks-egress-application: https-443-onegetcdn.azureedge.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-onegetcdn.azureedge.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: WindowsNodePool; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'onegetcdn.azureedge.net' \
  --output 'none'

echo '[30/36] aks-egress-application: https-443-packages.aks.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-packages.aks.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'packages.aks.azure.com' \
  --output 'none'

echo '[31/36] aks-egress-application: https-443-packages.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-packages.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'packages.microsoft.com' \
  --output 'none'

echo '[32/36] aks-egress-application: http-80-security.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-security.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates; clusters: aks-gov' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'security.ubuntu.com' \
  --output 'none'

echo '[33/36] aks-egress-application: https-443-snapshot.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-snapshot.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'snapshot.ubuntu.com' \
  --output 'none'

echo '[34/36] aks-egress-application: https-443-us.download.nvidia.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-us.download.nvidia.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: GpuNodePool; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'us.download.nvidia.com' \
  --output 'none'

echo '[35/36] aks-egress-application: https-443-usgovvirginia.handler.control.monitor.azure.us' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-usgovvirginia.handler.control.monitor.azure.us' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring; clusters: aks-gov' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'usgovvirginia.handler.control.monitor.azure.us' \
  --output 'none'

echo '[36/36] aks-egress-application: http-80-www.msftconnecttest.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-www.msftconnecttest.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: WindowsNodePool; clusters: aks-gov' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'www.msftconnecttest.com' \
  --output 'none'
