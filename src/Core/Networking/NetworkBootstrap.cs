using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Networking;
using Playground.Core.ApiServer;
using Playground.Core.Networking.Ingresses;

namespace Playground.Core.Networking;

/// <summary>The networking objects a new cluster starts with: the API server's own EndpointSlice and the ingress-nginx class, made the default.</summary>
public static class NetworkBootstrap
{
    public static void Create(ApiServer.ApiServer api, string apiServerAddress)
    {
        api.Create(new EndpointSlice
        {
            Metadata = new ObjectMeta { Name = "kubernetes", Namespace = "default", Labels = new() { ["kubernetes.io/service-name"] = "kubernetes" } },
            AddressType = "IPv4",
            Endpoints = [new Endpoint { Addresses = [apiServerAddress], Conditions = new EndpointConditions { Ready = true } }],
            Ports = [new EndpointSlicePort { Name = "https", Port = 6443, Protocol = "TCP" }],
        }, WriteContext.ApiServer);
        api.Create(new IngressClass
        {
            Metadata = new ObjectMeta
            {
                Name = "nginx",
                Labels = new() { ["app.kubernetes.io/component"] = "controller", ["app.kubernetes.io/instance"] = "ingress-nginx", ["app.kubernetes.io/name"] = "ingress-nginx" },
                Annotations = new() { [IngressController.DefaultClassAnnotation] = "true" },
            },
            Spec = new IngressClassSpec { Controller = IngressController.ControllerName },
        }, WriteContext.ApiServer);
    }
}
