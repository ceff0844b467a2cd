namespace Playground.Core.Scheduling.Framework;

public enum FilterCode
{
    Success,

    /// <summary>The node does not fit now, but might after preemption frees room on it.</summary>
    Unschedulable,

    /// <summary>The node cannot fit the pod whatever is removed from it (a selector, a taint, a cordon).</summary>
    UnschedulableAndUnresolvable,
}

/// <summary>A filter plugin's verdict on one node, with the reasons a person reads in FailedScheduling.</summary>
public sealed record FilterResult(FilterCode Code, IReadOnlyList<string> Reasons)
{
    public static readonly FilterResult Success = new(FilterCode.Success, []);

    public bool IsSuccess => Code == FilterCode.Success;

    public static FilterResult Unschedulable(params string[] reasons) => new(FilterCode.Unschedulable, reasons);

    public static FilterResult Unresolvable(params string[] reasons) => new(FilterCode.UnschedulableAndUnresolvable, reasons);
}
