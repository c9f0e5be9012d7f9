# Azure Firewall policy rules for the outbound traffic of Azure Kubernetes Service, written by AksEgress.
# Creates the rule collection group "aks-egress" in an existing firewall policy:
#   network rule collection "aks-egress-network" (priority 100, Allow): 4 rules
#   application rule collection "aks-egress-application" (priority 200, Allow): 37 rules
# Needs Terraform >= 0.13 and the hashicorp/azurerm provider >= 3.75.0, < 5.0.0: 3.75.0 added the description of
# network rules. The provider works in the subscription of firewall_policy_id. Apply it as it is with:
#   terraform init && terraform apply -var firewall_policy_id=<policy resource id>
# Inside a configuration that already configures azurerm, leave out the terraform and provider blocks.
#
# NOTE: Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With var.dns_proxy_enabled true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.
#
# Destinations only you know are variables without a default: api_server_public_ip, custom_dns_servers.

terraform {
  required_version = ">= 0.13"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = ">= 3.75.0, < 5.0.0"
    }
  }
}

provider "azurerm" {
  subscription_id = split("/", var.firewall_policy_id)[2]

  features {}
}

variable "firewall_policy_id" {
  type        = string
  description = "Resource id of the existing Azure Firewall policy that receives the rule collection group."

  validation {
    condition     = can(regex("(?i)^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.Network/firewallPolicies/[^/]+$", var.firewall_policy_id))
    error_message = "The firewall_policy_id must be a firewall policy resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/firewallPolicies/<name>."
  }
}

variable "rule_collection_group_priority" {
  type        = number
  description = "Priority of the rule collection group, from 100 (evaluated first) to 65000."
  default     = 500

  validation {
    condition     = var.rule_collection_group_priority >= 100 && var.rule_collection_group_priority <= 65000
    error_message = "The rule collection group priority must be from 100 to 65000."
  }
}

variable "source_addresses" {
  type        = list(string)
  description = "Source addresses or CIDRs the rules allow (the node subnets of the cluster)."
  default     = ["10.240.0.0/16"]
}

variable "dns_proxy_enabled" {
  type        = bool
  description = "Whether the firewall policy has DNS proxy on. Azure accepts a network rule to an FQDN only then: true allows the FQDN itself, false allows any destination (*) on the same protocol and port instead, which deploys on any policy."
  default     = false
}

variable "api_server_public_ip" {
  type        = string
  description = "Public IP address of the cluster's API server (the APIServerPublicIP destination); the rule matters only if pods reach the API server by its IP."
}

variable "custom_dns_servers" {
  type        = list(string)
  description = "IP addresses of the custom DNS servers of the cluster's virtual network (the CustomDnsIP destination)."
}

resource "azurerm_firewall_policy_rule_collection_group" "aks_egress" {
  name               = "aks-egress"
  firewall_policy_id = var.firewall_policy_id
  priority           = var.rule_collection_group_priority

  network_rule_collection {
    name     = "aks-egress-network"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "tcp-443-APIServerPublicIP"
      description           = "Required; features: Core"
      protocols             = ["TCP"]
      source_addresses      = var.source_addresses
      destination_addresses = [var.api_server_public_ip]
      destination_ports     = ["443"]
    }

    rule {
      name                  = "tcp-443-AzureMonitor"
      description           = "Required; features: Monitoring"
      protocols             = ["TCP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["AzureMonitor"]
      destination_ports     = ["443"]
    }

    rule {
      name                  = "udp-53-CustomDnsIP"
      description           = "Required; features: Core"
      protocols             = ["UDP"]
      source_addresses      = var.source_addresses
      destination_addresses = var.custom_dns_servers
      destination_ports     = ["53"]
    }

    rule {
      name                  = "udp-123-ntp.ubuntu.com"
      description           = var.dns_proxy_enabled ? "Required; features: Core; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on" : "Required; features: Core; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off"
      protocols             = ["UDP"]
      source_addresses      = var.source_addresses
      destination_addresses = var.dns_proxy_enabled ? [] : ["*"]
      destination_fqdns     = var.dns_proxy_enabled ? ["ntp.ubuntu.com"] : []
      destination_ports     = ["123"]
    }
  }

  application_rule_collection {
    name     = "aks-egress-application"
    priority = 200
    action   = "Allow"

    rule {
      name        = "https-443-wildcard.cloud.defender.microsoft.com"
      description = "Required; features: Defender"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.cloud.defender.microsoft.com"]
    }

    rule {
      name        = "https-443-wildcard.data.mcr.microsoft.com"
      description = "Required; features: Core, ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.data.mcr.microsoft.com"]
    }

    rule {
      name        = "https-443-wildcard.hcp.koreacentral.azmk8s.io"
      description = "Required; features: Core"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.hcp.koreacentral.azmk8s.io"]
    }

    rule {
      name        = "https-443-wildcard.in.applicationinsights.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.in.applicationinsights.azure.com"]
    }

    rule {
      name        = "https-443-wildcard.ingest.monitor.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.ingest.monitor.azure.com"]
    }

    rule {
      name        = "https-443-wildcard.ingestion.msftcloudes.com"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.ingestion.msftcloudes.com"]
    }

    rule {
      name        = "https-443-wildcard.metrics.ingest.monitor.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.metrics.ingest.monitor.azure.com"]
    }

    rule {
      name        = "https-443-wildcard.microsoftmetrics.com"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.microsoftmetrics.com"]
    }

    rule {
      name        = "https-443-wildcard.monitoring.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.monitoring.azure.com"]
    }

    rule {
      name        = "https-443-wildcard.ods.opinsights.azure.com"
      description = "Required; features: Defender, Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.ods.opinsights.azure.com"]
    }

    rule {
      name        = "https-443-wildcard.oms.opinsights.azure.com"
      description = "Required; features: Defender, Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.oms.opinsights.azure.com"]
    }

    rule {
      name        = "https-443-acs-mirror.azureedge.net"
      description = "Required; features: Core"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["acs-mirror.azureedge.net"]
    }

    rule {
      name        = "https-443-arcmktplaceprod.azurecr.io"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["arcmktplaceprod.azurecr.io"]
    }

    rule {
      name        = "https-443-arcmktplaceprod.centralindia.data.azurecr.io"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["arcmktplaceprod.centralindia.data.azurecr.io"]
    }

    rule {
      name        = "https-443-arcmktplaceprod.eastus.data.azurecr.io"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["arcmktplaceprod.eastus.data.azurecr.io"]
    }

    rule {
      name        = "https-443-arcmktplaceprod.japaneast.data.azurecr.io"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["arcmktplaceprod.japaneast.data.azurecr.io"]
    }

    rule {
      name        = "https-443-arcmktplaceprod.westeurope.data.azurecr.io"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["arcmktplaceprod.westeurope.data.azurecr.io"]
    }

    rule {
      name        = "https-443-arcmktplaceprod.westus2.data.azurecr.io"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["arcmktplaceprod.westus2.data.azurecr.io"]
    }

    rule {
      name        = "http-80-azure.archive.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["azure.archive.ubuntu.com"]
    }

    rule {
      name        = "http-80-changelogs.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["changelogs.ubuntu.com"]
    }

    rule {
      name        = "https-443-data.policy.core.windows.net"
      description = "Required; features: AzurePolicy"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["data.policy.core.windows.net"]
    }

    rule {
      name        = "https-443-dc.services.visualstudio.com"
      description = "Required; features: Monitoring, AzurePolicy"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["dc.services.visualstudio.com"]
    }

    rule {
      name        = "https-443-global.handler.control.monitor.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["global.handler.control.monitor.azure.com"]
    }

    rule {
      name        = "https-443-koreacentral.dp.kubernetesconfiguration.azure.com"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["koreacentral.dp.kubernetesconfiguration.azure.com"]
    }

    rule {
      name        = "https-443-koreacentral.handler.control.monitor.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["koreacentral.handler.control.monitor.azure.com"]
    }

    rule {
      name        = "https-443-koreacentral.ingest.monitor.azure.com"
      description = "Required; features: Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["koreacentral.ingest.monitor.azure.com"]
    }

    rule {
      name        = "https-443-login.microsoftonline.com"
      description = "Required; features: Core, WorkloadIdentity, Defender, Monitoring"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["login.microsoftonline.com"]
    }

    rule {
      name        = "https-443-management.azure.com"
      description = "Required; features: Core"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["management.azure.com"]
    }

    rule {
      name        = "https-443-marketplaceapi.microsoft.com"
      description = "Required; features: ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["marketplaceapi.microsoft.com"]
    }

    rule {
      name        = "https-443-mcr-0001.mcr-msedge.net"
      description = "Required; features: Core"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["mcr-0001.mcr-msedge.net"]
    }

    rule {
      name        = "https-443-mcr.microsoft.com"
      description = "Required; features: Core, ClusterExtensions"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["mcr.microsoft.com"]
    }

    rule {
      name        = "https-443-packages.aks.azure.com"
      description = "Required; features: Core"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["packages.aks.azure.com"]
    }

    rule {
      name        = "https-443-packages.microsoft.com"
      description = "Required; features: Core"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["packages.microsoft.com"]
    }

    rule {
      name        = "http-80-security.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["security.ubuntu.com"]
    }

    rule {
      name        = "https-443-snapshot.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["snapshot.ubuntu.com"]
    }

    rule {
      name        = "https-443-store.policy.core.windows.net"
      description = "Required; features: AzurePolicy"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["store.policy.core.windows.net"]
    }

    rule {
      name        = "https-443-vault.azure.net"
      description = "Required; features: KeyVaultSecretsProvider"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["vault.azure.net"]
    }
  }
}
