namespace Playground.Server.KubeApi.Protobuf;

/// <summary>k8s.io/api/networking/v1 Ingress messages, with field numbers from its generated.proto.</summary>
internal static class NetworkingProtos
{
    private static ProtoMessage M(string name, string fields) => ProtoSchema.Message("networking", name, fields);

    public static readonly ProtoMessage[] All =
    [
        M("Ingress", "1 metadata ObjectMeta; 2 spec IngressSpec; 3 status IngressStatus"),
        M("IngressSpec", "4 ingressClassName string?; 1 defaultBackend IngressBackend; 2 tls []IngressTLS; 3 rules []IngressRule"),
        M("IngressBackend", "4 service IngressServiceBackend; 3 resource core.TypedLocalObjectReference"),
        M("IngressServiceBackend", "1 name string; 2 port ServiceBackendPort"),
        M("ServiceBackendPort", "1 name string; 2 number int32"),
        M("IngressTLS", "1 hosts []string; 2 secretName string"),
        M("IngressRule", "1 host string; 2 - IngressRuleValue"),
        M("IngressRuleValue", "1 http HTTPIngressRuleValue"),
        M("HTTPIngressRuleValue", "1 paths []HTTPIngressPath"),
        M("HTTPIngressPath", "1 path string; 3 pathType string?; 2 backend IngressBackend"),
        M("IngressStatus", "1 loadBalancer IngressLoadBalancerStatus"),
        M("IngressLoadBalancerStatus", "1 ingress []IngressLoadBalancerIngress"),
        M("IngressLoadBalancerIngress", "1 ip string; 2 hostname string; 4 ports []IngressPortStatus"),
        M("IngressPortStatus", "1 port int32; 2 protocol string; 3 error string?"),
    ];
}
