#!/usr/bin/env python3
"""Assertions on manifests rendered by `helm template` (run by .ci/helm-check).

usage: helm_assert.py RELEASE VALUES[,VALUES...]=RENDERED.yaml ...
The values files are merged left to right (as helm does) to know what each render must contain.
"""
import base64
import sys

import yaml

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def merge(base, extra):
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value
    return base


def env_of(container):
    return {e["name"]: e for e in container.get("env", [])}


def walk_keys(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk_keys(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk_keys(value, f"{path}[{i}]")
    else:
        yield path, node


def matches(selector, labels):
    return all(labels.get(k) == v for k, v in selector.items())


def assert_render(release, values, docs, name):
    where = f"[{name}]"
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    find = lambda kind, n: next((d for d in by_kind.get(kind, []) if d["metadata"]["name"] == n), None)

    # The gateway Deployment: named ports, probes, security context, resources, graceful termination.
    gateways = [d for d in by_kind.get("Deployment", []) if d["metadata"]["labels"].get("app.kubernetes.io/component") == "gateway"]
    if not check(len(gateways) == 1, f"{where} exactly one gateway Deployment, found {len(gateways)}"):
        return
    gw = gateways[0]
    pod = gw["spec"]["template"]["spec"]
    gateway_labels = gw["spec"]["template"]["metadata"]["labels"]
    main = next(c for c in pod["containers"] if c["name"] == "coregate")
    ports = {p["name"]: p["containerPort"] for p in main["ports"]}
    check(ports == {"sdk": values["ports"]["sdk"], "dfsp": values["ports"]["dfsp"], "admin": values["ports"]["admin"]},
          f"{where} named ports sdk/dfsp/admin, found {ports}")
    for probe, path in (("startupProbe", "/observe/health/started"), ("livenessProbe", "/observe/health/live"),
                        ("readinessProbe", "/observe/health/ready")):
        get = main.get(probe, {}).get("httpGet", {})
        check(get.get("path") == path and get.get("port") == "admin", f"{where} {probe} on admin {path}, found {get}")
        check(get.get("scheme") == ("HTTPS" if values["tls"]["enabled"] else "HTTP"), f"{where} {probe} scheme follows tls.enabled")
    check(pod.get("securityContext", {}).get("runAsNonRoot") is True, f"{where} pod runAsNonRoot")
    chart_containers = [main] + [c for c in pod.get("initContainers", []) if c["name"].startswith("plugin-")]
    for c in chart_containers:
        sc = c.get("securityContext", {})
        check(sc.get("readOnlyRootFilesystem") is True, f"{where} {c['name']}: read-only root filesystem")
        check(sc.get("allowPrivilegeEscalation") is False, f"{where} {c['name']}: no privilege escalation")
        check("ALL" in sc.get("capabilities", {}).get("drop", []), f"{where} {c['name']}: capabilities dropped")
        check(sc.get("runAsNonRoot") is True and sc.get("runAsUser", 0) != 0, f"{where} {c['name']}: non-root user")
    check(main.get("resources", {}).get("requests") and main["resources"].get("limits"), f"{where} gateway requests and limits")
    check("preStop" in main.get("lifecycle", {}), f"{where} preStop hook")
    check(env_of(main).get("REPLICAS_ID", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath") == "metadata.name",
          f"{where} REPLICAS_ID is the pod name")
    mounts = {m["mountPath"]: m for m in main["volumeMounts"]}
    check("/etc/coregate/secret" in mounts and "/tmp" in mounts and "/app/data" in mounts, f"{where} secret, /tmp and /app/data mounted")
    volumes = {v["name"]: v for v in pod["volumes"]}

    # The ConfigMap: application.yaml names files, never secret values.
    config_map = find("ConfigMap", f"{gw['metadata']['name']}-config")
    if check(config_map is not None, f"{where} the application.yaml ConfigMap"):
        app = yaml.safe_load(config_map["data"]["application.yaml"])
        check(app["db"].get("password-file", "").startswith("/etc/coregate/secret/"), f"{where} db.password-file from the Secret mount")
        check(app["admin"].get("token-file", "").startswith("/etc/coregate/secret/"), f"{where} admin.token-file from the Secret mount")
        for path, value in walk_keys(app):
            leaf = path.rsplit(".", 1)[-1]
            if any(w in leaf for w in ("password", "token", "secret")) and not leaf.endswith("-file"):
                check(False, f"{where} application.yaml holds a secret value at {path}")
        grace = app["server"]["shutdown-grace-seconds"]
        pre = main["lifecycle"]["preStop"].get("sleep", {}).get("seconds", 0)
        check(pod["terminationGracePeriodSeconds"] > grace + pre,
              f"{where} terminationGracePeriodSeconds {pod['terminationGracePeriodSeconds']} > preStop {pre} + drain {grace}")
        check(app["server"]["port"] == values["ports"]["admin"] and app["sdk"]["port"] == values["ports"]["sdk"],
              f"{where} listener ports in application.yaml")
        base_url = values["config"].get("callbacks", {}).get("baseUrl")
        check(app.get("callbacks", {}).get("base-url") == (base_url or None) if base_url else "callbacks" not in app,
              f"{where} callbacks.base-url rendered exactly when config.callbacks.baseUrl is set")
        if values["tls"]["enabled"]:
            check(app.get("tls", {}).get("cert-file") == "/etc/coregate/tls/tls.crt" and "/etc/coregate/tls" in mounts,
                  f"{where} TLS files from the mounted Secret")

    # Secret values appear in no manifest but the Secret (neither plain nor base64).
    secrets = [s for s in (values["database"].get("password"), values.get("adminToken")) if s]
    for d in docs:
        if d["kind"] == "Secret":
            continue
        text = yaml.safe_dump(d)
        for s in secrets:
            check(s not in text and base64.b64encode(s.encode()).decode() not in text,
                  f"{where} a secret value shows in {d['kind']} {d['metadata']['name']}")
    secret_name = values["existingSecret"] or f"{gw['metadata']['name']}-secret"
    sources = {src["secret"]["items"][0]["path"]: src["secret"] for src in volumes["secret"]["projected"]["sources"]}
    db_secret = values["database"].get("existingSecret") or secret_name
    check(sources["admin-token"]["name"] == secret_name, f"{where} the admin token comes from Secret {secret_name}")
    check(sources["db-password"]["name"] == db_secret, f"{where} the database password comes from Secret {db_secret}")
    if values["database"].get("existingSecret"):
        check(sources["db-password"]["items"][0]["key"] == values["database"]["existingSecretPasswordKey"], f"{where} database password key")
    if values["existingSecret"]:
        check(not by_kind.get("Secret"), f"{where} no Secret rendered with existingSecret")
        check(sources["admin-token"]["items"][0]["key"] == values["existingSecretKeys"]["adminToken"], f"{where} admin token key mapped")
    else:
        secret = find("Secret", secret_name)
        if check(secret is not None, f"{where} the chart's Secret"):
            check(set(secret["data"]) == {"admin-token", "db-password"}, f"{where} Secret keys")
            check(secret["metadata"].get("annotations", {}).get("helm.sh/resource-policy") == "keep", f"{where} Secret kept")

    # Services per listener; admin cluster-internal unless asked.
    for listener in ("sdk", "dfsp", "admin"):
        svc = find("Service", f"{release}-{listener}")
        if check(svc is not None, f"{where} Service {release}-{listener}"):
            check(svc["spec"]["ports"][0]["targetPort"] == listener, f"{where} Service {listener} targets the named port")
            check(matches(svc["spec"]["selector"], gateway_labels), f"{where} Service {listener} selects the gateway pods")
            check(svc["spec"]["type"] == values["service"][listener]["type"], f"{where} Service {listener} type")

    # NetworkPolicy: 3003 only from Connector pods (and configured peers); no rule opens every port.
    policies = [p for p in by_kind.get("NetworkPolicy", []) if matches(p["spec"]["podSelector"].get("matchLabels", {}), gateway_labels)]
    if values["networkPolicy"]["enabled"]:
        if check(len(policies) == 1, f"{where} one NetworkPolicy for the gateway pods, found {len(policies)}"):
            rules = policies[0]["spec"]["ingress"]
            for rule in rules:
                check(rule.get("ports"), f"{where} a NetworkPolicy rule without ports opens every port")
                check(rule.get("from"), f"{where} a NetworkPolicy rule without sources admits everyone")
            sdk_rules = [r for r in rules if any(p["port"] == values["ports"]["sdk"] for p in r.get("ports", []))]
            if check(len(sdk_rules) == 1, f"{where} one rule for the sdk port"):
                allowed = values["networkPolicy"]["sdk"]["from"]
                for peer in sdk_rules[0]["from"]:
                    own = peer.get("podSelector", {}).get("matchLabels", {}) == {
                        "app.kubernetes.io/instance": release, "app.kubernetes.io/component": "connector"} and "namespaceSelector" not in peer
                    check(own or peer in allowed, f"{where} sdk port open to {peer}")
            dfsp_rules = [r for r in rules if any(p["port"] == values["ports"]["dfsp"] for p in r.get("ports", []))]
            check(bool(dfsp_rules) == bool(values["networkPolicy"]["dfsp"]["from"]), f"{where} dfsp port only from configured sources")
    else:
        check(not policies, f"{where} no NetworkPolicy when disabled")

    # Optional objects are rendered exactly when enabled.
    check(bool(by_kind.get("ServiceMonitor")) == values["metrics"]["serviceMonitor"]["enabled"], f"{where} ServiceMonitor iff enabled")
    for monitor in by_kind.get("ServiceMonitor", []):
        token = values["metrics"]["serviceMonitor"].get("tokenSecret", {}).get("name")
        check(bool(token) == ("authorization" in monitor["spec"]["endpoints"][0]), f"{where} ServiceMonitor sends a bearer token iff tokenSecret")
    check(bool(by_kind.get("HorizontalPodAutoscaler")) == values["autoscaling"]["enabled"], f"{where} HPA iff enabled")
    check(bool(by_kind.get("Ingress")) == values["ingress"]["enabled"], f"{where} Ingress iff enabled")
    check(bool(by_kind.get("PodDisruptionBudget")) == values["pdb"]["create"], f"{where} PDB iff created")
    check(("replicas" in gw["spec"]) != values["autoscaling"]["enabled"], f"{where} replicas left to the HPA when autoscaling")
    hooks = [p for p in by_kind.get("Pod", []) if p["metadata"].get("annotations", {}).get("helm.sh/hook") == "test"]
    check(len(hooks) == 1 and "/observe/health/ready" in " ".join(hooks[0]["spec"]["containers"][0]["args"]),
          f"{where} a helm test hook checking readiness")
    check(len(pod.get("initContainers", [])) == len(values["initContainers"]) + len(values["plugins"]["images"]),
          f"{where} initContainers = values.initContainers + one per plugin image")
    for p in values["plugins"]["images"]:
        init = next((c for c in pod.get("initContainers", []) if c["name"] == f"plugin-{p['name']}"), None)
        if check(init is not None, f"{where} init container for plugin image {p['name']}"):
            check({"name": "data", "mountPath": "/app/data/plugins", "subPath": "plugins"} in init["volumeMounts"],
                  f"{where} plugin {p['name']} copies into the drop-in directory the gateway watches")
    names = {c["name"] for c in pod["containers"]}
    check(all(s["name"] in names for s in values["sidecars"]), f"{where} sidecars rendered")
    check(all(e in main.get("env", []) for e in values["extraEnv"]), f"{where} extraEnv rendered")
    check(all(v in pod["volumes"] for v in values["extraVolumes"]), f"{where} extraVolumes rendered")

    # Tenants: bootstrap documents, their secrets as file:/env: references, and one Connector each.
    tenant_cm = find("ConfigMap", f"{gw['metadata']['name']}-tenants")
    if values["tenantsExistingConfigMap"]:
        check(tenant_cm is None and volumes.get("tenants", {}).get("configMap", {}).get("name") == values["tenantsExistingConfigMap"],
              f"{where} tenant documents from the existing ConfigMap")
        documents = {}
    elif values["tenants"]:
        check(tenant_cm is not None and "tenants" in volumes, f"{where} tenant documents ConfigMap mounted")
        documents = {k[:-5]: yaml.safe_load(v) for k, v in (tenant_cm or {"data": {}})["data"].items()}
        check(sorted(documents) == sorted(t["id"] for t in values["tenants"]), f"{where} one document per tenant")
    else:
        documents = {}
    for tid, doc in documents.items():
        for path, value in walk_keys(doc.get("cbs", {}).get("secrets", {})):
            check(str(value).startswith(("file:", "env:")), f"{where} tenant {tid} secret {path} is a reference, not a value")
    connectors = {d["metadata"]["name"]: d for d in by_kind.get("Deployment", [])
                  if d["metadata"]["labels"].get("app.kubernetes.io/component") == "connector"}
    c = values["connectors"]
    expected = [t for t in values["tenants"] if c["enabled"] and (t.get("connector") or {}).get("enabled", True)]
    check(len(connectors) == len(expected), f"{where} {len(expected)} Connectors, found {len(connectors)}")
    redis_services = {s["metadata"]["name"] for s in by_kind.get("Service", [])
                      if s["metadata"]["labels"].get("app.kubernetes.io/component") == "connector-redis"}
    for t in expected:
        name = f"{release}-connector-{t['id']}"
        dep = connectors.get(name)
        if not check(dep is not None, f"{where} Connector Deployment {name}"):
            continue
        container = dep["spec"]["template"]["spec"]["containers"][0]
        env = {k: v.get("value") for k, v in env_of(container).items()}
        check(env.get("BACKEND_ENDPOINT") == f"{release}-sdk:{values['service']['sdk']['port']}/{t['id']}",
              f"{where} {name} BACKEND_ENDPOINT is {release}-sdk:3003/{t['id']}, found {env.get('BACKEND_ENDPOINT')}")
        check(env.get("DFSP_ID") == t["document"]["dfspId"], f"{where} {name} DFSP_ID")
        check(env.get("PEER_ENDPOINT"), f"{where} {name} hub endpoint")
        check(env.get("AUTO_ACCEPT_PARTY") == "true" and env.get("AUTO_ACCEPT_QUOTES") == "false", f"{where} {name} accept settings")
        cache = env.get("CACHE_URL", "")
        if c["redis"]["mode"] == "external":
            check(cache == c["redis"]["url"], f"{where} {name} uses the external Redis")
        else:
            host = cache.split("//", 1)[-1].split(":", 1)[0]
            check(host in redis_services, f"{where} {name} CACHE_URL {cache} names a rendered Redis Service")
        tenant_connector = t.get("connector") or {}
        if c["mtls"]["enabled"] and tenant_connector.get("mtls", {}).get("secretName"):
            check(env.get("INBOUND_MUTUAL_TLS_ENABLED") == "true" and env.get("OUT_CLIENT_KEY_PATH"), f"{where} {name} mTLS from the Secret")
            vols = {v["name"]: v for v in dep["spec"]["template"]["spec"]["volumes"]}
            check(vols.get("mtls", {}).get("secret", {}).get("secretName") == tenant_connector["mtls"]["secretName"],
                  f"{where} {name} mounts its mTLS Secret")
        sc = container.get("securityContext", {})
        check(dep["spec"]["template"]["spec"].get("securityContext", {}).get("runAsNonRoot") is True
              and sc.get("allowPrivilegeEscalation") is False and "ALL" in sc.get("capabilities", {}).get("drop", []),
              f"{where} {name} runs non-root without privileges")
        pod_labels = dep["spec"]["template"]["metadata"]["labels"]
        check(pod_labels.get("app.kubernetes.io/component") == "connector" and pod_labels.get("app.kubernetes.io/instance") == release,
              f"{where} {name} pods carry the labels the NetworkPolicy admits to 3003")
        svc = find("Service", name)
        if check(svc is not None, f"{where} Connector Service {name}"):
            check(any(p["port"] == c["outboundPort"] for p in svc["spec"]["ports"]), f"{where} {name} Service exposes the outbound port")
        if documents:
            url = documents.get(t["id"], {}).get("sdk", {}).get("outboundUrl")
            check(url == f"http://{name}:{c['outboundPort']}", f"{where} tenant {t['id']} sdk.outboundUrl is its Connector, found {url}")
    for t in values["tenants"]:
        if t not in expected and documents and (t.get("document") or {}).get("sdk", {}).get("outboundUrl"):
            check(documents[t["id"]]["sdk"]["outboundUrl"] == t["document"]["sdk"]["outboundUrl"],
                  f"{where} tenant {t['id']} without a chart Connector keeps its outboundUrl")


def main():
    release = sys.argv[1]
    count = 0
    for arg in sys.argv[2:]:
        values_files, rendered = arg.rsplit("=", 1)
        values = {}
        for f in values_files.split(","):
            merge(values, yaml.safe_load(open(f)) or {})
        docs = [d for d in yaml.safe_load_all(open(rendered)) if d]
        before = len(failures)
        assert_render(release, values, docs, rendered.rsplit("/", 1)[-1])
        count += 1
        print(f"{rendered.rsplit('/', 1)[-1]}: {len(docs)} manifests, {len(failures) - before} failures")
    for f in failures:
        print("FAIL", f, file=sys.stderr)
    if failures:
        sys.exit(1)
    print(f"helm_assert: {count} renders pass")


if __name__ == "__main__":
    main()
