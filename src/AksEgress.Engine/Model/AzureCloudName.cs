namespace AksEgress
{
    /// <summary>The Azure clouds the catalog covers, named as Az.Accounts names its environments.</summary>
    public enum AzureCloudName
    {
        AzureCloud,
        AzureChinaCloud,
        AzureUSGovernment,
    }
}
