#!/usr/bin/env python3
"""Checks the include rules of the source tree (cmake/azm_helpers.cmake, "Layers").

Every quoted #include of a file under engine/, service/ or clients/ must name a header
its layer may see:
  engine             engine/ and absl/
  service/transport  engine/, service/transport/, absl/, grpcpp/
  service            anything but clients/, bench/ and tests/
  clients            anything but service/ (except service/transport/), bench/, tests/
Prints every offending line as FILE:LINE: include "X" (LAYER may not include it) and
exits 1 when there is one; prints a count and exits 0 otherwise.
Usage: check_includes.py SOURCE_ROOT
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SOURCE_SUFFIXES = {".h", ".cc"}


def layer_of(rel: str) -> str | None:
    if rel.startswith("engine/"):
        return "engine"
    if rel.startswith("service/transport/"):
        return "transport"
    if rel.startswith("service/"):
        return "service"
    if rel.startswith("clients/"):
        return "clients"
    return None


def allowed(layer: str, header: str) -> bool:
    if layer == "engine":
        return header.startswith(("engine/", "absl/"))
    if layer == "transport":
        return header.startswith(("engine/", "service/transport/", "absl/", "grpcpp/"))
    if layer == "service":
        return not header.startswith(("clients/", "bench/", "tests/"))
    if layer == "clients":
        if header.startswith("service/"):
            return header.startswith("service/transport/")
        return not header.startswith(("bench/", "tests/"))
    return True


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    problems = []
    checked = 0
    for path in sorted(root.rglob("*")):
        if path.suffix not in SOURCE_SUFFIXES or not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if rel.startswith(("build", ".git")):
            continue
        layer = layer_of(rel)
        if layer is None:
            continue
        checked += 1
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            match = INCLUDE.match(line)
            if match and not allowed(layer, match.group(1)):
                problems.append(f'{rel}:{number}: include "{match.group(1)}" '
                                f"({layer} may not include it)")
    for problem in problems:
        print(problem)
    print(f"include rules: {checked} files checked, {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
