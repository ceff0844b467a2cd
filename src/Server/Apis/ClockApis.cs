using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>The body of a clock change; each part is optional, and kept as raw JSON so a wrong value is named in the answer.</summary>
public sealed record ClockRequest(JsonElement? Speed, JsonElement? Paused, JsonElement? Advance, JsonElement? Step, JsonElement? Settle);

/// <summary>/api/sandboxes/{id}/clock: how fast the sandbox's simulated time runs, pausing it, jumping it ahead, stepping it write by write, and running it until it settles.</summary>
public static class ClockApis
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Shape = """{"speed": 10} or {"paused": true} or {"advance": "90s"} or {"step": 1} or {"settle": true}""";

    /// <summary>As many writes as one request may step through; more is what "advance" or "settle" are for.</summary>
    private const int MaxStep = 100;

    /// <summary>One advance runs as one turn of the sandbox; a day of timers is as much as one turn should take on.</summary>
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapClockApis(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/sandboxes/{id}/clock", GetAsync);
        routes.MapPost("/api/sandboxes/{id}/clock", ChangeAsync);
        return routes;
    }

    /// <summary>A viewer may read the clock: the page it watches shows it.</summary>
    private static async Task<Results<Ok<ClockState>, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Viewer, "", cancellationToken);
        if (grant is null) return refusal!;
        return TypedResults.Ok(await grant.Sandbox.ClockAsync());
    }

    private static async Task<Results<Ok<ClockState>, JsonHttpResult<Status>>> ChangeAsync(
        string id, HttpRequest request, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Owner, "changing its clock", cancellationToken);
        if (grant is null) return refusal!;
        var sandbox = grant.Sandbox;
        var (body, problem) = await JsonBody.ReadAsync<ClockRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return problem!;
        var (change, error) = Read(body);
        if (change is null) return StatusResults.Failure(StatusCodes.Status400BadRequest, error!);
        return TypedResults.Ok(await sandbox.ChangeClockAsync(change));
    }

    private static (ClockChange? Change, string? Error) Read(ClockRequest body)
    {
        if (body.Speed is null && body.Paused is null && body.Advance is null && body.Step is null && body.Settle is null)
            return (null, $"expected at least one of speed, paused, advance, step or settle: a JSON object {Shape}");
        if (new[] { body.Advance, body.Step, body.Settle }.Count(x => x is not null) > 1)
            return (null, "advance, step and settle each run the clock: send only one of them");

        double? speed = null;
        if (body.Speed is { } s)
        {
            if (s.ValueKind != JsonValueKind.Number || !s.TryGetDouble(out var value) || value is < ClockSettings.MinSpeed or > ClockSettings.MaxSpeed)
                return (null, $"speed must be a number from {Format(ClockSettings.MinSpeed)} to {Format(ClockSettings.MaxSpeed)} (simulated seconds per real second), got {s.GetRawText()}");
            speed = value;
        }

        bool? paused = null;
        if (body.Paused is { } p)
        {
            if (p.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return (null, $"paused must be true or false, got {p.GetRawText()}");
            paused = p.GetBoolean();
        }

        TimeSpan? advance = null;
        if (body.Advance is { } a)
        {
            if (a.ValueKind != JsonValueKind.String || !GoDurationParser.TryParse(a.GetString(), out var duration))
                return (null, $"advance must be a duration such as \"90s\", \"5m\" or \"1h30m\", got {a.GetRawText()}");
            if (duration <= TimeSpan.Zero || duration > MaxAdvance)
                return (null, $"advance must be more than 0s and at most 24h, got {a.GetRawText()}");
            advance = duration;
        }
        int? step = null;
        if (body.Step is { } st)
        {
            if (st.ValueKind != JsonValueKind.Number || !st.TryGetInt32(out var writes) || writes is < 1 or > MaxStep)
                return (null, $"step must be a whole number of writes from 1 to {MaxStep}, got {st.GetRawText()}");
            step = writes;
        }

        var settle = false;
        if (body.Settle is { } se)
        {
            if (se.ValueKind != JsonValueKind.True)
                return (null, $"settle must be true (run until the cluster is idle, at most 1h), got {se.GetRawText()}");
            settle = true;
        }
        return (new ClockChange(speed, paused, advance, step, settle), null);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
