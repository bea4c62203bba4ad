{{/* A Redis for Connectors (cache only, no persistence). Called with (dict "root" $ "name" ... "databases" N). */}}
{{- define "coregate.redis" -}}
{{- $c := .root.Values.connectors -}}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "coregate.labels" .root | nindent 4 }}
    app.kubernetes.io/component: connector-redis
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ .root.Release.Name }}
      app.kubernetes.io/component: connector-redis
      coregate.io/redis: {{ .name }}
  template:
    metadata:
      labels: {{- include "coregate.labels" .root | nindent 8 }}
        app.kubernetes.io/component: connector-redis
        coregate.io/redis: {{ .name }}
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 999
        runAsGroup: 999
        fsGroup: 999
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: redis
          image: {{ include "coregate.image" (dict "image" $c.redis.image "default" "7.4-alpine") }}
          args: ["--save", "", "--appendonly", "no", "--databases", "{{ .databases }}"]
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          ports:
            - {name: redis, containerPort: 6379}
          readinessProbe:
            tcpSocket: {port: redis}
            periodSeconds: 5
          livenessProbe:
            tcpSocket: {port: redis}
            periodSeconds: 10
          resources: {{- toYaml $c.redis.resources | nindent 12 }}
          volumeMounts:
            - {name: data, mountPath: /data}
      volumes:
        - name: data
          emptyDir: {sizeLimit: 256Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "coregate.labels" .root | nindent 4 }}
    app.kubernetes.io/component: connector-redis
spec:
  selector:
    app.kubernetes.io/instance: {{ .root.Release.Name }}
    app.kubernetes.io/component: connector-redis
    coregate.io/redis: {{ .name }}
  ports:
    - {name: redis, port: 6379, targetPort: redis}
{{- if .root.Values.networkPolicy.enabled }}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  namespace: {{ .root.Release.Namespace }}
  labels: {{- include "coregate.labels" .root | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      coregate.io/redis: {{ .name }}
  policyTypes: [Ingress]
  ingress:
    - ports:
        - {port: 6379, protocol: TCP}
      from:
        - podSelector:
            matchLabels: {{- include "coregate.connectorSelectorLabels" .root | nindent 14 }}
{{- end }}
{{- end -}}
