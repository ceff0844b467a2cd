using Playground.Core.Networking.Dns;

namespace Playground.Core.Simulation.Addons;

/// <summary>
/// CoreDNS as `kubeadm init` installs it: its ServiceAccount, its Corefile, a 2-replica Deployment labelled
/// k8s-app=kube-dns, and the kube-dns Service on the address every pod's resolv.conf names.
/// </summary>
internal static class CoreDnsAddon
{
    public const string Image = "registry.k8s.io/coredns/coredns:v1.11.3";

    public static readonly string Manifests = $$"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: coredns
          namespace: kube-system
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns
          namespace: kube-system
        data:
          Corefile: |
            .:53 {
                errors
                health {
                   lameduck 5s
                }
                ready
                kubernetes {{ClusterDns.Domain}} in-addr.arpa ip6.arpa {
                   pods insecure
                   fallthrough in-addr.arpa ip6.arpa
                   ttl 30
                }
                prometheus :9153
                forward . /etc/resolv.conf {
                   max_concurrent 1000
                }
                cache 30 {
                   disable success {{ClusterDns.Domain}}
                   disable denial {{ClusterDns.Domain}}
                }
                loop
                reload
                loadbalance
            }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: coredns
          namespace: kube-system
          labels:
            k8s-app: kube-dns
        spec:
          replicas: 2
          selector:
            matchLabels:
              k8s-app: kube-dns
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxUnavailable: 1
          template:
            metadata:
              labels:
                k8s-app: kube-dns
            spec:
              serviceAccountName: coredns
              dnsPolicy: Default
              nodeSelector:
                kubernetes.io/os: linux
              tolerations:
              - key: CriticalAddonsOnly
                operator: Exists
              - key: node-role.kubernetes.io/control-plane
                effect: NoSchedule
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      labelSelector:
                        matchExpressions:
                        - key: k8s-app
                          operator: In
                          values: ["kube-dns"]
                      topologyKey: kubernetes.io/hostname
              containers:
              - name: coredns
                image: {{Image}}
                imagePullPolicy: IfNotPresent
                args: ["-conf", "/etc/coredns/Corefile"]
                ports:
                - name: dns
                  containerPort: 53
                  protocol: UDP
                - name: dns-tcp
                  containerPort: 53
                  protocol: TCP
                - name: metrics
                  containerPort: 9153
                  protocol: TCP
                resources:
                  limits:
                    memory: 170Mi
                  requests:
                    cpu: 100m
                    memory: 70Mi
                livenessProbe:
                  httpGet:
                    path: /health
                    port: 8080
                    scheme: HTTP
                  initialDelaySeconds: 60
                  timeoutSeconds: 5
                  successThreshold: 1
                  failureThreshold: 5
                readinessProbe:
                  httpGet:
                    path: /ready
                    port: 8181
                    scheme: HTTP
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities:
                    add: ["NET_BIND_SERVICE"]
                    drop: ["ALL"]
                volumeMounts:
                - name: config-volume
                  mountPath: /etc/coredns
                  readOnly: true
              volumes:
              - name: config-volume
                configMap:
                  name: coredns
                  items:
                  - key: Corefile
                    path: Corefile
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: kube-dns
          namespace: kube-system
          labels:
            k8s-app: kube-dns
            kubernetes.io/cluster-service: "true"
            kubernetes.io/name: CoreDNS
          annotations:
            prometheus.io/port: "9153"
            prometheus.io/scrape: "true"
        spec:
          selector:
            k8s-app: kube-dns
          clusterIP: {{ClusterDns.ServerAddress}}
          ports:
          - name: dns
            port: 53
            protocol: UDP
            targetPort: 53
          - name: dns-tcp
            port: 53
            protocol: TCP
            targetPort: 53
          - name: metrics
            port: 9153
            protocol: TCP
            targetPort: 9153
        """;
}
