using Playground.Core.Kubelet;

namespace Playground.Core.Simulation.Addons;

/// <summary>
/// kube-proxy as `kubeadm init` installs it: its ServiceAccount, its configuration, and a DaemonSet on the host
/// network that tolerates every taint, so each node runs one whatever state it is in.
/// </summary>
internal static class KubeProxyAddon
{
    /// <summary>kube-proxy ships with the control plane, so its version is the nodes' Kubernetes version.</summary>
    public const string Image = "registry.k8s.io/kube-proxy:" + NodeIdentity.KubeletVersion;

    public static readonly string Manifests = $$"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: kube-proxy
          namespace: kube-system
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: kube-proxy
          namespace: kube-system
          labels:
            app: kube-proxy
        data:
          config.conf: |
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            bindAddress: 0.0.0.0
            clientConnection:
              kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
            clusterCIDR: 10.244.0.0/16
            iptables:
              masqueradeAll: false
              minSyncPeriod: 1s
              syncPeriod: 0s
            mode: iptables
          kubeconfig.conf: |
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
                server: https://{{SimulatedCluster.ApiServerAddress}}:6443
              name: default
            contexts:
            - context:
                cluster: default
                namespace: default
                user: default
              name: default
            current-context: default
            users:
            - name: default
              user:
                tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: kube-proxy
          namespace: kube-system
          labels:
            k8s-app: kube-proxy
        spec:
          selector:
            matchLabels:
              k8s-app: kube-proxy
          updateStrategy:
            type: RollingUpdate
          template:
            metadata:
              labels:
                k8s-app: kube-proxy
            spec:
              serviceAccountName: kube-proxy
              hostNetwork: true
              nodeSelector:
                kubernetes.io/os: linux
              tolerations:
              - operator: Exists
              containers:
              - name: kube-proxy
                image: {{Image}}
                imagePullPolicy: IfNotPresent
                command:
                - /usr/local/bin/kube-proxy
                - --config=/var/lib/kube-proxy/config.conf
                - --hostname-override=$(NODE_NAME)
                env:
                - name: NODE_NAME
                  valueFrom:
                    fieldRef:
                      apiVersion: v1
                      fieldPath: spec.nodeName
                securityContext:
                  privileged: true
                volumeMounts:
                - name: kube-proxy
                  mountPath: /var/lib/kube-proxy
                - name: xtables-lock
                  mountPath: /run/xtables.lock
                - name: lib-modules
                  mountPath: /lib/modules
                  readOnly: true
              volumes:
              - name: kube-proxy
                configMap:
                  name: kube-proxy
              - name: xtables-lock
                hostPath:
                  path: /run/xtables.lock
                  type: FileOrCreate
              - name: lib-modules
                hostPath:
                  path: /lib/modules
        """;
}
