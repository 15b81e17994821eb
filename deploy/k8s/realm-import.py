#!/usr/bin/env python3
"""Writes an overlay's KeycloakRealmImport from a realm file of deploy/keycloak, unchanged:

    python3 deploy/k8s/realm-import.py deploy/keycloak/realm-unity-production.json > deploy/k8s/overlays/production/realm-import.yaml

DeployManifestsTest fails when an overlay's import differs from its realm file.
"""
import json
import sys

import yaml

realm = json.load(open(sys.argv[1]))
name = sys.argv[1].rsplit("/", 1)[-1]
print("# Realm unity for the Keycloak operator: " + name + " as it is (regenerate with deploy/k8s/realm-import.py)")
print(yaml.safe_dump({"apiVersion": "k8s.keycloak.org/v2alpha1", "kind": "KeycloakRealmImport",
                      "metadata": {"name": "unity", "labels": {"app.kubernetes.io/part-of": "tuanjie"}},
                      "spec": {"keycloakCRName": "keycloak", "realm": realm}},
                     allow_unicode=True, sort_keys=False, width=120), end="")
