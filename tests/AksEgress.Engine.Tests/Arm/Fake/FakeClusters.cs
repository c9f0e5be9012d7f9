namespace AksEgress.Tests.Arm.Fake
{
    /// <summary>
    /// Minimal valid ARM managedClusters documents, for fleets of thousands: plain string formatting, no JSON
    /// objects built, and every field the engine reads to classify a cluster present.
    /// </summary>
    public static class FakeClusters
    {
        public static string Id(string subscription, string resourceGroup, string name) =>
            $"/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/Microsoft.ContainerService/managedClusters/{name}";

        /// <summary>A public, Running, user-defined-routing cluster with one Linux Standard_D4ds_v5 pool.</summary>
        public static string Document(string subscription, string resourceGroup, string name, string location = "eastus") =>
            $$"""
            {
              "id": "{{Id(subscription, resourceGroup, name)}}",
              "name": "{{name}}",
              "type": "Microsoft.ContainerService/ManagedClusters",
              "location": "{{location}}",
              "properties": {
                "provisioningState": "Succeeded",
                "powerState": { "code": "Running" },
                "kubernetesVersion": "1.30.6",
                "dnsPrefix": "{{name}}-dns",
                "fqdn": "{{name}}-dns-12345678.hcp.{{location}}.azmk8s.io",
                "agentPoolProfiles": [
                  {
                    "name": "system",
                    "count": 3,
                    "vmSize": "Standard_D4ds_v5",
                    "type": "VirtualMachineScaleSets",
                    "mode": "System",
                    "osType": "Linux",
                    "osSKU": "Ubuntu"
                  }
                ],
                "addonProfiles": {},
                "nodeResourceGroup": "MC_{{resourceGroup}}_{{name}}_{{location}}",
                "networkProfile": {
                  "networkPlugin": "azure",
                  "networkPluginMode": "overlay",
                  "outboundType": "userDefinedRouting"
                }
              }
            }
            """;
    }
}
