using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>The body of a clock change; each part is optional, and kept as raw JSON so a wrong value is named in the answer.</summary>
public sealed record ClockRequest(JsonElement? Speed, JsonElement? Paused, JsonElement? Advance);

/// <summary>/api/sandboxes/{id}/clock: how fast the sandbox's simulated time runs, pausing it, and jumping it ahead.</summary>
public static class ClockApis
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Shape = """{"speed": 10} or {"paused": true} or {"advance": "90s"}""";

    /// <summary>One advance runs as one turn of the sandbox; a day of timers is as much as one turn should take on.</summary>
    private static readonly TimeSpan MaxAdvance = TimeSpan.FromHours(24);

    public static IEndpointRouteBuilder MapClockApis(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/sandboxes/{id}/clock", GetAsync);
        routes.MapPost("/api/sandboxes/{id}/clock", ChangeAsync);
        return routes;
    }

    private static async Task<Results<Ok<ClockState>, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (sandbox, refusal) = await SandboxApis.OpenAsync(id, request, registry, cancellationToken);
        if (sandbox is null) return refusal!;
        return TypedResults.Ok(await sandbox.ClockAsync());
    }

    private static async Task<Results<Ok<ClockState>, JsonHttpResult<Status>>> ChangeAsync(
        string id, HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (sandbox, refusal) = await SandboxApis.OpenAsync(id, request, registry, cancellationToken);
        if (sandbox is null) return refusal!;
        var (body, problem) = await JsonBody.ReadAsync<ClockRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return problem!;
        var (change, error) = Read(body);
        if (change is null) return StatusResults.Failure(StatusCodes.Status400BadRequest, error!);
        return TypedResults.Ok(await sandbox.ChangeClockAsync(change));
    }

    private static (ClockChange? Change, string? Error) Read(ClockRequest body)
    {
        if (body.Speed is null && body.Paused is null && body.Advance is null)
            return (null, $"expected at least one of speed, paused or advance: a JSON object {Shape}");

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
        return (new ClockChange(speed, paused, advance), null);
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
