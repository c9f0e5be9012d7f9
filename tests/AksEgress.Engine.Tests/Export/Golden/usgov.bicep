// Azure Firewall policy rule collection group aks-egress with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule.
// Deploy it to the resource group of the existing firewall policy named by the firewallPolicyName parameter.
// Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.

metadata comments = 'Azure Firewall policy rule collection group aks-egress with the outbound rules that Azure Kubernetes Service (AKS) clusters need, written by Export-AksEgressRule. Deploy it to the resource group of the existing firewall policy named by the firewallPolicyName parameter. Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With the dnsProxyEnabled parameter true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.'

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
            name: 'udp-53-10.0.0.4'
            description: 'Required; features: Core; clusters: aks-gov'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              '10.0.0.4'
            ]
            destinationPorts: [
              '53'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'udp-53-10.0.0.5'
            description: 'Required; features: Core; clusters: aks-gov'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              '10.0.0.5'
            ]
            destinationPorts: [
              '53'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'tcp-443-20.1.2.3'
            description: 'Required; features: Core; clusters: aks-gov'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              '20.1.2.3'
            ]
            destinationPorts: [
              '443'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'tcp-9000-20.1.2.3'
            description: 'Required; features: Core; clusters: aks-gov'
            ipProtocols: [
              'TCP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              '20.1.2.3'
            ]
            destinationPorts: [
              '9000'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'udp-1194-20.1.2.3'
            description: 'Required; features: Core; clusters: aks-gov'
            ipProtocols: [
              'UDP'
            ]
            sourceAddresses: sourceAddresses
            destinationAddresses: [
              '20.1.2.3'
            ]
            destinationPorts: [
              '1194'
            ]
          }
          {
            ruleType: 'NetworkRule'
            name: 'tcp-443-AzureMonitor'
            description: 'Required; features: Monitoring; clusters: aks-gov'
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
            name: 'udp-123-ntp.ubuntu.com'
            description: dnsProxyEnabled ? 'Required; features: Core; clusters: aks-gov; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on' : 'Required; features: Core; clusters: aks-gov; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off'
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
            name: 'https-443-wildcard.data.mcr.microsoft.com'
            description: 'Required; features: Core; clusters: aks-gov'
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
            name: 'https-443-wildcard.hcp.usgovvirginia.cx.aks.containerservice.azure.us'
            description: 'Required; features: Core; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.hcp.usgovvirginia.cx.aks.containerservice.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.in.applicationinsights.azure.com'
            description: 'Required; features: Monitoring; clusters: aks-gov'
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
            name: 'https-443-wildcard.ingest.monitor.azure.us'
            description: 'Required; features: Monitoring; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ingest.monitor.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.metrics.ingest.monitor.azure.us'
            description: 'Required; features: Monitoring; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.metrics.ingest.monitor.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'http-80-wildcard.mp.microsoft.com'
            description: 'Required; features: WindowsNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.mp.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.ods.opinsights.azure.us'
            description: 'Required; features: Monitoring; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.ods.opinsights.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-wildcard.oms.opinsights.azure.us'
            description: 'Required; features: Monitoring; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              '*.oms.opinsights.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-acs-mirror.azureedge.net'
            description: 'Required; features: Core; clusters: aks-gov'
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
            name: 'http-80-azure.archive.ubuntu.com'
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-gov'
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
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-gov'
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
            name: 'http-80-ctldl.windowsupdate.com'
            description: 'Required; features: WindowsNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'ctldl.windowsupdate.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-dc.services.visualstudio.com'
            description: 'Required; features: Monitoring; clusters: aks-gov'
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
            name: 'https-443-download.docker.com'
            description: 'Required; features: GpuNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'download.docker.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-global.handler.control.monitor.azure.us'
            description: 'Required; features: Monitoring; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'global.handler.control.monitor.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-go.microsoft.com'
            description: 'Required; features: WindowsNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'go.microsoft.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-login.microsoftonline.us'
            description: 'Required; features: Core; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'login.microsoftonline.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-management.usgovcloudapi.net'
            description: 'Required; features: Core; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'management.usgovcloudapi.net'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-mcr.microsoft.com'
            description: 'Required; features: Core; clusters: aks-gov'
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
            name: 'https-443-nvidia.github.io'
            description: 'Required; features: GpuNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'nvidia.github.io'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-onegetcdn.azureedge.net'
            description: 'Required; features: WindowsNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'onegetcdn.azureedge.net'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-packages.aks.azure.com'
            description: 'Required; features: Core; clusters: aks-gov'
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
            description: 'Required; features: Core; clusters: aks-gov'
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
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-gov'
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
            description: 'Recommended; features: UbuntuUpdates; clusters: aks-gov'
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
            name: 'https-443-us.download.nvidia.com'
            description: 'Required; features: GpuNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'us.download.nvidia.com'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'https-443-usgovvirginia.handler.control.monitor.azure.us'
            description: 'Required; features: Monitoring; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Https'
                port: 443
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'usgovvirginia.handler.control.monitor.azure.us'
            ]
          }
          {
            ruleType: 'ApplicationRule'
            name: 'http-80-www.msftconnecttest.com'
            description: 'Required; features: WindowsNodePool; clusters: aks-gov'
            protocols: [
              {
                protocolType: 'Http'
                port: 80
              }
            ]
            sourceAddresses: sourceAddresses
            targetFqdns: [
              'www.msftconnecttest.com'
            ]
          }
        ]
      }
    ]
  }
}
