#!/usr/bin/env python3
"""Writes the API schemas the build validates deploy/k8s against (DeployManifestsTest), from upstream files:

    extract.py <kubernetes swagger.json> <CRD yaml>...

kubernetes.json: the definitions of the API groups below reachable from their kinds, from the OpenAPI (v2)
document of a pinned Kubernetes release; crds.json: each CRD's group, kind and stored version's openAPIV3Schema.
Descriptions are dropped (they are most of the bytes); nothing else is changed. Sources used (see README.md):
Kubernetes 1.36 (kubernetes-client/python, kubernetes/swagger.json.unprocessed), CloudNativePG 1.30.0, its
Barman Cloud plugin 0.14.0, the Keycloak operator 26.0.0 (keycloak-k8s-resources), Gateway API 1.6.1 (standard).
"""
import json
import sys

import yaml

GROUPS = {"core/v1", "apps/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1", "batch/v1",
          "rbac.authorization.k8s.io/v1"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if not (k == "description" and isinstance(v, str))}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                found.add(v.rsplit("/", 1)[-1])
            else:
                refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def kubernetes(path):
    definitions = json.load(open(path))["definitions"]
    wanted = set()
    for name, d in definitions.items():
        for gvk in d.get("x-kubernetes-group-version-kind", []):
            group = gvk["group"] or "core"
            if group + "/" + gvk["version"] in GROUPS and not gvk["kind"].endswith("List") and "properties" in d \
                    and "apiVersion" in d["properties"]:
                wanted.add(name)
    todo, kept = list(wanted), {}
    while todo:
        name = todo.pop()
        if name in kept:
            continue
        kept[name] = strip(definitions[name])
        found = set()
        refs(kept[name], found)
        todo.extend(found - kept.keys())
    return {"definitions": dict(sorted(kept.items()))}


def crds(paths):
    out = []
    for path in paths:
        for doc in yaml.safe_load_all(open(path)):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            spec = doc["spec"]
            for version in spec["versions"]:
                if version.get("served") and version.get("storage"):
                    out.append({"group": spec["group"], "version": version["name"], "kind": spec["names"]["kind"],
                                "namespaced": spec["scope"] == "Namespaced",
                                "schema": strip(version["schema"]["openAPIV3Schema"])})
    return sorted(out, key=lambda c: (c["group"], c["kind"], c["version"]))


if __name__ == "__main__":
    with open("kubernetes.json", "w") as f:
        json.dump(kubernetes(sys.argv[1]), f, separators=(",", ":"), sort_keys=True)
    with open("crds.json", "w") as f:
        json.dump(crds(sys.argv[2:]), f, separators=(",", ":"), sort_keys=True)
