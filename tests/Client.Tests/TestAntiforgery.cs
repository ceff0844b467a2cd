using Microsoft.AspNetCore.Components.Forms;

namespace Playground.Client.Tests;

/// <summary>The antiforgery token the server's provider gives a page while rendering, so that its forms carry one.</summary>
public sealed class TestAntiforgery : AntiforgeryStateProvider
{
    public const string Token = "token";

    public override AntiforgeryRequestToken? GetAntiforgeryToken() => new(Token, "__RequestVerificationToken");
}
