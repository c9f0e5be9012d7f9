using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AksEgress.Clusters;
using AksEgress.Errors;

namespace AksEgress.Arm
{
    /// <summary>
    /// Rules for clusters read live through ARM: by id, piped (re-read when the piped shape hides features), or
    /// a whole fleet through Resource Graph. Every cluster ends in exactly one ClusterOutcome: rules or one error.
    /// </summary>
    public sealed class LiveClusterRules
    {
        private readonly RuleRequest _request;
        private string? _credentialFailure;
        private int _withoutExtensions;

        public LiveClusterRules(RuleRequest request, ArmClient? arm = null)
        {
            _request = request ?? throw new ArgumentNullException(nameof(request));
            Arm = arm;
        }

        /// <summary>The ARM client; null while no credential has been found (the host sets it when one is).</summary>
        public ArmClient? Arm { get; set; }

        /// <summary>Why there is no ARM client, for messages; set by the host with Arm left null.</summary>
        public string? WhyNoArm { get; set; }

        /// <summary>
        /// Whether this piped cluster will want ARM, so the host looks for credentials (on its own thread) first:
        /// -IncludeServiceReported, or a Get-AzAksCluster object whose hidden features a re-read would show.
        /// </summary>
        public bool NeedsArm(IReadOnlyDictionary<string, object?> tree)
        {
            try
            {
                return NeedsArm(ClusterProfileReader.Read(tree));
            }
            catch (AksEgressInputException)
            {
                return false; // it will be reported as it is processed
            }
        }

        public async Task<ClusterOutcome> ForResourceIdAsync(string resourceId, CancellationToken cancel)
        {
            string id;
            try
            {
                id = ClusterResourceId.Parse(resourceId);
            }
            catch (AksEgressInputException ex)
            {
                return ClusterOutcome.Failure(ex);
            }
            if (!ArmUsable) return ClusterOutcome.Failure(NoArm(ArmCallSite.ClusterRead, id));
            try
            {
                return await ReadLiveAsync(id, cancel).ConfigureAwait(false);
            }
            catch (ArmRequestException ex)
            {
                NoteFailure(ex);
                return ClusterOutcome.Failure(ArmFailures.ToError(ex, ArmCallSite.ClusterRead, ClusterResourceId.NameOf(id), id));
            }
        }

        private bool NeedsArm(ClusterProfile profile) =>
            profile.Id != null && (_request.IncludeServiceReported || profile.Undetectable.Count > 0);

        public Task<ClusterOutcome> ForPipedAsync(IReadOnlyDictionary<string, object?> tree, CancellationToken cancel) =>
            ForPipedAsync(tree, null, cancel);

        /// <param name="beforeArm">
        /// Called, before anything is awaited (so still on the caller's thread), when this cluster needs ARM: the host
        /// connects there on the pipeline thread. The object is read once for that decision and for its rules.
        /// </param>
        public async Task<ClusterOutcome> ForPipedAsync(IReadOnlyDictionary<string, object?> tree, Action? beforeArm, CancellationToken cancel)
        {
            ClusterProfile piped;
            try
            {
                piped = ClusterProfileReader.Read(tree, _request.StatedCloud);
            }
            catch (AksEgressInputException ex)
            {
                return ClusterOutcome.Failure(ex);
            }
            if (beforeArm != null && NeedsArm(piped)) beforeArm();
            if (piped.Id == null || piped.Undetectable.Count == 0)
            {
                var outcome = await DeriveAsync(piped, new List<string>(), null, cancel).ConfigureAwait(false);
                // Only clusters that got their rules count in the end-of-command note; a refused one has its own error.
                if (outcome.Error == null && !piped.ExtensionsKnown && piped.Shape != ClusterShape.AzAksObject && !_request.ExtraFeatures.Contains(AksFeature.ClusterExtensions))
                {
                    Interlocked.Increment(ref _withoutExtensions);
                }
                return outcome;
            }

            // A Get-AzAksCluster object hides security, monitoring and extension settings: read the real document.
            var id = ValidId(piped.Id);
            var whyNot = id == null ? $"its Id '{piped.Id}' is not the resource id of an AKS cluster" : WhyNoArmNow;
            if (id != null && ArmUsable)
            {
                try
                {
                    return await ReadLiveAsync(id, cancel).ConfigureAwait(false);
                }
                catch (ArmRequestException ex)
                {
                    whyNot = ex.Message;
                    NoteFailure(ex);
                }
            }
            return await DeriveAsync(piped, new List<string>(), whyNot, cancel).ConfigureAwait(false);
        }

        /// <summary>
        /// One warning for the end of the command when piped documents could not show their cluster extensions
        /// (no ARM or Resource Graph document carries them; only our own reads add them); null when none.
        /// </summary>
        public string? ExtensionsNote()
        {
            var count = Volatile.Read(ref _withoutExtensions);
            if (count == 0) return null;
            return $"{count} piped cluster document(s) do not list installed cluster extensions ('az aks show' output and Search-AzGraph rows never do), " +
                "so no ClusterExtensions rules were derived for them. Add -Feature ClusterExtensions for clusters that use extensions such as Flux or Dapr, " +
                "or read the clusters with -ResourceId or -All, which look the extensions up.";
        }

        /// <summary>
        /// Every cluster Resource Graph returns, each handed to <paramref name="sink"/> (from any thread) as it is
        /// done. Returns how many clusters were handed out. Throws AksEgressInputException (FleetQuery…) when a
        /// page cannot be read even after retries, once the clusters already read have been handed out.
        /// </summary>
        public async Task<int> ForFleetAsync(IReadOnlyList<string>? subscriptions, Action<ClusterOutcome> sink, Action<FleetProgress>? progress, CancellationToken cancel)
        {
            if (Arm == null) throw NoArm(ArmCallSite.FleetQuery, "ResourceGraph");
            var inFlight = new List<Task>();
            var handed = 0;
            using (var gate = new SemaphoreSlim(Math.Max(1, Arm.Options.MaxConcurrentRequests)))
            {
                try
                {
                    await new ResourceGraphClusters(Arm).QueryAsync(subscriptions, async page =>
                    {
                        for (var i = 0; i < page.Rows.Count; i++)
                        {
                            var row = page.Rows[i];
                            var where = $"Resource Graph page {page.Number}, row {i + 1}";
                            handed++;
                            if (!_request.IncludeServiceReported)
                            {
                                sink(await FromRowAsync(row, where, cancel).ConfigureAwait(false));
                                continue;
                            }
                            await gate.WaitAsync(cancel).ConfigureAwait(false);
                            inFlight.Add(Gated(row, where, gate, sink, cancel));
                        }
                        progress?.Invoke(new FleetProgress(page.Number, handed, page.TotalRecords));
                    }, cancel).ConfigureAwait(false);
                }
                catch (ArmRequestException ex)
                {
                    await Drain(inFlight).ConfigureAwait(false);
                    var error = ArmFailures.ToError(ex, ArmCallSite.FleetQuery, "", "ResourceGraph");
                    throw new AksEgressInputException(error.ErrorId,
                        $"{error.Message} {handed} cluster(s) were read before the failure; the rest were not read.", error.Target, error.Kind);
                }
                finally
                {
                    // Whatever ends the run (Ctrl+C included), no cluster's work outlives it or the gate it releases.
                    await Drain(inFlight).ConfigureAwait(false);
                }
            }
            return handed;
        }

        private static async Task Drain(List<Task> inFlight)
        {
            try
            {
                await Task.WhenAll(inFlight).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Cancelled cluster work: the caller is stopping anyway.
            }
        }

        private async Task Gated(IReadOnlyDictionary<string, object?>? row, string where, SemaphoreSlim gate, Action<ClusterOutcome> sink, CancellationToken cancel)
        {
            try
            {
                sink(await FromRowAsync(row, where, cancel).ConfigureAwait(false));
            }
            finally
            {
                gate.Release();
            }
        }

        private async Task<ClusterOutcome> FromRowAsync(IReadOnlyDictionary<string, object?>? row, string where, CancellationToken cancel)
        {
            if (row == null)
            {
                return ClusterOutcome.Failure(new AksEgressInputException("ResourceGraphRowMalformed",
                    $"{where} is not an object, so no cluster could be read from it. Run the command again; if it persists, report it.",
                    where, AksEgressErrorKind.InvalidData));
            }
            try
            {
                return await FromTreeAsync(row, Arm?.Cloud.Cloud, new List<string>(), null, cancel).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // A defect for one row must not cost the fleet its other clusters.
                return ClusterOutcome.Failure(new AksEgressInputException("ClusterRuleDerivationFailed",
                    $"The rules of the cluster at {where} could not be derived: {ex.Message}. Please report this.",
                    PropertyTree.String(row, "id") ?? where, AksEgressErrorKind.InvalidData));
            }
        }

        private Task<ClusterOutcome> FromTreeAsync(IReadOnlyDictionary<string, object?> tree, AzureCloudName? endpointCloud, List<string> warnings,
            string? whyNotReread, CancellationToken cancel)
        {
            ClusterProfile profile;
            try
            {
                profile = ClusterProfileReader.Read(tree, endpointCloud);
            }
            catch (AksEgressInputException ex)
            {
                return Task.FromResult(ClusterOutcome.Failure(ex, warnings));
            }
            return DeriveAsync(profile, warnings, whyNotReread, cancel);
        }

        private async Task<ClusterOutcome> DeriveAsync(ClusterProfile profile, List<string> warnings, string? whyNotReread, CancellationToken cancel)
        {
            var who = profile.Name ?? profile.Id ?? "(unnamed)";
            IReadOnlyList<AksEgressRule> rules;
            try
            {
                var derived = ClusterRules.Derive(profile, _request, whyNotReread);
                warnings.AddRange(derived.Warnings);
                rules = derived.Rules;
            }
            catch (AksEgressInputException ex)
            {
                return ClusterOutcome.Failure(ex, warnings);
            }
            if (!_request.IncludeServiceReported) return ClusterOutcome.Success(profile.Id ?? profile.Name, rules, warnings);

            if (profile.Id == null)
            {
                return ClusterOutcome.Failure(new AksEgressInputException("ServiceReportedNeedsClusterId",
                    $"Cluster '{who}' has no id, so its service-reported endpoints cannot be asked for. Pipe the whole cluster object, or leave out -IncludeServiceReported.",
                    profile.Name, AksEgressErrorKind.InvalidData), warnings);
            }
            var clusterId = ValidId(profile.Id);
            if (clusterId == null)
            {
                return ClusterOutcome.Failure(new AksEgressInputException("ServiceReportedInvalidClusterId",
                    $"Cluster '{who}' has the id '{profile.Id}', which is not the resource id of an AKS cluster, so its service-reported endpoints were not asked for. Pipe the cluster as ARM or Get-AzAksCluster gives it, or leave out -IncludeServiceReported.",
                    profile.Id, AksEgressErrorKind.InvalidData), warnings);
            }
            if (!ArmUsable) return ClusterOutcome.Failure(NoArm(ArmCallSite.ServiceReported, profile.Id), warnings);
            try
            {
                var endpoints = await new ClusterReads(Arm!).ListServiceEndpointsAsync(clusterId, cancel).ConfigureAwait(false);
                var context = new ServiceMergeContext
                {
                    Cloud = profile.Cloud,
                    Location = profile.Location,
                    ClusterName = profile.Name,
                    ClusterId = profile.Id,
                    ClusterProxy = Planning.ClusterProxyColumns.From(profile.HttpProxy),
                    CatalogRules = WholeCatalog(profile),
                    ClusterFeatures = profile.Features,
                };
                return ClusterOutcome.Success(profile.Id, ServiceReportedMerge.Merge(rules, endpoints, context), warnings);
            }
            catch (ArmRequestException ex)
            {
                NoteFailure(ex);
                return ClusterOutcome.Failure(ArmFailures.ToError(ex, ArmCallSite.ServiceReported, who, profile.Id), warnings);
            }
            catch (AksEgressInputException ex)
            {
                return ClusterOutcome.Failure(new AksEgressInputException(ex.ErrorId, $"Cluster '{who}': {ex.Message}", profile.Id, ex.Kind), warnings);
            }
        }

        /// <summary>Every catalog row of the cluster's cloud and region (all features, editions and requirements; memoized per shape).</summary>
        private static IReadOnlyList<AksEgressRule> WholeCatalog(ClusterProfile profile) =>
            Planning.RuleDeriver.Default.Derive(new Planning.RulePlan
            {
                Cloud = profile.Cloud,
                Location = profile.Location,
                Features = new List<AksFeature>((AksFeature[])Enum.GetValues(typeof(AksFeature))),
                Requirements = new List<RuleRequirement>((RuleRequirement[])Enum.GetValues(typeof(RuleRequirement))),
                IncludeLegacy = true,
                LegacyTunnel = true,
                FromClusterDocument = true,
            }).Rules;

        /// <summary>The id when it names an AKS cluster (ARM paths only: never a URL that would carry the token elsewhere); else null.</summary>
        private static string? ValidId(string? id)
        {
            try
            {
                return ClusterResourceId.Parse(id);
            }
            catch (AksEgressInputException)
            {
                return null;
            }
        }

        /// <summary>
        /// Reads the cluster and its extensions through ARM and derives its rules. A failed cluster read throws; an
        /// extension list that cannot be read is a warning, not a failure ("extensionTypes" is then left out).
        /// </summary>
        private async Task<ClusterOutcome> ReadLiveAsync(string id, CancellationToken cancel)
        {
            var reads = new ClusterReads(Arm!);
            var tree = await reads.GetClusterAsync(id, cancel).ConfigureAwait(false);
            var warnings = new List<string>();
            try
            {
                tree["extensionTypes"] = new List<object?>(await reads.ListExtensionTypesAsync(id, cancel).ConfigureAwait(false));
            }
            catch (ArmRequestException ex)
            {
                var error = ArmFailures.ToError(ex, ArmCallSite.ExtensionList, ClusterResourceId.NameOf(id), id);
                warnings.Add($"{error.Message} Its ClusterExtensions rules are included only with -Feature ClusterExtensions.");
            }
            return await FromTreeAsync(tree, Arm!.Cloud.Cloud, warnings, null, cancel).ConfigureAwait(false);
        }

        /// <summary>Whether ARM may be called: there is a client and no sign-in has failed yet.</summary>
        private bool ArmUsable => Arm != null && Volatile.Read(ref _credentialFailure) == null;

        /// <summary>Why ARM is not called, for messages.</summary>
        private string WhyNoArmNow => Volatile.Read(ref _credentialFailure) ?? WhyNoArm ?? "no Azure credential was found";

        /// <summary>One failed sign-in is enough: the next clusters report it at once instead of trying the chain again.</summary>
        private void NoteFailure(ArmRequestException ex)
        {
            if (ex.Reason == ArmFailureReason.CredentialUnavailable) Interlocked.CompareExchange(ref _credentialFailure, ex.Message, null);
        }

        private AksEgressInputException NoArm(ArmCallSite site, object target) =>
            new AksEgressInputException(site + nameof(ArmFailureReason.CredentialUnavailable),
                $"ARM cannot be called: {WhyNoArmNow.TrimEnd('.')}. {ArmFailures.SignInAdvice}",
                target, AksEgressErrorKind.AuthenticationError);
    }
}
