using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Controllers.History;

namespace Playground.Core.Kubectl.Commands;

/// <summary>A StatefulSet's or DaemonSet's ControllerRevisions as kubectl's history viewers and rollbackers read them.</summary>
public static class ControllerRevisions
{
    /// <summary>The revisions this StatefulSet or DaemonSet controls, by revision number.</summary>
    public static SortedDictionary<long, ControllerRevision> Owned(ApiServer.ApiServer api, KubeObject owner)
    {
        var history = new SortedDictionary<long, ControllerRevision>();
        foreach (var revision in ControllerHistory.Owned(api.List<ControllerRevision>(owner.Metadata.Namespace), owner))
            history[revision.Revision] = revision;
        return history;
    }

    public static PodTemplateSpec? Template(KubeObject obj) => obj switch
    {
        StatefulSet set => set.Spec.Template,
        DaemonSet ds => ds.Spec.Template,
        _ => null,
    };

    /// <summary>Upstream's StatefulSet/DaemonSet rollbacker: puts an earlier revision's template back; true when something changed.</summary>
    public static string Rollback(ApiServer.ApiServer api, KubeObject obj, long toRevision)
    {
        if (toRevision < 0) throw KubectlException.Error($"unable to find specified revision {toRevision} in history");
        var history = Owned(api, obj).Values.ToList();
        if (toRevision == 0 && history.Count <= 1) throw KubectlException.Error("no last revision to roll back to");
        var target = toRevision == 0 ? history[^2] : history.FirstOrDefault(r => r.Revision == toRevision)
            ?? throw KubectlException.Error($"unable to find specified revision {toRevision} in history");
        var template = ControllerHistory.Template(target);
        if (Serialization.KubeJson.SerializeValue(template) == Serialization.KubeJson.SerializeValue(Template(obj)))
            return $"skipped rollback (current template already matches revision {toRevision})";
        switch (obj)
        {
            case StatefulSet set: set.Spec.Template = template; break;
            case DaemonSet ds: ds.Spec.Template = template; break;
        }
        api.Update(obj, ApiServer.WriteContext.Kubectl);
        return "rolled back";
    }
}
