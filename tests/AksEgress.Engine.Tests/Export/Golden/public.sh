#!/usr/bin/env bash
# Azure Firewall policy rules for the outbound traffic of Azure Kubernetes Service, written by AksEgress.
# Creates the rule collection group 'aks-egress' in an existing firewall policy:
#   network rule collection 'aks-egress-network' (priority 100, Allow): 4 rules
#   application rule collection 'aks-egress-application' (priority 200, Allow): 37 rules
# Needs the Azure CLI with its azure-firewall extension 0.12.0 or later (az extension add --name azure-firewall;
# 0.12.0 added --destination-fqdns), signed in with az login; the script checks the extension before it
# changes anything. Each command updates the whole firewall policy, so the script takes a while.
#
# NOTE: Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With DNS_PROXY_ENABLED true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.
#
# Inputs, from the environment:
#   RESOURCE_GROUP        resource group of the firewall policy (required)
#   POLICY_NAME           name of the firewall policy (required)
#   PRIORITY              priority of the rule collection group, 100-65000 (default 500)
#   SOURCE_ADDRESSES      space-separated source addresses or CIDRs, the node subnets (default: the addresses below)
#   DNS_PROXY_ENABLED     true if the firewall policy has DNS proxy on, else false (default false); see the note above
#   API_SERVER_PUBLIC_IP  public IP address of the cluster API server (required)
#   CUSTOM_DNS_SERVERS    IP addresses of the custom DNS servers of the cluster virtual network, separated by spaces (required)
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
API_SERVER_PUBLIC_IP="${API_SERVER_PUBLIC_IP:?set API_SERVER_PUBLIC_IP to the public IP address of the cluster API server}"
CUSTOM_DNS_SERVERS="${CUSTOM_DNS_SERVERS:?set CUSTOM_DNS_SERVERS to the IP addresses of the custom DNS servers of the cluster virtual network, separated by spaces}"
read -r -a CUSTOM_DNS_SERVERS <<< "$CUSTOM_DNS_SERVERS"

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
echo '[1/42] rule collection group aks-egress' >&2
az network firewall policy rule-collection-group create \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --name 'aks-egress' \
  --priority "$PRIORITY" \
  --output 'none'

# Network rule collection 'aks-egress-network'
echo '[2/42] aks-egress-network: tcp-443-APIServerPublicIP' >&2
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --name 'aks-egress-network' \
  --collection-priority '100' \
  --action 'Allow' \
  --rule-type 'NetworkRule' \
  --rule-name 'tcp-443-APIServerPublicIP' \
  --description 'Required; features: Core' \
  --ip-protocols 'TCP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses "$API_SERVER_PUBLIC_IP" \
  --destination-ports '443' \
  --output 'none'

echo '[3/42] aks-egress-network: tcp-443-AzureMonitor' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'tcp-443-AzureMonitor' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Monitoring' \
  --ip-protocols 'TCP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses 'AzureMonitor' \
  --destination-ports '443' \
  --output 'none'

echo '[4/42] aks-egress-network: udp-53-CustomDnsIP' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-network' \
  --name 'udp-53-CustomDnsIP' \
  --rule-type 'NetworkRule' \
  --description 'Required; features: Core' \
  --ip-protocols 'UDP' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --destination-addresses "${CUSTOM_DNS_SERVERS[@]}" \
  --destination-ports '53' \
  --output 'none'

echo '[5/42] aks-egress-network: udp-123-ntp.ubuntu.com' >&2
if [[ "$DNS_PROXY_ENABLED" == true ]]; then
  az network firewall policy rule-collection-group collection rule add \
    --resource-group "$RESOURCE_GROUP" \
    --policy-name "$POLICY_NAME" \
    --rule-collection-group-name 'aks-egress' \
    --collection-name 'aks-egress-network' \
    --name 'udp-123-ntp.ubuntu.com' \
    --rule-type 'NetworkRule' \
    --description 'Required; features: Core; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on' \
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
    --description 'Required; features: Core; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off' \
    --ip-protocols 'UDP' \
    --source-addresses "${SOURCE_ADDRESSES[@]}" \
    --destination-addresses '*' \
    --destination-ports '123' \
    --output 'none'
fi

# Application rule collection 'aks-egress-application'
echo '[6/42] aks-egress-application: https-443-wildcard.cloud.defender.microsoft.com' >&2
az network firewall policy rule-collection-group collection add-filter-collection \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --name 'aks-egress-application' \
  --collection-priority '200' \
  --action 'Allow' \
  --rule-type 'ApplicationRule' \
  --rule-name 'https-443-wildcard.cloud.defender.microsoft.com' \
  --description 'Required; features: Defender' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.cloud.defender.microsoft.com' \
  --output 'none'

echo '[7/42] aks-egress-application: https-443-wildcard.data.mcr.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.data.mcr.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core, ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.data.mcr.microsoft.com' \
  --output 'none'

echo '[8/42] aks-egress-application: https-443-wildcard.hcp.koreacentral.azmk8s.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.hcp.koreacentral.azmk8s.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.hcp.koreacentral.azmk8s.io' \
  --output 'none'

echo '[9/42] aks-egress-application: https-443-wildcard.in.applicationinsights.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.in.applicationinsights.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.in.applicationinsights.azure.com' \
  --output 'none'

echo '[10/42] aks-egress-application: https-443-wildcard.ingest.monitor.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.ingest.monitor.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.ingest.monitor.azure.com' \
  --output 'none'

echo '[11/42] aks-egress-application: https-443-wildcard.ingestion.msftcloudes.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.ingestion.msftcloudes.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.ingestion.msftcloudes.com' \
  --output 'none'

echo '[12/42] aks-egress-application: https-443-wildcard.metrics.ingest.monitor.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.metrics.ingest.monitor.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.metrics.ingest.monitor.azure.com' \
  --output 'none'

echo '[13/42] aks-egress-application: https-443-wildcard.microsoftmetrics.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.microsoftmetrics.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.microsoftmetrics.com' \
  --output 'none'

echo '[14/42] aks-egress-application: https-443-wildcard.monitoring.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.monitoring.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.monitoring.azure.com' \
  --output 'none'

echo '[15/42] aks-egress-application: https-443-wildcard.ods.opinsights.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.ods.opinsights.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Defender, Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.ods.opinsights.azure.com' \
  --output 'none'

echo '[16/42] aks-egress-application: https-443-wildcard.oms.opinsights.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-wildcard.oms.opinsights.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Defender, Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns '*.oms.opinsights.azure.com' \
  --output 'none'

echo '[17/42] aks-egress-application: https-443-acs-mirror.azureedge.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-acs-mirror.azureedge.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'acs-mirror.azureedge.net' \
  --output 'none'

echo '[18/42] aks-egress-application: https-443-arcmktplaceprod.azurecr.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-arcmktplaceprod.azurecr.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'arcmktplaceprod.azurecr.io' \
  --output 'none'

echo '[19/42] aks-egress-application: https-443-arcmktplaceprod.centralindia.data.azurecr.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-arcmktplaceprod.centralindia.data.azurecr.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'arcmktplaceprod.centralindia.data.azurecr.io' \
  --output 'none'

echo '[20/42] aks-egress-application: https-443-arcmktplaceprod.eastus.data.azurecr.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-arcmktplaceprod.eastus.data.azurecr.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'arcmktplaceprod.eastus.data.azurecr.io' \
  --output 'none'

echo '[21/42] aks-egress-application: https-443-arcmktplaceprod.japaneast.data.azurecr.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-arcmktplaceprod.japaneast.data.azurecr.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'arcmktplaceprod.japaneast.data.azurecr.io' \
  --output 'none'

echo '[22/42] aks-egress-application: https-443-arcmktplaceprod.westeurope.data.azurecr.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-arcmktplaceprod.westeurope.data.azurecr.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'arcmktplaceprod.westeurope.data.azurecr.io' \
  --output 'none'

echo '[23/42] aks-egress-application: https-443-arcmktplaceprod.westus2.data.azurecr.io' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-arcmktplaceprod.westus2.data.azurecr.io' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'arcmktplaceprod.westus2.data.azurecr.io' \
  --output 'none'

echo '[24/42] aks-egress-application: http-80-azure.archive.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-azure.archive.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'azure.archive.ubuntu.com' \
  --output 'none'

echo '[25/42] aks-egress-application: http-80-changelogs.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-changelogs.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'changelogs.ubuntu.com' \
  --output 'none'

echo '[26/42] aks-egress-application: https-443-data.policy.core.windows.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-data.policy.core.windows.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: AzurePolicy' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'data.policy.core.windows.net' \
  --output 'none'

echo '[27/42] aks-egress-application: https-443-dc.services.visualstudio.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-dc.services.visualstudio.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring, AzurePolicy' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'dc.services.visualstudio.com' \
  --output 'none'

echo '[28/42] aks-egress-application: https-443-global.handler.control.monitor.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-global.handler.control.monitor.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'global.handler.control.monitor.azure.com' \
  --output 'none'

echo '[29/42] aks-egress-application: https-443-koreacentral.dp.kubernetesconfiguration.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-koreacentral.dp.kubernetesconfiguration.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'koreacentral.dp.kubernetesconfiguration.azure.com' \
  --output 'none'

echo '[30/42] aks-egress-application: https-443-koreacentral.handler.control.monitor.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-koreacentral.handler.control.monitor.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'koreacentral.handler.control.monitor.azure.com' \
  --output 'none'

echo '[31/42] aks-egress-application: https-443-koreacentral.ingest.monitor.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-koreacentral.ingest.monitor.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'koreacentral.ingest.monitor.azure.com' \
  --output 'none'

echo '[32/42] aks-egress-application: https-443-login.microsoftonline.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-login.microsoftonline.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core, WorkloadIdentity, Defender, Monitoring' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'login.microsoftonline.com' \
  --output 'none'

echo '[33/42] aks-egress-application: https-443-management.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-management.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'management.azure.com' \
  --output 'none'

echo '[34/42] aks-egress-application: https-443-marketplaceapi.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-marketplaceapi.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'marketplaceapi.microsoft.com' \
  --output 'none'

echo '[35/42] aks-egress-application: https-443-mcr-0001.mcr-msedge.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-mcr-0001.mcr-msedge.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'mcr-0001.mcr-msedge.net' \
  --output 'none'

echo '[36/42] aks-egress-application: https-443-mcr.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-mcr.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core, ClusterExtensions' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'mcr.microsoft.com' \
  --output 'none'

echo '[37/42] aks-egress-application: https-443-packages.aks.azure.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-packages.aks.azure.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'packages.aks.azure.com' \
  --output 'none'

echo '[38/42] aks-egress-application: https-443-packages.microsoft.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-packages.microsoft.com' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: Core' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'packages.microsoft.com' \
  --output 'none'

echo '[39/42] aks-egress-application: http-80-security.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'http-80-security.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates' \
  --protocols 'Http=80' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'security.ubuntu.com' \
  --output 'none'

echo '[40/42] aks-egress-application: https-443-snapshot.ubuntu.com' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-snapshot.ubuntu.com' \
  --rule-type 'ApplicationRule' \
  --description 'Recommended; features: UbuntuUpdates' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'snapshot.ubuntu.com' \
  --output 'none'

echo '[41/42] aks-egress-application: https-443-store.policy.core.windows.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-store.policy.core.windows.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: AzurePolicy' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'store.policy.core.windows.net' \
  --output 'none'

echo '[42/42] aks-egress-application: https-443-vault.azure.net' >&2
az network firewall policy rule-collection-group collection rule add \
  --resource-group "$RESOURCE_GROUP" \
  --policy-name "$POLICY_NAME" \
  --rule-collection-group-name 'aks-egress' \
  --collection-name 'aks-egress-application' \
  --name 'https-443-vault.azure.net' \
  --rule-type 'ApplicationRule' \
  --description 'Required; features: KeyVaultSecretsProvider' \
  --protocols 'Https=443' \
  --source-addresses "${SOURCE_ADDRESSES[@]}" \
  --target-fqdns 'vault.azure.net' \
  --output 'none'
