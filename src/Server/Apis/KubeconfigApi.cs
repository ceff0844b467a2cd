using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Core.Api.Meta;
using Playground.Server.KubeApi;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>GET /api/sandboxes/{id}/kubeconfig: a kubeconfig with which real kubectl reaches the sandbox as is.</summary>
public static class KubeconfigApi
{
    public static IEndpointRouteBuilder MapKubeconfigApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/sandboxes/{id}/kubeconfig", GetAsync);
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, SandboxRegistry registry, ServingCertificates certificates, KubeApiAddress address, CancellationToken cancellationToken)
    {
        var (sandbox, refusal) = await SandboxApis.OpenAsync(id, request, registry, cancellationToken);
        if (sandbox is null) return refusal!;
        // The caller proved it holds this token for this sandbox; the server keeps only its hash, so it hands back the caller's own.
        var token = SandboxCredentials.Find(request, id)!;
        var text = Render(id, address.For(id), certificates.AuthorityPem, token);
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
