#!/usr/bin/python3
"""Checks the deployment files: every Kubernetes manifest parses and holds the kinds and
fields matchd needs, the ConfigMap's matchd.toml agrees with the pods' ports, mounts
and probes, and deploy/Containerfile parses as a Containerfile built from Debian 12.

Usage: manifests_test.py DEPLOY_DIR [MATCHD_BINARY]
With MATCHD_BINARY, every key of the ConfigMap's matchd.toml must be a flag in
`matchd --help`.
"""
import json
import pathlib
import re
import subprocess
import sys
import tomllib
import unittest

import yaml

DEPLOY = pathlib.Path(sys.argv[1])
MATCHD = sys.argv[2] if len(sys.argv) > 2 else None
K8S = DEPLOY / "kubernetes"


def load_manifests():
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        with path.open() as f:
            for doc in yaml.safe_load_all(f):
                if doc is not None:
                    docs.append((path.name, doc))
    return docs


def by_kind(docs, kind):
    return [d for _, d in docs if d["kind"] == kind]


class ManifestsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.docs = load_manifests()
        cls.sts = by_kind(cls.docs, "StatefulSet")[0]
        cls.pod = cls.sts["spec"]["template"]["spec"]
        cls.container = cls.pod["containers"][0]
        configmap = [c for c in by_kind(cls.docs, "ConfigMap") if c["metadata"]["name"] == "matchd-config"][0]
        cls.config = tomllib.loads(configmap["data"]["matchd.toml"])

    def test_every_document_names_its_kind(self):
        for name, doc in self.docs:
            for field in ("apiVersion", "kind", "metadata"):
                self.assertIn(field, doc, name)
            self.assertTrue(doc["metadata"].get("name"), name)
        kinds = sorted({d["kind"] for _, d in self.docs})
        self.assertEqual(kinds, ["ConfigMap", "Secret", "Service", "StatefulSet"])

    def test_kustomization_lists_every_manifest_but_the_secret_layout(self):
        kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
        listed = set(kustomization["resources"])
        files = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
        self.assertEqual(listed, files - {"secrets.yaml"})
        for f in listed:
            self.assertTrue((K8S / f).exists(), f)

    def test_statefulset_has_one_writer_and_a_volume_claim(self):
        spec = self.sts["spec"]
        self.assertEqual(self.sts["apiVersion"], "apps/v1")
        self.assertEqual(spec["replicas"], 1)
        labels = spec["template"]["metadata"]["labels"]
        for key, value in spec["selector"]["matchLabels"].items():
            self.assertEqual(labels.get(key), value)
        claims = spec["volumeClaimTemplates"]
        self.assertEqual(len(claims), 1)
        self.assertEqual(claims[0]["spec"]["accessModes"], ["ReadWriteOnce"])
        self.assertIn("storage", claims[0]["spec"]["resources"]["requests"])
        mounts = {m["name"]: m["mountPath"] for m in self.container["volumeMounts"]}
        self.assertIn(claims[0]["metadata"]["name"], mounts)
        data_mount = mounts[claims[0]["metadata"]["name"]]
        self.assertTrue(self.config["data"].startswith(data_mount + "/"))
        self.assertTrue(self.config["backup_dir"].startswith(data_mount + "/"))
        self.assertFalse(self.config["backup_dir"].startswith(self.config["data"]))
        headless = [s for s in by_kind(self.docs, "Service")
                    if s["metadata"]["name"] == spec["serviceName"]]
        self.assertEqual(len(headless), 1)
        self.assertEqual(headless[0]["spec"]["clusterIP"], "None")

    def test_probes_are_native_grpc_on_the_health_port(self):
        health_port = int(self.config["health_listen"].rsplit(":", 1)[1])
        ports = {p["name"]: p["containerPort"] for p in self.container["ports"]}
        self.assertEqual(ports["health"], health_port)
        self.assertEqual(ports["grpc"], int(self.config["listen"].rsplit(":", 1)[1]))
        for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
            self.assertIn(probe, self.container)
            self.assertEqual(self.container[probe]["grpc"]["port"], health_port, probe)
            self.assertNotIn("httpGet", self.container[probe])
        grace = self.pod["terminationGracePeriodSeconds"]
        self.assertGreater(grace, self.config.get("shutdown_grace_seconds", 10))

    def test_the_container_runs_unprivileged(self):
        self.assertTrue(self.pod["securityContext"]["runAsNonRoot"])
        security = self.container["securityContext"]
        self.assertFalse(security["allowPrivilegeEscalation"])
        self.assertTrue(security["readOnlyRootFilesystem"])
        self.assertEqual(security["capabilities"]["drop"], ["ALL"])
        self.assertEqual(self.container["args"][0], "--config")
        config_mount = {m["name"]: m["mountPath"] for m in self.container["volumeMounts"]}["config"]
        self.assertEqual(self.container["args"][1], config_mount + "/matchd.toml")

    def test_service_reaches_the_grpc_port(self):
        service = [s for s in by_kind(self.docs, "Service") if s["metadata"]["name"] == "matchd"][0]
        labels = self.sts["spec"]["template"]["metadata"]["labels"]
        for key, value in service["spec"]["selector"].items():
            self.assertEqual(labels.get(key), value)
        port_names = {p["name"] for p in self.container["ports"]}
        for port in service["spec"]["ports"]:
            self.assertIn(port["targetPort"], port_names)
        # The health port is for the kubelet only, not published by the Service.
        self.assertNotIn("health", [p["targetPort"] for p in service["spec"]["ports"]])

    def test_secrets_hold_tls_and_the_admin_key(self):
        secrets = {s["metadata"]["name"]: s for s in by_kind(self.docs, "Secret")}
        tls = secrets["matchd-tls"]
        self.assertEqual(tls["type"], "kubernetes.io/tls")
        self.assertEqual(set(tls["stringData"]), {"tls.crt", "tls.key"})
        self.assertIn("admin.key", secrets["matchd-admin-key"]["stringData"])
        volumes = {v["name"]: v for v in self.pod["volumes"]}
        self.assertEqual(volumes["tls"]["secret"]["secretName"], "matchd-tls")
        tls_mount = {m["name"]: m["mountPath"] for m in self.container["volumeMounts"]}["tls"]
        self.assertEqual(self.config["tls_cert"], tls_mount + "/tls.crt")
        self.assertEqual(self.config["tls_key"], tls_mount + "/tls.key")
        # Layout only: no real key material in the repository.
        for secret in secrets.values():
            for value in secret.get("stringData", {}).values():
                self.assertEqual(value, "")

    def test_config_keys_are_matchd_flags(self):
        if MATCHD is None:
            self.skipTest("no matchd binary given")
        usage = subprocess.run([MATCHD, "--help"], check=True, capture_output=True,
                               text=True).stdout
        for key in self.config:
            self.assertIn("--" + key.replace("_", "-"), usage, key)


def containerfile_instructions(text):
    """(instruction, arguments) per logical line: comments dropped, '\\' joined."""
    instructions, current = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            current += line[:-1] + " "
            continue
        current += line
        keyword, _, args = current.partition(" ")
        instructions.append((keyword, args.strip()))
        current = ""
    if current:
        raise ValueError("Containerfile ends inside a continued line")
    return instructions


class ContainerfileTest(unittest.TestCase):
    KNOWN = {"FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
             "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK",
             "SHELL"}

    @classmethod
    def setUpClass(cls):
        cls.text = (DEPLOY / "Containerfile").read_text()
        cls.instructions = containerfile_instructions(cls.text)

    def test_it_parses_into_known_instructions(self):
        self.assertTrue(self.instructions)
        for keyword, args in self.instructions:
            self.assertIn(keyword, self.KNOWN, keyword)
            self.assertTrue(args, keyword)
        first = [k for k, _ in self.instructions if k != "ARG"][0]
        self.assertEqual(first, "FROM")

    def test_stages_are_debian_12(self):
        stages = [a for k, a in self.instructions if k == "FROM"]
        self.assertEqual(len(stages), 2)
        for stage in stages:
            image = stage.split()[0]
            self.assertRegex(image, r"(^|/)debian:(12|bookworm)(-slim)?$")
        # The final stage copies the package from the named build stage.
        names = [s.split()[-1] for s in stages if " AS " in s.upper()]
        copies = [a for k, a in self.instructions if k == "COPY" and a.startswith("--from=")]
        self.assertTrue(copies)
        for copy in copies:
            self.assertIn(copy.split()[0].split("=", 1)[1], names)

    def test_build_stage_installs_the_build_dependencies(self):
        install_deps = (DEPLOY / "install-deps.sh").read_text()
        for package in ("libcli11-dev", "libtomlplusplus-dev", "libsystemd-dev",
                        "libgrpc++-dev", "librocksdb-dev", "libabsl-dev", "dpkg-dev"):
            self.assertIn(package, install_deps, package)
            self.assertIn(package, self.text, package)

    def test_the_image_runs_matchd_unprivileged(self):
        entry = [a for k, a in self.instructions if k == "ENTRYPOINT"][-1]
        self.assertEqual(json.loads(entry), ["/usr/bin/matchd"])
        json.loads([a for k, a in self.instructions if k == "CMD"][-1])
        user = [a for k, a in self.instructions if k == "USER"][-1]
        self.assertNotIn(user.split(":")[0], ("0", "root"))
        exposed = {int(p) for k, a in self.instructions if k == "EXPOSE" for p in a.split()}
        sts = yaml.safe_load((K8S / "statefulset.yaml").read_text())
        ports = {p["containerPort"] for p in sts["spec"]["template"]["spec"]["containers"][0]["ports"]}
        self.assertEqual(exposed, ports)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
