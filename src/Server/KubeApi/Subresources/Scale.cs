using System.Text.Json.Nodes;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Server.KubeApi.Patching;

namespace Playground.Server.KubeApi.Subresources;

/// <summary>The scale subresource of deployments, replica sets and stateful sets: an autoscaling/v1 Scale whose spec.replicas is the object's.</summary>
public static class Scale
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call)
    {
        var path = call.Path;
        var obj = cluster.Api.Get(path.Type, path.Namespace, path.Name!);
        if (Replicas(obj) is null) return KubeResponse.NotFound();
        var current = Of(obj);
        var wanted = call.Method switch
        {
            "GET" => null,
            "PUT" => call.Body ?? throw ApiException.BadRequest("the request has no body: send the Scale as JSON"),
            "PATCH" => (call.Patch ?? throw ApiException.BadRequest("the PATCH request has no body: send the patch")).ApplyTo(current),
            _ => throw ApiException.MethodNotAllowed(),
        };
        if (wanted is null) return KubeResponse.Of(200, current);

        if (wanted["metadata"]?["resourceVersion"]?.ToString() is { Length: > 0 } version && version != obj.Metadata.ResourceVersion)
            throw ApiException.Conflict(path.Type, path.Name!);
        if (wanted["metadata"]?["name"]?.ToString() is { Length: > 0 } name && name != path.Name)
            throw ApiException.BadRequest($"the name of the object ({name}) does not match the name on the URL ({path.Name})");
        if (wanted["kind"] is { } kind && kind.ToString() != "Scale")
            throw ApiException.BadRequest($"the kind of the provided object ({kind.ToJsonString()}) is not Scale");
        if (wanted["metadata"]?["namespace"]?.ToString() is { Length: > 0 } ns && ns != path.Namespace)
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        var replicas = ReplicasOf(wanted, path.Name!);
        var before = KubeJson.ToNode(obj);
        SetReplicas(obj, replicas);
        var manager = FieldManager.Of(call);
        ManagedFields.RecordUpdate(obj, before, KubeJson.ToNode(obj), manager, path.Type.ApiVersion, cluster.Api.Now, subresource: "scale");
        var updated = cluster.Api.Update(obj, call.Write);
        return KubeResponse.Of(200, Of(updated));
    }

    /// <summary>scale.spec.replicas: a whole number, at least 0, or 422 worded as upstream's ValidateScale.</summary>
    private static int ReplicasOf(JsonObject scale, string name)
    {
        var node = scale["spec"]?["replicas"];
        if (node is null) return 0;
        if (node is not JsonValue value || !value.TryGetValue<int>(out var replicas))
            throw ApiException.BadRequest($"unable to decode spec.replicas: {node.ToJsonString()} is not an integer");
        if (replicas < 0)
        {
            var error = FieldError.Invalid("spec.replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 0");
            throw new ApiException(new Status
            {
                Code = 422,
                Reason = "Invalid",
                Message = $"Scale.autoscaling \"{name}\" is invalid: {error}",
                Details = new StatusDetails { Name = name, Group = "autoscaling", Kind = "Scale", Causes = [new StatusCause { Reason = error.Reason, Message = error.Detail, Field = error.Field }] },
            });
        }
        return replicas;
    }

    private static int? Replicas(KubeObject obj) => obj switch
    {
        Deployment d => d.Spec.Replicas ?? 1,
        ReplicaSet rs => rs.Spec.Replicas ?? 1,
        StatefulSet set => set.Spec.Replicas ?? 1,
        _ => null,
    };

    private static void SetReplicas(KubeObject obj, int replicas)
    {
        switch (obj)
        {
            case Deployment d: d.Spec.Replicas = replicas; break;
            case ReplicaSet rs: rs.Spec.Replicas = replicas; break;
            case StatefulSet set: set.Spec.Replicas = replicas; break;
        }
    }

    /// <summary>The Scale object (pkg/registry/apps/deployment/storage scaleFromDeployment).</summary>
    public static JsonObject Of(KubeObject obj)
    {
        var (statusReplicas, selector) = obj switch
        {
            Deployment d => (d.Status?.Replicas ?? 0, d.Spec.Selector),
            ReplicaSet rs => (rs.Status?.Replicas ?? 0, rs.Spec.Selector),
            StatefulSet set => (set.Status?.Replicas ?? 0, set.Spec.Selector),
            _ => (0, (LabelSelector?)null),
        };
        var meta = new JsonObject { ["name"] = obj.Metadata.Name, ["namespace"] = obj.Metadata.Namespace, ["uid"] = obj.Metadata.Uid, ["resourceVersion"] = obj.Metadata.ResourceVersion };
        if (obj.Metadata.CreationTimestamp is { } created) meta["creationTimestamp"] = KubeJson.FormatTime(created);
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = meta,
            ["spec"] = new JsonObject { ["replicas"] = Replicas(obj) },
            ["status"] = new JsonObject { ["replicas"] = statusReplicas, ["selector"] = LabelFormat.Selector(selector) },
        };
    }
}
