using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Playground.Server.Tests;

/// <summary>A route as the server maps it: its HTTP methods ("*" for any) and its pattern.</summary>
public sealed record MappedRoute(string Methods, string Pattern)
{
    public override string ToString() => $"{Methods} {Pattern}";
}

/// <summary>
/// The server composed in this test process exactly as Program composes it (<see cref="PlaygroundApp"/>), on real Kestrel
/// and a real SQLite file, for the tests that need its routes or its services (a circuit's gateway) beside its addresses.
/// </summary>
public sealed class InProcessPlayground : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDirectory;

    private InProcessPlayground(WebApplication app, string dataDirectory)
    {
        _app = app;
        _dataDirectory = dataDirectory;
        var http = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))
            .First(a => a.Scheme == Uri.UriSchemeHttp);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = http };
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>Sends no cookies and follows no redirects.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the server on free loopback ports; <paramref name="settings"/> are more command-line arguments, which win.</summary>
    public static async Task<InProcessPlayground> StartAsync(params string[] settings)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("playground-inprocess-").FullName;
        var app = Build(dataDirectory, settings);
        await app.StartAsync();
        return new InProcessPlayground(app, dataDirectory);
    }

    /// <summary>Every route the server maps, read from its endpoint data sources (those its EndpointDataSource is made of); the static web assets apart.</summary>
    public static async Task<(IReadOnlyList<MappedRoute> Routes, int StaticAssets)> RoutesAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("playground-routes-").FullName;
        try
        {
            await using var app = Build(dataDirectory, []);
            var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
            bool IsAsset(Endpoint e) => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
            var routes = endpoints.Where(e => !IsAsset(e))
                .Select(e => new MappedRoute(
                    e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? string.Join(",", methods.Order(StringComparer.Ordinal)) : "*",
                    "/" + e.RoutePattern.RawText!.TrimStart('/')))
                .Distinct().ToList();
            return (routes, endpoints.Count(IsAsset));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static WebApplication Build(string dataDirectory, string[] settings)
    {
        var output = Path.GetDirectoryName(typeof(PlaygroundApp).Assembly.Location)!;
        return PlaygroundApp.Build([
            "--applicationName", "Playground.Server", "--contentRoot", output, "--urls", "http://127.0.0.1:0",
            "--Playground:DataDirectory", dataDirectory, "--Playground:KubernetesApiUrl", "https://127.0.0.1:0",
            "--Logging:LogLevel:Default", "Warning", .. settings]);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
