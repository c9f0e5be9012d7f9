// Azure Firewall policy rule collection group aks-egress with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule.
// Deploy it to the resource group of the existing firewall policy named by the firewallPolicyName parameter.
// Destinations that are not known yet are parameters without a default, to be given at deployment: customDnsServers.
// Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.

metadata comments = 'Azure Firewall policy rule collection group aks-egress with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule. Deploy it to the resource group of the existing firewall policy named by the firewallPolicyName parameter. Destinations that are not known yet are parameters without a default, to be given at deployment: customDnsServers. Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.'

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
            name: 'tcp-443-AzureMonitor'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
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
            description: 'Required; features: Core; clusters: aks-cn-1'
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
            description: dnsProxyEnabled ? 'Required; features: Core; clusters: aks-cn-1; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on' : 'Required; features: Core; clusters: aks-cn-1; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off'
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
            name: 'https-443-wildcard.azk8s.cn'
            description: 'Required; features: Core; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.azk8s.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.data.mcr.azure.cn'
            description: 'Required; features: Core; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.data.mcr.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.data.mcr.microsoft.com'
            description: 'Required; features: Core; clusters: aks-cn-1'
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
            name: 'https-443-wildcard.in.applicationinsights.azure.com'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
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
            name: 'https-443-wildcard.ingest.monitor.azure.cn'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ingest.monitor.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.metrics.ingest.monitor.azure.cn'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.metrics.ingest.monitor.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.ods.opinsights.azure.cn'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ods.opinsights.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.oms.opinsights.azure.cn'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.oms.opinsights.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'http-80-azure.archive.ubuntu.com'
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-cn-1'
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
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-cn-1'
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
            name: 'https-443-chinaeast2.handler.control.monitor.azure.cn'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'chinaeast2.handler.control.monitor.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-data.policy.azure.cn'
            description: 'Required; features: AzurePolicy; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'data.policy.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-dc.services.visualstudio.com'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
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
            name: 'https-443-global.handler.control.monitor.azure.cn'
            description: 'Required; features: Monitoring; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'global.handler.control.monitor.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-login.chinacloudapi.cn'
            description: 'Required; features: Core; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'login.chinacloudapi.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-management.chinacloudapi.cn'
            description: 'Required; features: Core; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'management.chinacloudapi.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-mcr.azure.cn'
            description: 'Required; features: Core; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'mcr.azure.cn'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-mcr.microsoft.com'
            description: 'Required; features: Core; clusters: aks-cn-1'
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
            name: 'https-443-packages.microsoft.com'
            description: 'Required; features: Core; clusters: aks-cn-1'
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
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-cn-1'
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
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-cn-1'
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
            name: 'https-443-store.policy.azure.cn'
            description: 'Required; features: AzurePolicy; clusters: aks-cn-1'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'store.policy.azure.cn'
            ]
          }
        ]
      }
    ]
  }
}
