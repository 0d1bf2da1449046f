"""Builds the azubimatch-client package: azubimatch_client.py plus the message classes,
generated while building with `protoc --python_out` from the repository's proto/ folder.

The generated modules are installed as the package `azubimatch` (azubimatch.v1.*_pb2);
google.api and google.rpc, which the API's protos import, go to azubimatch._google
(imports rewritten), so the package never writes into the shared `google` namespace of
python3-protobuf or googleapis-common-protos.

Environment: PROTOC (default: protoc on the PATH), AZM_PROTO_DIR (default: ../../proto, the
repository's proto/ beside this folder).
"""

import os
import re
import shutil
import subprocess
import tempfile

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
GOOGLE_PACKAGES = ("google/api", "google/rpc")


def proto_files(proto_dir):
    files = []
    for folder in ("azubimatch/v1",) + GOOGLE_PACKAGES:
        path = os.path.join(proto_dir, folder)
        files += sorted(folder + "/" + name for name in os.listdir(path)
                        if name.endswith(".proto"))
    return files


def generate_messages(target):
    """Writes azubimatch/v1/*_pb2.py and azubimatch/_google/{api,rpc}/*_pb2.py into target."""
    proto_dir = os.environ.get("AZM_PROTO_DIR") or os.path.join(HERE, "..", "..", "proto")
    proto_dir = os.path.abspath(proto_dir)
    if not os.path.isdir(os.path.join(proto_dir, "azubimatch", "v1")):
        raise SystemExit("azubimatch-client: no protos in %s; build from a repository checkout "
                         "or set AZM_PROTO_DIR" % proto_dir)
    protoc = os.environ.get("PROTOC") or shutil.which("protoc")
    if not protoc:
        raise SystemExit("azubimatch-client: protoc not found (apt-get install protobuf-compiler, "
                         "or set PROTOC)")
    with tempfile.TemporaryDirectory() as out:
        command = [protoc, "-I", proto_dir]
        if os.path.isdir("/usr/include/google/protobuf"):
            command += ["-I", "/usr/include"]
        subprocess.run(command + ["--python_out=" + out] + proto_files(proto_dir),
                       cwd=proto_dir, check=True)
        package = os.path.join(target, "azubimatch")
        shutil.rmtree(package, ignore_errors=True)
        shutil.copytree(os.path.join(out, "azubimatch"), package)
        for folder in GOOGLE_PACKAGES:
            shutil.copytree(os.path.join(out, folder), os.path.join(package, "_google",
                                                                    os.path.basename(folder)))
        for root, _, files in os.walk(package):
            open(os.path.join(root, "__init__.py"), "a").close()
            for name in files:
                if not name.endswith("_pb2.py"):
                    continue
                path = os.path.join(root, name)
                with open(path) as f:
                    text = f.read()
                text = re.sub(r"^from google\.(api|rpc) import", r"from azubimatch._google.\1 import",
                              text, flags=re.M)
                with open(path, "w") as f:
                    f.write(text)


class BuildPyWithMessages(build_py):
    """build_py, then the generated message classes into the same build folder."""

    def run(self):
        super().run()
        generate_messages(self.build_lib)


setup(cmdclass={"build_py": BuildPyWithMessages})
