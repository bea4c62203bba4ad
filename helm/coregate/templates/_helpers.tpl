{{/* Names, labels and shared snippets. */}}
{{- define "coregate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "coregate.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "coregate.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "coregate.labels" -}}
helm.sh/chart: {{ include "coregate.chart" . }}
app.kubernetes.io/name: {{ include "coregate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: coregate
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The gateway pods. */}}
{{- define "coregate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "coregate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: gateway
{{- end -}}

{{/* Every Connector pod of this release (what the network policy lets reach 3003). */}}
{{- define "coregate.connectorSelectorLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: connector
{{- end -}}

{{- define "coregate.annotations" -}}
{{- with .Values.commonAnnotations }}
annotations:
{{ toYaml . | indent 2 }}
{{- end }}
{{- end -}}

{{- define "coregate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "coregate.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* registry/repository:tag or @digest */}}
{{- define "coregate.image" -}}
{{- $image := .image -}}
{{- $tag := default .default $image.tag -}}
{{- $repo := $image.repository -}}
{{- if $image.registry }}{{ $repo = printf "%s/%s" $image.registry $image.repository }}{{ end -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repo $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (toString $tag) -}}
{{- end -}}
{{- end -}}

{{- define "coregate.secretName" -}}
{{- default (printf "%s-secret" (include "coregate.fullname" .)) .Values.existingSecret -}}
{{- end -}}

{{- define "coregate.tenantsConfigMap" -}}
{{- default (printf "%s-tenants" (include "coregate.fullname" .)) .Values.tenantsExistingConfigMap -}}
{{- end -}}

{{/* The sdk Service: BACKEND_ENDPOINT of every Connector is <this>:3003/<tenant>. */}}
{{- define "coregate.sdkService" -}}
{{- printf "%s-sdk" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "coregate.dfspService" -}}
{{- printf "%s-dfsp" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "coregate.adminService" -}}
{{- printf "%s-admin" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* A tenant's Connector name: <release>-connector-<tenant>. Called with (dict "root" $ "id" $tenantId). */}}
{{- define "coregate.connectorName" -}}
{{- printf "%s-connector-%s" .root.Release.Name .id | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* True ("true") when a tenant gets a Connector from this chart. Called with (dict "root" $ "tenant" $t). */}}
{{- define "coregate.connectorEnabled" -}}
{{- $c := default dict .tenant.connector -}}
{{- if and .root.Values.connectors.enabled (ne (toString (dig "enabled" true $c)) "false") -}}true{{- end -}}
{{- end -}}

{{/* The scheme of the TLS-capable listeners. */}}
{{- define "coregate.adminScheme" -}}
{{- if .Values.tls.enabled }}https{{ else }}http{{ end -}}
{{- end -}}

{{/* The database JDBC URL. */}}
{{- define "coregate.jdbcUrl" -}}
{{- if .Values.database.url -}}
{{- .Values.database.url -}}
{{- else if .Values.database.host -}}
{{- printf "jdbc:postgresql://%s:%d/%s" .Values.database.host (int .Values.database.port) .Values.database.name -}}
{{- end -}}
{{- end -}}

{{/* The key holding the database password in the Secret it comes from. */}}
{{- define "coregate.dbPasswordKey" -}}
{{- if .Values.database.existingSecret -}}
{{- .Values.database.existingSecretPasswordKey -}}
{{- else if .Values.existingSecret -}}
{{- .Values.existingSecretKeys.dbPassword -}}
{{- else -}}
db-password
{{- end -}}
{{- end -}}
