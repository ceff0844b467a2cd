using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Server.KubeApi;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>
/// GET /api/sandboxes/{id}/kubeconfig: a kubeconfig with which real kubectl reaches the sandbox as is. Only for the
/// owner: the file carries the credential it was asked with, and a view link is meant for the browser (its token still
/// reads the Kubernetes API as a bearer token).
/// </summary>
public static class KubeconfigApi
{
    public static IEndpointRouteBuilder MapKubeconfigApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/sandboxes/{id}/kubeconfig", GetAsync);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, SandboxAccessControl access, ServingCertificates certificates, KubeApiAddress address, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Owner, "downloading its kubeconfig", cancellationToken);
        if (grant is null) return refusal!;
        // The server keeps only the owner token's hash, so it hands back the caller's own token, when the caller sent it.
        var token = SandboxCredentials.For(request, id).Token;
        if (!SandboxTokens.Matches(token, grant.Sandbox.TokenHash))
            return StatusResults.Failure(StatusCodes.Status403Forbidden,
                $"forbidden: this browser holds no token for sandbox {id}; download the kubeconfig where the sandbox was created, or send its token as a bearer token");
        var text = Render(id, address.For(id), certificates.AuthorityPem, token!);
        // The file carries a bearer token: no browser or proxy cache may keep a copy.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        // With a download name the result is "Content-Disposition: attachment", so a browser link saves the file.
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/yaml", $"playground-{id}.kubeconfig");
    }

    /// <summary>kubectl's own layout: one cluster, one user and one context, all named after the sandbox.</summary>
    internal static string Render(string id, string server, string authorityPem, string token)
    {
        var name = $"playground-{id}";
        var authority = Convert.ToBase64String(Encoding.ASCII.GetBytes(authorityPem));
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                certificate-authority-data: {{authority}}
                server: {{server}}
              name: {{name}}
            contexts:
            - context:
                cluster: {{name}}
                namespace: default
                user: {{name}}
              name: {{name}}
            current-context: {{name}}
            preferences: {}
            users:
            - name: {{name}}
              user:
                token: {{token}}

            """;
    }
}
