#!/usr/bin/env python3
"""Checks that the build compiles every engine source against the engine include root
alone (cmake/azm_helpers.cmake, "Layers"): no -I of the source root, of the generated
protos or of any folder outside it, so that the compiler refuses a forbidden include.

Reads the build's compile_commands.json. Prints every offending source with the folder
it may not see and exits 1 when there is one; prints a count and exits 0 otherwise.
Usage: check_engine_flags.py SOURCE_ROOT BUILD_ROOT
"""
import json
import pathlib
import shlex
import sys


def include_dirs(command: list[str]) -> list[str]:
    dirs = []
    for i, arg in enumerate(command):
        if arg in ("-I", "-isystem") and i + 1 < len(command):
            dirs.append((arg, command[i + 1]))
        elif arg.startswith("-I") and len(arg) > 2:
            dirs.append(("-I", arg[2:]))
    return dirs


def main() -> int:
    source_root = pathlib.Path(sys.argv[1]).resolve()
    build_root = pathlib.Path(sys.argv[2]).resolve()
    engine_root = (build_root / "include_roots" / "engine").as_posix()
    entries = json.loads((build_root / "compile_commands.json").read_text())
    problems = []
    checked = 0
    for entry in entries:
        source = pathlib.Path(entry["directory"], entry["file"]).resolve()
        try:
            rel = source.relative_to(source_root).as_posix()
        except ValueError:
            continue
        if not rel.startswith("engine/"):
            continue
        checked += 1
        command = entry.get("arguments") or shlex.split(entry["command"])
        dirs = include_dirs(command)
        if ("-I", engine_root) not in dirs:
            problems.append(f"{rel}: not compiled against {engine_root}")
        for kind, folder in dirs:
            resolved = pathlib.Path(folder).resolve()
            if kind == "-I" and folder != engine_root and (
                    resolved == source_root or resolved.is_relative_to(source_root) or
                    resolved.is_relative_to(build_root)):
                problems.append(f"{rel}: sees {folder}")
    for problem in problems:
        print(problem)
    print(f"engine include root: {checked} engine sources checked, {len(problems)} violations")
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
