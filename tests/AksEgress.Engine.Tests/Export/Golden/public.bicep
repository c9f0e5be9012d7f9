// Azure Firewall policy rule collection group aks-egress with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule.
// Deploy it to the resource group of the existing firewall policy named by the firewallPolicyName parameter.
// Destinations that are not known yet are parameters without a default, to be given at deployment: apiServerPublicIp, customDnsServers.
// Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.
// Lines after #disable-next-line no-hardcoded-env-urls name a cloud's host on purpose: the firewall must allow the hosts of the clusters' cloud by name, and environment() would give the hosts of the cloud that deploys this file.

metadata comments = 'Azure Firewall policy rule collection group aks-egress with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule. Deploy it to the resource group of the existing firewall policy named by the firewallPolicyName parameter. Destinations that are not known yet are parameters without a default, to be given at deployment: apiServerPublicIp, customDnsServers. Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.'

@description('Name of the existing Azure Firewall policy, in the resource group of this deployment, that receives the rule collection group.')
param firewallPolicyName string

@description('Priority of the rule collection group within the firewall policy, from 100 to 65000; lower numbers are processed first.')
@minValue(100)
@maxValue(65000)
param ruleCollectionGroupPriority int = 500

@description('Source addresses every rule allows: the node subnet CIDRs of the cluster or clusters. The value * allows any source.')
@minLength(1)
param sourceAddresses array = [
  '10.240.0.0/16'
]

@description('Whether the firewall policy has DNS proxy on. Azure accepts a network rule to an FQDN only then: true allows the FQDN itself, false allows any destination (*) on the same protocol and port instead, which deploys on any policy.')
param dnsProxyEnabled bool = false

@description('Public IP address of the AKS API server (resolve the API server FQDN of the cluster). Only pods that reach the API server by IP address need this rule.')
param apiServerPublicIp string

@description('IP addresses of the custom DNS servers that the virtual network of the cluster uses, for example 10.0.0.4. Needed only with custom DNS servers.')
@minLength(1)
param customDnsServers array

resource policy 'Microsoft.Network/firewallPolicies@2023-09-01' existing = {
  name: firewallPolicyName
}

resource group 'Microsoft.Network/firewallPolicies/ruleCollectionGroups@2023-09-01' = {
  parent: policy
  name: 'aks-egress'
  properties: {
    priority: ruleCollectionGroupPriority
    ruleCollections: [
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'aks-egress-network'
        priority: 100
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'NetworkRule'
            name: 'tcp-443-APIServerPublicIP'
            description: 'Required; features: Core'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              apiServerPublicIp
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'tcp-443-AzureMonitor'
            description: 'Required; features: Monitoring'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              'AzureMonitor'
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'udp-53-CustomDnsIP'
            description: 'Required; features: Core'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: customDnsServers
            destinationPorts: [
              '53'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'udp-123-ntp.ubuntu.com'
            description: dnsProxyEnabled ? 'Required; features: Core; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on' : 'Required; features: Core; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: dnsProxyEnabled ? [] : ['*']
            destinationFqdns: dnsProxyEnabled ? ['ntp.ubuntu.com'] : []
            destinationPorts: [
              '123'
            ]
          }
        ]
      }
      {
        ruleCollectionType: 'FirewallPolicyFilterRuleCollection'
        name: 'aks-egress-application'
        priority: 200
        action: {
          type: 'Allow'
        }
        rules: [
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.cloud.defender.microsoft.com'
            description: 'Required; features: Defender'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.cloud.defender.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.data.mcr.microsoft.com'
            description: 'Required; features: Core, ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.data.mcr.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.hcp.koreacentral.azmk8s.io'
            description: 'Required; features: Core'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.hcp.koreacentral.azmk8s.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.in.applicationinsights.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.in.applicationinsights.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.ingest.monitor.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ingest.monitor.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.ingestion.msftcloudes.com'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ingestion.msftcloudes.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.metrics.ingest.monitor.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.metrics.ingest.monitor.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.microsoftmetrics.com'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.microsoftmetrics.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.monitoring.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.monitoring.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.ods.opinsights.azure.com'
            description: 'Required; features: Defender, Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ods.opinsights.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.oms.opinsights.azure.com'
            description: 'Required; features: Defender, Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.oms.opinsights.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-acs-mirror.azureedge.net'
            description: 'Required; features: Core'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'acs-mirror.azureedge.net'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-arcmktplaceprod.azurecr.io'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'arcmktplaceprod.azurecr.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-arcmktplaceprod.centralindia.data.azurecr.io'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'arcmktplaceprod.centralindia.data.azurecr.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-arcmktplaceprod.eastus.data.azurecr.io'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'arcmktplaceprod.eastus.data.azurecr.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-arcmktplaceprod.japaneast.data.azurecr.io'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'arcmktplaceprod.japaneast.data.azurecr.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-arcmktplaceprod.westeurope.data.azurecr.io'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'arcmktplaceprod.westeurope.data.azurecr.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-arcmktplaceprod.westus2.data.azurecr.io'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'arcmktplaceprod.westus2.data.azurecr.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'http-80-azure.archive.ubuntu.com'
            description: 'Recommended; features: UbuntuUpdates'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'azure.archive.ubuntu.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'http-80-changelogs.ubuntu.com'
            description: 'Recommended; features: UbuntuUpdates'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'changelogs.ubuntu.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            #disable-next-line no-hardcoded-env-urls
            name: 'https-443-data.policy.core.windows.net'
            description: 'Required; features: AzurePolicy'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              #disable-next-line no-hardcoded-env-urls
              'data.policy.core.windows.net'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-dc.services.visualstudio.com'
            description: 'Required; features: Monitoring, AzurePolicy'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'dc.services.visualstudio.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-global.handler.control.monitor.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'global.handler.control.monitor.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-koreacentral.dp.kubernetesconfiguration.azure.com'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'koreacentral.dp.kubernetesconfiguration.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-koreacentral.handler.control.monitor.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'koreacentral.handler.control.monitor.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-koreacentral.ingest.monitor.azure.com'
            description: 'Required; features: Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'koreacentral.ingest.monitor.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            #disable-next-line no-hardcoded-env-urls
            name: 'https-443-login.microsoftonline.com'
            description: 'Required; features: Core, WorkloadIdentity, Defender, Monitoring'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              #disable-next-line no-hardcoded-env-urls
              'login.microsoftonline.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            #disable-next-line no-hardcoded-env-urls
            name: 'https-443-management.azure.com'
            description: 'Required; features: Core'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              #disable-next-line no-hardcoded-env-urls
              'management.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-marketplaceapi.microsoft.com'
            description: 'Required; features: ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'marketplaceapi.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-mcr-0001.mcr-msedge.net'
            description: 'Required; features: Core'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'mcr-0001.mcr-msedge.net'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-mcr.microsoft.com'
            description: 'Required; features: Core, ClusterExtensions'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'mcr.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-packages.aks.azure.com'
            description: 'Required; features: Core'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'packages.aks.azure.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-packages.microsoft.com'
            description: 'Required; features: Core'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'packages.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'http-80-security.ubuntu.com'
            description: 'Recommended; features: UbuntuUpdates'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'security.ubuntu.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-snapshot.ubuntu.com'
            description: 'Recommended; features: UbuntuUpdates'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'snapshot.ubuntu.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            #disable-next-line no-hardcoded-env-urls
            name: 'https-443-store.policy.core.windows.net'
            description: 'Required; features: AzurePolicy'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              #disable-next-line no-hardcoded-env-urls
              'store.policy.core.windows.net'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            #disable-next-line no-hardcoded-env-urls
            name: 'https-443-vault.azure.net'
            description: 'Required; features: KeyVaultSecretsProvider'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              #disable-next-line no-hardcoded-env-urls
              'vault.azure.net'
            ]
          }
        ]
      }
    ]
  }
}
