namespace Playground.Client.Cluster.Editor;

/// <summary>A starter manifest for one kind, written as the Kubernetes documentation writes its examples.</summary>
public sealed record ManifestTemplate(string Kind, string Description, string Yaml);

/// <summary>The editor's starter templates; they fit together (the Service, HPA and Ingress point at the Deployment's pods).</summary>
public static class ManifestTemplates
{
    public static IReadOnlyList<ManifestTemplate> All { get; } =
    [
        new("Deployment", "three nginx replicas", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: nginx-deployment
              labels:
                app: nginx
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
                    ports:
                    - containerPort: 80

            """),
        new("Service", "a stable address for the nginx pods", """
            apiVersion: v1
            kind: Service
            metadata:
              name: nginx-service
            spec:
              selector:
                app: nginx
              ports:
              - protocol: TCP
                port: 80
                targetPort: 80

            """),
        new("ConfigMap", "settings as keys and a file", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: game-demo
            data:
              player_initial_lives: "3"
              ui_properties_file_name: "user-interface.properties"
              game.properties: |
                enemy.types=aliens,monsters
                player.maximum-lives=5

            """),
        new("Job", "computes π to 2000 places once", """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: pi
            spec:
              template:
                spec:
                  containers:
                  - name: pi
                    image: perl:5.34.0
                    command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
                  restartPolicy: Never
              backoffLimit: 4

            """),
        new("CronJob", "says hello every minute", """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: hello
            spec:
              schedule: "* * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                      - name: hello
                        image: busybox:1.28
                        imagePullPolicy: IfNotPresent
                        command:
                        - /bin/sh
                        - -c
                        - date; echo Hello from the Kubernetes cluster
                      restartPolicy: OnFailure

            """),
        new("StatefulSet", "three pods with stable names", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              serviceName: "web"
              replicas: 3
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
                    ports:
                    - containerPort: 80
                      name: web

            """),
        new("DaemonSet", "one log agent on every node", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: fluentd-elasticsearch
              labels:
                k8s-app: fluentd-logging
            spec:
              selector:
                matchLabels:
                  name: fluentd-elasticsearch
              template:
                metadata:
                  labels:
                    name: fluentd-elasticsearch
                spec:
                  containers:
                  - name: fluentd-elasticsearch
                    image: fluentd:v1.16
                    resources:
                      limits:
                        memory: 200Mi
                      requests:
                        cpu: 100m
                        memory: 200Mi

            """),
        new("HorizontalPodAutoscaler", "scales the nginx Deployment on CPU", """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: nginx-deployment
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: nginx-deployment
              minReplicas: 1
              maxReplicas: 10
              metrics:
              - type: Resource
                resource:
                  name: cpu
                  target:
                    type: Utilization
                    averageUtilization: 50

            """),
        new("Ingress", "routes /testpath to the nginx Service", """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: minimal-ingress
            spec:
              ingressClassName: nginx-example
              rules:
              - http:
                  paths:
                  - path: /testpath
                    pathType: Prefix
                    backend:
                      service:
                        name: nginx-service
                        port:
                          number: 80

            """),
    ];
}
