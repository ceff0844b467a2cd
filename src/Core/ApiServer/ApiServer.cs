using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Networking;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.ApiServer;

/// <summary>
/// The only way into the store: every read and write of every component and client goes through here, gets the
/// kind's defaults and validation, optimistic concurrency by resourceVersion, and is recorded with its actor and cause.
/// </summary>
public sealed partial class ApiServer(Store store, ResourceRegistry resources, Clock clock, Random random, IpAllocator ips)
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public Store Store => store;
    public ResourceRegistry Resources => resources;
    public DateTimeOffset Now => clock.Now;

    private StrategyContext Context => new(clock.Now, random, ips);

    /// <summary>Called as each write request arrives, before it reads anything: a step stops a piece of work here between two writes.</summary>
    internal Action? BeforeWrite { get; set; }

    /// <summary>What the sandbox may hold; null for no limits.</summary>
    public Admission.SandboxLimits? Limits { get; init; }

    /// <summary>
    /// A dry run draws names, uids and Service addresses from copies (a generator seeded by the revision, a copy of the
    /// allocator), so the real ones stay free and the sandbox's seeded sequence is the same as without it.
    /// </summary>
    private StrategyContext ContextFor(WriteContext write) =>
        write.DryRun ? new(clock.Now, new Random(unchecked((int)store.Revision)), ips.Copy()) : Context;

    public T Create<T>(T obj, WriteContext context) where T : KubeObject => (T)Create((KubeObject)obj, context);

    public KubeObject Create(KubeObject input, WriteContext context)
    {
        BeforeWrite?.Invoke();
        var type = resources.For(input.GetType());
        var obj = KubeJson.Clone(input);
        obj.ApiVersion = type.ApiVersion;
        obj.Kind = type.Kind;
        var meta = obj.Metadata;
        var strategy = ContextFor(context);
        meta.Namespace = type.Namespaced ? (string.IsNullOrEmpty(meta.Namespace) ? "default" : meta.Namespace) : null;
        if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
            meta.Name = meta.GenerateName + RandomSuffix(strategy.Random);
        if (type.Namespaced && meta.Namespace is { } ns && store.Get(new ObjectKey("namespaces", null, ns)) is null)
            throw ApiException.NotFound(resources.For<Namespace>(), ns);

        meta.Uid = NewUid(strategy.Random);
        meta.CreationTimestamp = clock.Now;
        meta.ResourceVersion = null;
        meta.DeletionTimestamp = null;
        meta.DeletionGracePeriodSeconds = null;
        meta.Generation = null;
        var admission = Admit(Admission.AdmissionOperation.Create, type, obj, null, context);
        type.Strategy.PrepareForCreate(obj, strategy);
        Refuse(type, meta.Name ?? "", type.Strategy.Validate(obj));

        var key = KeyOf(type, obj);
        if (store.Get(key) is not null) throw ApiException.AlreadyExists(type, key.Name);
        _admission.Validate(admission);
        if (obj is Service service) Refuse(type, key.Name, ServiceRules.Allocate(service, null, strategy));
        return Commit(WriteType.Added, key, type, obj, context);
    }

    public T Get<T>(string? ns, string name) where T : KubeObject => (T)Get(resources.For<T>(), ns, name);

    public T? TryGet<T>(string? ns, string name) where T : KubeObject => (T?)TryGet(resources.For<T>(), ns, name);

    public KubeObject Get(ResourceType type, string? ns, string name) =>
        TryGet(type, ns, name) ?? throw ApiException.NotFound(type, name);

    public KubeObject? TryGet(ResourceType type, string? ns, string name) =>
        store.Get(Key(type, ns, name)) is { } record ? Copy(record) : null;

    public IReadOnlyList<T> List<T>(string? ns = null, LabelSelector? selector = null) where T : KubeObject =>
        List(resources.For<T>(), ns, selector).Cast<T>().ToList();

    public IReadOnlyList<T> List<T>(string? ns, string labelSelector) where T : KubeObject =>
        List<T>(ns, LabelSelectors.Parse(labelSelector));

    /// <summary>Objects in key order; a null namespace lists all namespaces.</summary>
    public IReadOnlyList<KubeObject> List(ResourceType type, string? ns = null, LabelSelector? selector = null) =>
        store.List(type.Plural, type.Namespaced ? ns : null)
            .Where(r => selector is null || LabelSelectors.Matches(selector, r.Object.Metadata.Labels))
            .Select(Copy)
            .ToList();

    public T Update<T>(T obj, WriteContext context) where T : KubeObject => (T)Update((KubeObject)obj, context);

    public KubeObject Update(KubeObject input, WriteContext context) => Write(input, context, status: false);

    public T UpdateStatus<T>(T obj, WriteContext context) where T : KubeObject => (T)Write(obj, context, status: true);

    public T Delete<T>(string? ns, string name, WriteContext context, DeleteOptions? options = null) where T : KubeObject =>
        (T)Delete(resources.For<T>(), ns, name, context, options);

    /// <summary>
    /// Deletes, or starts a graceful deletion: a pod on a node, or an object with finalizers, only gets a
    /// deletionTimestamp, and its kubelet or the finalizer's owner completes the delete. Returns the object's last state.
    /// </summary>
    public KubeObject Delete(ResourceType type, string? ns, string name, WriteContext context, DeleteOptions? options = null)
    {
        BeforeWrite?.Invoke();
        var key = Key(type, ns, name);
        var record = store.Get(key) ?? throw ApiException.NotFound(type, name);
        var obj = Copy(record);
        CheckPreconditions(type, obj, options?.Preconditions);
        if (obj is Namespace { Spec.Finalizers.Count: > 0 } namespaceObject) return TerminateNamespace(type, key, namespaceObject, context);

        var grace = GracePeriod(obj, options);
        var finalizers = obj.Metadata.Finalizers ??= [];
        if (options?.PropagationPolicy == "Foreground" && !finalizers.Contains("foregroundDeletion")) finalizers.Add("foregroundDeletion");
        if (options?.PropagationPolicy == "Orphan" && !finalizers.Contains("orphan")) finalizers.Add("orphan");
        if (finalizers.Count == 0) obj.Metadata.Finalizers = null;

        if (obj.Metadata.Finalizers is not null || grace > 0)
        {
            var terminating = obj.Metadata.DeletionTimestamp is not null;
            if (terminating && grace >= (obj.Metadata.DeletionGracePeriodSeconds ?? 0) && record.Utf8Json.Span.SequenceEqual(KubeJson.SerializeToUtf8(obj)))
                return obj;
            obj.Metadata.DeletionTimestamp = clock.Now.AddSeconds(grace);
            obj.Metadata.DeletionGracePeriodSeconds = grace;
            if (obj.Metadata.Generation is { } generation && !terminating) obj.Metadata.Generation = generation + 1;
            return Commit(WriteType.Modified, key, type, obj, context);
        }
        return Remove(type, key, obj, context);
    }

    /// <summary>The binding subresource: the scheduler's only write, setting the pod's node.</summary>
    public Pod Bind(string ns, string podName, string nodeName, WriteContext context)
    {
        BeforeWrite?.Invoke();
        var type = resources.For<Pod>();
        var key = Key(type, ns, podName);
        var pod = (Pod)Copy(store.Get(key) ?? throw ApiException.NotFound(type, podName));
        if (!string.IsNullOrEmpty(pod.Spec.NodeName))
            throw new ApiException(new Status { Code = 409, Reason = "Conflict", Message = $"Operation cannot be fulfilled on pods/binding \"{podName}\": pod {podName} is already assigned to node \"{pod.Spec.NodeName}\"" });
        pod.Spec.NodeName = nodeName;
        var status = pod.Status ??= new PodStatus();
        (status.Conditions ??= []).RemoveAll(c => c.Type == "PodScheduled");
        status.Conditions.Add(new Condition { Type = "PodScheduled", Status = "True", LastTransitionTime = clock.Now });
        return (Pod)Commit(WriteType.Modified, key, type, pod, context);
    }

    private KubeObject Write(KubeObject input, WriteContext context, bool status)
    {
        BeforeWrite?.Invoke();
        var type = resources.For(input.GetType());
        var obj = KubeJson.Clone(input);
        obj.ApiVersion = type.ApiVersion;
        obj.Kind = type.Kind;
        var name = obj.Metadata.Name ?? "";
        var key = Key(type, type.Namespaced ? obj.Metadata.Namespace ?? "default" : null, name);
        var record = store.Get(key) ?? throw ApiException.NotFound(type, name);
        var old = record.Object;
        if (!string.IsNullOrEmpty(obj.Metadata.ResourceVersion) && obj.Metadata.ResourceVersion != old.Metadata.ResourceVersion)
            throw ApiException.Conflict(type, name);

        KeepSystemFields(obj.Metadata, old.Metadata, key);
        // The strategies take parts of the old object, so they get a private copy of it.
        if (status)
        {
            type.Strategy.PrepareForStatusUpdate(obj, Copy(record));
            Refuse(type, name, type.Strategy.ValidateStatusUpdate(obj));
        }
        else
        {
            var strategy = ContextFor(context);
            var admission = Admit(Admission.AdmissionOperation.Update, type, obj, old, context);
            type.Strategy.PrepareForUpdate(obj, Copy(record), strategy);
            Refuse(type, name, type.Strategy.ValidateUpdate(obj, old));
            _admission.Validate(admission);
            if (obj is Service service) Refuse(type, name, ServiceRules.Allocate(service, (Service)old, strategy));
        }
        if (obj.Metadata.Finalizers is { Count: 0 }) obj.Metadata.Finalizers = null;

        obj.Metadata.ResourceVersion = old.Metadata.ResourceVersion;
        var json = KubeJson.SerializeToUtf8(obj);
        if (record.Utf8Json.Span.SequenceEqual(json)) return Copy(record);
        if (obj.Metadata.DeletionTimestamp is not null && obj.Metadata.Finalizers is null && (obj.Metadata.DeletionGracePeriodSeconds ?? 0) == 0
            && !HasSpecFinalizers(obj))
            return Remove(type, key, obj, context);
        return Commit(WriteType.Modified, key, type, obj, context, json);
    }

    /// <summary>Stores the write and returns the object as stored; a dry run returns what would have been stored and stores nothing.</summary>
    private KubeObject Commit(WriteType write, ObjectKey key, ResourceType type, KubeObject obj, WriteContext context, byte[]? json = null) =>
        context.DryRun ? KubeJson.Clone(obj) : Copy(store.Commit(write, key, type, obj, context, clock.Now, json));

    private KubeObject Remove(ResourceType type, ObjectKey key, KubeObject obj, WriteContext context)
    {
        if (context.DryRun) return KubeJson.Clone(obj);
        var record = store.Commit(WriteType.Deleted, key, type, obj, context, clock.Now);
        type.Strategy.Released(obj, Context);
        return Copy(record);
    }

    /// <summary>Fields only the API server sets survive any update from a client.</summary>
    private static void KeepSystemFields(ObjectMeta meta, ObjectMeta old, ObjectKey key)
    {
        meta.Name = key.Name;
        meta.Namespace = key.Namespace;
        meta.Uid = old.Uid;
        meta.CreationTimestamp = old.CreationTimestamp;
        meta.DeletionTimestamp = old.DeletionTimestamp;
        meta.DeletionGracePeriodSeconds = old.DeletionGracePeriodSeconds;
        meta.Generation = old.Generation;
        meta.GenerateName ??= old.GenerateName;
    }

    private static long GracePeriod(KubeObject obj, DeleteOptions? options)
    {
        if (obj is not Pod pod) return 0;
        if (string.IsNullOrEmpty(pod.Spec.NodeName) || pod.Status?.Phase is "Succeeded" or "Failed") return 0;
        var grace = options?.GracePeriodSeconds ?? pod.Metadata.DeletionGracePeriodSeconds ?? pod.Spec.TerminationGracePeriodSeconds ?? 30;
        return Math.Max(0, grace);
    }

    private static void CheckPreconditions(ResourceType type, KubeObject obj, Preconditions? preconditions)
    {
        if (preconditions?.Uid is { } uid && uid != obj.Metadata.Uid)
            throw new ApiException(new Status { Code = 409, Reason = "Conflict", Message = $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{obj.Metadata.Name}\": Precondition failed: UID in precondition: {uid}, UID in object meta: {obj.Metadata.Uid}" });
        if (preconditions?.ResourceVersion is { } rv && rv != obj.Metadata.ResourceVersion)
            throw new ApiException(new Status { Code = 409, Reason = "Conflict", Message = $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{obj.Metadata.Name}\": Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {obj.Metadata.ResourceVersion}" });
    }

    private static void Refuse(ResourceType type, string name, IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        if (list.Count > 0) throw ApiException.Invalid(type, name, list);
    }

    private static KubeObject Copy(WriteRecord record) => KubeJson.Deserialize(record.Utf8Json.Span, record.Object.GetType());

    private static ObjectKey KeyOf(ResourceType type, KubeObject obj) => Key(type, obj.Metadata.Namespace, obj.Metadata.Name ?? "");

    public static ObjectKey Key(ResourceType type, string? ns, string name) =>
        new(type.Plural, type.Namespaced ? ns ?? "default" : null, name);

    private static string RandomSuffix(Random random) => string.Concat(Enumerable.Range(0, 5).Select(_ => NameAlphabet[random.Next(NameAlphabet.Length)]));

    private static string NewUid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
