namespace Playground.Core.ApiServer.Patching;

/// <summary>A patch that cannot be applied; the message is what upstream's patch libraries say.</summary>
public sealed class PatchException(string message) : Exception(message);
