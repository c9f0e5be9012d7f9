using AksEgress.Clusters;

namespace AksEgress.Engine.Tests.Clusters
{
    /// <summary>Keys match case-insensitively whatever comparer the host's dictionary was built with.</summary>
    public sealed class PropertyTreeTests
    {
        [Fact]
        public void A_case_insensitive_dictionary_answers_in_any_case_and_a_miss_stays_a_miss()
        {
            var node = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["privateFQDN"] = "a.example", ["tenantId"] = null };

            Assert.Equal("a.example", PropertyTree.Get(node, "PrivateFqdn"));
            Assert.True(PropertyTree.Has(node, "TENANTID"));
            Assert.Null(PropertyTree.Get(node, "fqdn"));
            Assert.False(PropertyTree.Has(node, "subscriptionId"));
        }

        [Fact]
        public void A_case_sensitive_dictionary_is_still_matched_in_any_case()
        {
            var node = new Dictionary<string, object?>(StringComparer.Ordinal) { ["PrivateFQDN"] = "a.example", ["TenantId"] = null };
            IReadOnlyDictionary<string, object?> sorted = new SortedDictionary<string, object?>(node, StringComparer.Ordinal);

            Assert.Equal("a.example", PropertyTree.Get(node, "privateFqdn"));
            Assert.True(PropertyTree.Has(node, "tenantid"));
            Assert.Equal("a.example", PropertyTree.Get(sorted, "PRIVATEFQDN"));
            Assert.False(PropertyTree.Has(sorted, "subscriptionId"));
        }

        [Fact]
        public void A_dictionary_with_another_case_insensitive_comparer_is_scanned_too()
        {
            var node = new Dictionary<string, object?>(StringComparer.InvariantCultureIgnoreCase) { ["Location"] = "eastus" };

            Assert.Equal("eastus", PropertyTree.Get(node, "LOCATION"));
            Assert.Null(PropertyTree.Get(node, "name"));
        }
    }
}
