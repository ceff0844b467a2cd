namespace Playground.Server.Classrooms;

/// <summary>A scenario that cannot be used; the message names every problem found, each with its line and field.</summary>
public sealed class ScenarioException(string message) : Exception(message);
