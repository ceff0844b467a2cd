using System.Globalization;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Printers = Playground.Core.Kubectl.Printers;
using Playground.Core.Serialization;

namespace Playground.Server.Classrooms;

/// <summary>Whether a check holds now, and what was found, in words a student can act on.</summary>
public sealed record CheckOutcome(bool Passed, string Detail);

/// <summary>
/// One condition on a sandbox's live objects: one object (<see cref="Name"/>) or a list of a kind (all of the namespace,
/// or those matching <see cref="Selector"/>), optionally narrowed to the values a kubectl JSONPath finds in it, and
/// what those must be. Read from YAML by <see cref="ScenarioReader"/>, which documents the fields.
/// </summary>
public sealed record ScenarioCheck(ResourceType Resource, string Namespace, string? Name, string? Selector, string? JsonPath, CheckExpectation Expect)
{
    /// <summary>Reads the objects it needs from <paramref name="api"/>; call it on the sandbox's loop.</summary>
    public CheckOutcome Evaluate(ApiServer api)
    {
        var ns = Resource.Namespaced ? Namespace : null;
        JsonNode subject;
        if (Name is not null)
        {
            var found = api.TryGet(Resource, ns, Name);
            if (JsonPath is null || found is null)
                return Expect is CheckExpectation.Exists ? Expect.Test(Subject, new Found("", found is null ? 0 : 1)) : new(false, $"{Subject} does not exist");
            subject = KubeJson.ToNode(found);
        }
        else
        {
            var items = api.List(Resource, ns, Selector is null ? null : LabelSelectors.Parse(Selector));
            subject = new JsonObject { ["items"] = new JsonArray(items.Select(i => (JsonNode)KubeJson.ToNode(i)).ToArray()) };
            if (JsonPath is null) return Expect.Test(Subject, new Found("", items.Count));
        }
        var values = Printers.JsonPath.Find(PathOf(JsonPath!), subject);
        return Expect.Test($"{Subject} {JsonPath}", new Found(string.Join(' ', values.Select(Printers.JsonPath.Format)), values.Count));
    }

    /// <summary>What the check looks at, e.g. "deployment web" or "pods with app=web in default".</summary>
    public string Subject => Name is not null
        ? $"{Resource.Singular} {Name}"
        : $"{Resource.Plural}{(Selector is null ? "" : $" with {Selector}")}{(Resource.Namespaced ? $" in {Namespace}" : "")}";

    /// <summary>A JSONPath as written in a scenario ("{.status.readyReplicas}" or ".status.readyReplicas"), as a path Find takes.</summary>
    internal static string PathOf(string jsonPath) => Printers.JsonPath.Relaxed(jsonPath)[1..^1];
}

/// <summary>What a check read: the values as kubectl -o jsonpath prints them (space-separated), and how many there were (or how many objects were listed).</summary>
public sealed record Found(string Printed, int Count);

/// <summary>What a check's values must be.</summary>
public abstract record CheckExpectation
{
    /// <param name="what">What was read, for the message.</param>
    public abstract CheckOutcome Test(string what, Found found);

    /// <summary>Something was found (the object, a listed object, a value of the JSONPath), or, when false, nothing was.</summary>
    public sealed record Exists(bool Present) : CheckExpectation
    {
        public override CheckOutcome Test(string what, Found found) =>
            new(Present == found.Count > 0, found.Count > 0 ? $"{what} {(found.Printed.Length > 0 ? $"is \"{found.Printed}\"" : "exists")}" : $"{what} not found");
    }

    /// <summary>The printed values equal <see cref="Value"/>; numbers compare as numbers (3 equals 3.0).</summary>
    public sealed record EqualTo(string Value) : CheckExpectation
    {
        public override CheckOutcome Test(string what, Found found)
        {
            var passed = found.Printed == Value || (Number(found.Printed) is { } a && Number(Value) is { } b && a == b);
            return new(passed, passed ? $"{what} is {Show(found.Printed)}" : $"{what} is {Show(found.Printed)}, expected {Show(Value)}");
        }
    }

    /// <summary>The one value found is a number of at least <see cref="Min"/> and at most <see cref="Max"/> (either may be open).</summary>
    public sealed record Between(decimal? Min, decimal? Max) : CheckExpectation
    {
        public override CheckOutcome Test(string what, Found found)
        {
            if (found.Count != 1 || Number(found.Printed) is not { } number) return new(false, $"{what} is {Show(found.Printed)}, expected {Range()}");
            var passed = (Min is null || number >= Min) && (Max is null || number <= Max);
            return new(passed, passed ? $"{what} is {found.Printed}" : $"{what} is {found.Printed}, expected {Range()}");
        }

        private string Range() => (Min, Max) switch
        {
            ({ } min, { } max) when min == max => Format(min),
            ({ } min, { } max) => $"{Format(min)} to {Format(max)}",
            ({ } min, null) => $"at least {Format(min)}",
            (null, { } max) => $"at most {Format(max)}",
            _ => "a number",
        };
    }

    /// <summary>The JSONPath finds (or the list holds) between <see cref="Min"/> and <see cref="Max"/> values.</summary>
    public sealed record Count(int? Min, int? Max) : CheckExpectation
    {
        public override CheckOutcome Test(string what, Found found)
        {
            var count = found.Count;
            var passed = (Min is null || count >= Min) && (Max is null || count <= Max);
            var expected = (Min, Max) switch
            {
                ({ } min, { } max) when min == max => $"{min}",
                ({ } min, { } max) => $"{min} to {max}",
                ({ } min, null) => $"at least {min}",
                (null, { } max) => $"at most {max}",
                _ => "any number",
            };
            return new(passed, passed ? $"{what}: {count} found" : $"{what}: {count} found, expected {expected}");
        }
    }

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(string printed) => printed.Length == 0 ? "not set" : $"\"{printed}\"";
}
