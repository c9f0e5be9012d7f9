# Azure Firewall policy rules for the outbound traffic of Azure Kubernetes Service, written by AksEgress.
# Creates the rule collection group "aks-egress" in an existing firewall policy:
#   network rule collection "aks-egress-network" (priority 100, Allow): 7 rules
#   application rule collection "aks-egress-application" (priority 200, Allow): 28 rules
# Needs Terraform >= 0.13 and the hashicorp/azurerm provider >= 3.75.0, < 5.0.0: 3.75.0 added the description of
# network rules. The provider works in the subscription of firewall_policy_id. Apply it as it is with:
#   terraform init && terraform apply -var firewall_policy_id=<policy resource id>
# Inside a configuration that already configures azurerm, leave out the terraform and provider blocks.
#
# NOTE: Network rules to FQDNs (ntp.ubuntu.com UDP/123) work only in a firewall policy with DNS proxy on. With var.dns_proxy_enabled true they allow the FQDN; with it false they allow any destination (*) on the same protocol and port instead, which deploys on any policy. It defaults to false here.

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

resource "azurerm_firewall_policy_rule_collection_group" "aks_egress" {
  name               = "aks-egress"
  firewall_policy_id = var.firewall_policy_id
  priority           = var.rule_collection_group_priority

  network_rule_collection {
    name     = "aks-egress-network"
    priority = 100
    action   = "Allow"

    rule {
      name                  = "udp-53-10.0.0.4"
      description           = "Required; features: Core; clusters: aks-gov"
      protocols             = ["UDP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["10.0.0.4"]
      destination_ports     = ["53"]
    }

    rule {
      name                  = "udp-53-10.0.0.5"
      description           = "Required; features: Core; clusters: aks-gov"
      protocols             = ["UDP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["10.0.0.5"]
      destination_ports     = ["53"]
    }

    rule {
      name                  = "tcp-443-20.1.2.3"
      description           = "Required; features: Core; clusters: aks-gov"
      protocols             = ["TCP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["20.1.2.3"]
      destination_ports     = ["443"]
    }

    rule {
      name                  = "tcp-9000-20.1.2.3"
      description           = "Required; features: Core; clusters: aks-gov"
      protocols             = ["TCP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["20.1.2.3"]
      destination_ports     = ["9000"]
    }

    rule {
      name                  = "udp-1194-20.1.2.3"
      description           = "Required; features: Core; clusters: aks-gov"
      protocols             = ["UDP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["20.1.2.3"]
      destination_ports     = ["1194"]
    }

    rule {
      name                  = "tcp-443-AzureMonitor"
      description           = "Required; features: Monitoring; clusters: aks-gov"
      protocols             = ["TCP"]
      source_addresses      = var.source_addresses
      destination_addresses = ["AzureMonitor"]
      destination_ports     = ["443"]
    }

    rule {
      name                  = "udp-123-ntp.ubuntu.com"
      description           = var.dns_proxy_enabled ? "Required; features: Core; clusters: aks-gov; the FQDN itself, since the DNS proxy input says the firewall policy has DNS proxy on" : "Required; features: Core; clusters: aks-gov; any destination (*) on UDP 123 in place of ntp.ubuntu.com: a network rule to an FQDN needs DNS proxy, and the DNS proxy input says the firewall policy has it off"
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
      name        = "https-443-wildcard.data.mcr.microsoft.com"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.data.mcr.microsoft.com"]
    }

    rule {
      name        = "https-443-wildcard.hcp.usgovvirginia.cx.aks.containerservice.azure.us"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.hcp.usgovvirginia.cx.aks.containerservice.azure.us"]
    }

    rule {
      name        = "https-443-wildcard.in.applicationinsights.azure.com"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.in.applicationinsights.azure.com"]
    }

    rule {
      name        = "https-443-wildcard.ingest.monitor.azure.us"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.ingest.monitor.azure.us"]
    }

    rule {
      name        = "https-443-wildcard.metrics.ingest.monitor.azure.us"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.metrics.ingest.monitor.azure.us"]
    }

    rule {
      name        = "http-80-wildcard.mp.microsoft.com"
      description = "Required; features: WindowsNodePool; clusters: aks-gov"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.mp.microsoft.com"]
    }

    rule {
      name        = "https-443-wildcard.ods.opinsights.azure.us"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.ods.opinsights.azure.us"]
    }

    rule {
      name        = "https-443-wildcard.oms.opinsights.azure.us"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["*.oms.opinsights.azure.us"]
    }

    rule {
      name        = "https-443-acs-mirror.azureedge.net"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["acs-mirror.azureedge.net"]
    }

    rule {
      name        = "http-80-azure.archive.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates; clusters: aks-gov"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["azure.archive.ubuntu.com"]
    }

    rule {
      name        = "http-80-changelogs.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates; clusters: aks-gov"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["changelogs.ubuntu.com"]
    }

    rule {
      name        = "http-80-ctldl.windowsupdate.com"
      description = "Required; features: WindowsNodePool; clusters: aks-gov"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["ctldl.windowsupdate.com"]
    }

    rule {
      name        = "https-443-dc.services.visualstudio.com"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["dc.services.visualstudio.com"]
    }

    rule {
      name        = "https-443-download.docker.com"
      description = "Required; features: GpuNodePool; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["download.docker.com"]
    }

    rule {
      name        = "https-443-global.handler.control.monitor.azure.us"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["global.handler.control.monitor.azure.us"]
    }

    rule {
      name        = "https-443-go.microsoft.com"
      description = "Required; features: WindowsNodePool; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["go.microsoft.com"]
    }

    rule {
      name        = "https-443-login.microsoftonline.us"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["login.microsoftonline.us"]
    }

    rule {
      name        = "https-443-management.usgovcloudapi.net"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["management.usgovcloudapi.net"]
    }

    rule {
      name        = "https-443-mcr.microsoft.com"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["mcr.microsoft.com"]
    }

    rule {
      name        = "https-443-nvidia.github.io"
      description = "Required; features: GpuNodePool; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["nvidia.github.io"]
    }

    rule {
      name        = "https-443-onegetcdn.azureedge.net"
      description = "Required; features: WindowsNodePool; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["onegetcdn.azureedge.net"]
    }

    rule {
      name        = "https-443-packages.aks.azure.com"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["packages.aks.azure.com"]
    }

    rule {
      name        = "https-443-packages.microsoft.com"
      description = "Required; features: Core; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["packages.microsoft.com"]
    }

    rule {
      name        = "http-80-security.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates; clusters: aks-gov"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["security.ubuntu.com"]
    }

    rule {
      name        = "https-443-snapshot.ubuntu.com"
      description = "Recommended; features: UbuntuUpdates; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["snapshot.ubuntu.com"]
    }

    rule {
      name        = "https-443-us.download.nvidia.com"
      description = "Required; features: GpuNodePool; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["us.download.nvidia.com"]
    }

    rule {
      name        = "https-443-usgovvirginia.handler.control.monitor.azure.us"
      description = "Required; features: Monitoring; clusters: aks-gov"
      protocols {
        type = "Https"
        port = 443
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["usgovvirginia.handler.control.monitor.azure.us"]
    }

    rule {
      name        = "http-80-www.msftconnecttest.com"
      description = "Required; features: WindowsNodePool; clusters: aks-gov"
      protocols {
        type = "Http"
        port = 80
      }
      source_addresses  = var.source_addresses
      destination_fqdns = ["www.msftconnecttest.com"]
    }
  }
}
