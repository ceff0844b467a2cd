namespace Playground.RealClients.Tests;

/// <summary>
/// A test that needs a real client: skipped, with the reason, when the client is missing, unless .ci/run requires it.
/// xunit 2.9.3 cannot skip a test once it runs (Assert.Skip and the "$XunitDynamicSkip$" message need xunit v3's
/// runner; in 2.9.3 such an exception is a plain failure), so the decision is made here, where xunit discovers the
/// test and reads Skip.
/// </summary>
public sealed class RealClientFactAttribute : FactAttribute
{
    public RealClientFactAttribute(RealClient client)
    {
        if (RealClientTools.Of(client).Missing is { } reason && !RealClientTools.Required)
            Skip = $"{reason}; set {RealClientTools.RequireVariable}=1 to fail instead of skipping";
    }
}
