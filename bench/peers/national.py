#!/usr/bin/python3
"""National-scale timing: our solver against LEMON on a country-shaped market.

Writes (once; reused from --work-dir) a geographic instance of --rows candidates and
--cols offers (default 500k x 300k, 1..3 seats each, about 600k seats) with --degree
edges per candidate (default 100: about 50M edges, a file of about 0.9 GB), clustered
around towns as compare.py's geographic family, in two variants:
  plain    80 % of a candidate's edges to offers of its own town;
  popular  demand skewed toward good offers (instances.geographic_instance, popular=True):
           many candidates want the same few offers.
Then solves each file with
  - ours:  <build>/bin/matchctl solve --json --no-assignment
  - LEMON: <build>/bin/lemon_assignment with each of --lemon-algorithms
           (network-simplex, cost-scaling), stopped after --lemon-timeout seconds,
each under /usr/bin/time, one run each, in turn. Prints, per solver, the seconds to
read the file (the same reader for both), the seconds to solve it (LEMON: building
its graph and running), the peak resident memory of the whole process, and the
ratio LEMON solve / our solve. Every solver must report the same optimal cost.

  /usr/bin/python3 bench/peers/national.py --build build
  /usr/bin/python3 bench/peers/national.py --build build --variants popular \\
      --lemon-algorithms cost-scaling
  /usr/bin/python3 bench/peers/national.py --build build --rows 20000 --cols 12000  # quick
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

from instances import geographic_instance, write_edges

VARIANTS = ("plain", "popular")
LEMON_ALGORITHMS = ("network-simplex", "cost-scaling")


def instance_file(args, variant):
    """The instance's file, written first when it is not in the work folder."""
    path = os.path.join(args.work_dir,
                        f"national_{variant}_{args.rows}_{args.cols}_{args.degree}.edges")
    if os.path.exists(path):
        return path
    start = time.perf_counter()
    inst = geographic_instance(args.rows, args.cols, args.degree, seed=args.rows,
                               popular=(variant == "popular"))
    generated = time.perf_counter() - start
    write_edges(path + ".part", inst)
    os.replace(path + ".part", path)
    print(f"wrote {path}: {inst['rows'].size} edges, {int(inst['capacities'].sum())} seats "
          f"(generated in {generated:.0f} s, written in "
          f"{time.perf_counter() - start - generated:.0f} s)", file=sys.stderr, flush=True)
    return path


def timed_run(cmd, timeout):
    """Runs `cmd` under /usr/bin/time -v; returns (JSON line as dict, peak GiB), or
    (None, None) when it ran out of time."""
    try:
        proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None
    if proc.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                            proc.stderr).group(1))
    return data, peak_kb / 1048576


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, help="CMake build folder")
    parser.add_argument("--work-dir", default="/tmp/azm-assignment-peers",
                        help="where instance files are written (reused when present)")
    parser.add_argument("--rows", type=int, default=500000, help="candidates")
    parser.add_argument("--cols", type=int, default=300000, help="offers")
    parser.add_argument("--degree", type=int, default=100, help="edges per candidate")
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated: plain, popular")
    parser.add_argument("--lemon-algorithms", default=",".join(LEMON_ALGORITHMS),
                        help="comma-separated: network-simplex, cost-scaling ('' for none)")
    parser.add_argument("--lemon-timeout", type=float, default=1200,
                        help="seconds after which a LEMON run is stopped")
    args = parser.parse_args()

    variants = [v for v in args.variants.split(",") if v]
    algorithms = [a for a in args.lemon_algorithms.split(",") if a]
    for name, given, known in (("--variants", variants, VARIANTS),
                               ("--lemon-algorithms", algorithms, LEMON_ALGORITHMS)):
        unknown = sorted(set(given) - set(known))
        if unknown:
            sys.exit(f"error: {name} names unknown values: {', '.join(unknown)} "
                     f"(known: {', '.join(known)})")
    build = os.path.abspath(args.build)
    matchctl = os.path.join(build, "bin", "matchctl")
    lemon = os.path.join(build, "bin", "lemon_assignment")
    if not os.access(matchctl, os.X_OK):
        sys.exit(f"error: {matchctl} is not built (cmake --build {build} --target matchctl)")
    if algorithms and not os.access(lemon, os.X_OK):
        sys.exit(f"error: {lemon} is not built (needs liblemon-dev: "
                 f"deploy/install-deps.sh --with-peers)")
    os.makedirs(args.work_dir, exist_ok=True)

    print(f"national {args.rows // 1000}k x {args.cols // 1000}k, {args.degree} edges per "
          f"candidate; one run each; ratio = LEMON solve / ours solve\n")
    header = (f"{'variant':8} {'solver':22} {'cost':>12} {'read s':>8} {'solve s':>9} "
              f"{'peak GiB':>9} {'ratio':>7}")
    print(header)
    print("-" * len(header), flush=True)
    failed = False
    for variant in variants:
        path = instance_file(args, variant)
        ours, ours_peak = timed_run([matchctl, "solve", "--json", "--no-assignment", path],
                                    timeout=None)
        print(f"{variant:8} {'ours':22} {ours['cost']:>12} {ours['read_seconds']:>8.2f} "
              f"{ours['solve_seconds']:>9.2f} {ours_peak:>9.2f} {'':>7}", flush=True)
        for algorithm in algorithms:
            peer, peak = timed_run([lemon, "--algorithm", algorithm, path],
                                   timeout=args.lemon_timeout)
            name = f"LEMON {algorithm}"
            if peer is None:
                print(f"{variant:8} {name:22} {'-':>12} {'-':>8} "
                      f"{'>' + format(args.lemon_timeout, '.0f'):>9} {'-':>9} "
                      f"{'>' + format(args.lemon_timeout / ours['solve_seconds'], '.1f'):>7}",
                      flush=True)
                continue
            note = ""
            if peer["cost"] != ours["cost"]:
                failed = True
                note = f"  COST {peer['cost']} != {ours['cost']}"
            ratio = peer["solve_seconds"] / max(ours["solve_seconds"], 1e-9)
            print(f"{variant:8} {name:22} {peer['cost']:>12} {peer['read_seconds']:>8.2f} "
                  f"{peer['solve_seconds']:>9.2f} {peak:>9.2f} {ratio:>7.2f}{note}",
                  flush=True)
    if failed:
        sys.exit("error: a peer reported a different optimal cost")


if __name__ == "__main__":
    main()
