using System.Globalization;
using Playground.Core.Kubectl.Printers;
using Playground.Core.Storage;

namespace Playground.Client.Cluster.Map;

/// <summary>How the map writes amounts and times: as kubectl does where kubectl has a way.</summary>
public static class MapText
{
    /// <summary>Millicores as a request is written: "750m", or whole cores as "2".</summary>
    public static string Cpu(long milli) => milli % 1000 == 0 ? (milli / 1000).ToString(CultureInfo.InvariantCulture) : $"{milli}m";

    /// <summary>Bytes in the unit people read: kubelets report memory in Ki ("4194304Ki"), people read "4Gi".</summary>
    public static string Bytes(long bytes)
    {
        const decimal Ki = 1024m, Mi = Ki * 1024, Gi = Mi * 1024;
        return bytes switch
        {
            0 => "0",
            >= (long)Gi => (bytes / Gi).ToString("0.#", CultureInfo.InvariantCulture) + "Gi",
            >= (long)Mi => (bytes / Mi).ToString("0.#", CultureInfo.InvariantCulture) + "Mi",
            _ => (bytes / Ki).ToString("0.#", CultureInfo.InvariantCulture) + "Ki",
        };
    }

    /// <summary>"5s ago" in the cluster's simulated time, with kubectl's AGE rounding.</summary>
    public static string Ago(DateTimeOffset time, DateTimeOffset now) => HumanDuration.Format(now - time) + " ago";

    /// <summary>"replicaset-controller: create Pod default/web-7d4-x2" — who wrote what; a binding also names its node.</summary>
    public static string Action(WriteRecord write, bool withActor = true)
    {
        var step = Trace.TraceText.Step(write);
        if (Trace.TraceText.Verb(write) == "bind" && write.Object is Playground.Core.Api.Core.Pod { Spec.NodeName: { } node }) step += $" to {node}";
        return withActor ? $"{write.Actor}: {step}" : step;
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
