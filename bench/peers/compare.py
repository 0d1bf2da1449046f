#!/usr/bin/python3
"""Side-by-side timing of the azubimatch assignment solver against peers.

Generates the timing instances of issue 3 with fixed seeds, writes them to files,
and solves each with
  - ours:  <build>/bin/matchctl solve --json --no-assignment (solve_seconds, which
           excludes reading the file); <build>/bin/assignment_solve, the same
           command on its own, if matchctl is not built;
  - scipy: linear_sum_assignment (dense), min_weight_full_bipartite_matching
           (LAPJVsp; sparse, and capacitated with one column per seat);
  - LEMON: NetworkSimplex through <build>/bin/lemon_assignment (graph build + run).
The "matching" family is the optimal mode's problem for a generated cohort of 50k
candidates and 20k offers (written by <build>/bin/cohort_assign): rows and seats
both to spare, so LEMON runs with --max-cardinality and scipy (which needs a
complete matching) sits it out.
Every solver must report the same optimal cost. Times are the best of --repeat
runs, taken in turn in one process, so every ratio compares runs made under the
same machine load. Ratio = peer time / our time (> 1: we are faster).

  /usr/bin/python3 bench/peers/compare.py --build build
  /usr/bin/python3 bench/peers/compare.py --build build --national   # + national.py
  /usr/bin/python3 bench/peers/compare.py --build build --only capacitated
  /usr/bin/python3 bench/peers/compare.py --build build --only geographic --geographic 500000x300000
The "geographic" family is shaped like a country (geographic_instance): candidates and
offers clustered around towns, 80 % of a candidate's edges to offers of its own town.
"""

import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from instances import (capacitated_instance, dense_instance, geographic_instance,
                       sparse_instance, write_edges, write_orlib)


# ---------------------------------------------------------------- solvers

def run_json(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    line = proc.stdout.strip().splitlines()[-1]
    data = json.loads(line)
    return int(data["cost"]), float(data["solve_seconds"])


def ours_command(build):
    matchctl = os.path.join(build, "bin", "matchctl")
    if os.access(matchctl, os.X_OK):
        probe = subprocess.run([matchctl, "solve", "--help"], capture_output=True, text=True)
        if probe.returncode == 0:
            return [matchctl, "solve"], "matchctl solve"
    fallback = os.path.join(build, "bin", "assignment_solve")
    if os.access(fallback, os.X_OK):
        print(f"note: {matchctl} is not built (or has no local solve); using "
              f"{fallback}, the same command on its own", file=sys.stderr)
        return [fallback], "assignment_solve"
    sys.exit(f"error: neither {matchctl} nor {fallback} is built; build with\n"
             f"  cmake --build {build} --target matchctl   (or assignment_solve)")


def scipy_lsa(matrix):
    start = time.perf_counter()
    rows, cols = linear_sum_assignment(matrix)
    seconds = time.perf_counter() - start
    return int(matrix[rows, cols].sum()), seconds


def scipy_lapjvsp(inst, replicate_seats=False):
    """min_weight_full_bipartite_matching; capacities as one column per seat."""
    rows, cols, costs = inst["rows"], inst["cols"], inst["costs"]
    caps = inst["capacities"]
    num_cols = caps.size
    if replicate_seats:
        first_seat = np.concatenate(([0], np.cumsum(caps)[:-1]))
        repeat = caps[cols]
        rows = np.repeat(rows, repeat)
        costs = np.repeat(costs, repeat)
        offset = np.arange(rows.size) - np.repeat(np.cumsum(repeat) - repeat, repeat)
        cols = np.repeat(first_seat[inst["cols"]], repeat) + offset
        num_cols = int(caps.sum())
    # Weights shifted by 1: the sparse matrix must not mistake a zero cost for a
    # missing edge. Every row is matched, so the shift adds exactly num_rows.
    start = time.perf_counter()
    matrix = csr_matrix((costs + 1, (rows, cols)), shape=(inst["num_rows"], num_cols))
    r, c = min_weight_full_bipartite_matching(matrix)
    seconds = time.perf_counter() - start
    return int(np.asarray(matrix[r, c]).sum()) - inst["num_rows"], seconds


def best_of(repeat, fn):
    costs, times = set(), []
    for _ in range(repeat):
        cost, seconds = fn()
        costs.add(cost)
        times.append(seconds)
    if len(costs) != 1:
        raise RuntimeError(f"different costs across runs: {sorted(costs)}")
    return costs.pop(), min(times)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, help="CMake build folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per solver (best kept)")
    parser.add_argument("--dense", default="500,1000,2000,4000", help="dense sizes n")
    parser.add_argument("--work-dir", default="/tmp/azm-assignment-peers",
                        help="where instance files are written (reused when present)")
    parser.add_argument("--lemon-dense-max", type=int, default=2000,
                        help="largest dense n given to LEMON (it is slow there)")
    parser.add_argument("--only", default="dense,sparse,capacitated,matching,geographic",
                        help="comma-separated instance families to time "
                             "(dense, sparse, capacitated, matching, geographic)")
    parser.add_argument("--geographic", default="100000x60000",
                        help="candidates x offers of the geographic family (the national "
                             "scale is 500000x300000)")
    parser.add_argument("--national", action="store_true",
                        help="also run national.py: the 500k x 300k national instances, "
                             "plain and popular, against LEMON (read, solve, peak memory)")
    args = parser.parse_args()

    build = os.path.abspath(args.build)
    os.makedirs(args.work_dir, exist_ok=True)
    ours, ours_name = ours_command(build)
    lemon = os.path.join(build, "bin", "lemon_assignment")
    have_lemon = os.access(lemon, os.X_OK)
    if not have_lemon:
        print(f"note: {lemon} not built (LEMON headers missing?): LEMON column skipped",
              file=sys.stderr)

    families = {x for x in args.only.split(",") if x}
    unknown = families - {"dense", "sparse", "capacitated", "matching", "geographic"}
    if unknown:
        sys.exit(f"error: --only names unknown families: {', '.join(sorted(unknown))}")
    cases = []  # (name, file, format, scipy runner or None, scipy name, lemon?)
    dense_sizes = [int(x) for x in args.dense.split(",") if x] if "dense" in families else []
    for n in dense_sizes:
        path = os.path.join(args.work_dir, f"dense{n}.orlib")
        matrix = dense_instance(n, seed=n)
        if not os.path.exists(path):
            write_orlib(path, matrix)
        cases.append((f"dense {n}x{n}", path, "orlib",
                      (lambda m=matrix: scipy_lsa(m)), "scipy LSA", n <= args.lemon_dense_max))
    if "sparse" in families:
        sparse = sparse_instance(20000, 50, seed=20000)
        path = os.path.join(args.work_dir, "sparse20k_50.edges")
        if not os.path.exists(path):
            write_edges(path, sparse)
        cases.append(("sparse 20k x 20k, 50/row", path, "edges",
                      (lambda: scipy_lapjvsp(sparse)), "scipy LAPJVsp", True))
    if "capacitated" in families:
        capacitated = capacitated_instance(20000, 2500, 20, seed=2500)
        path = os.path.join(args.work_dir, "capacitated20k_2500.edges")
        if not os.path.exists(path):
            write_edges(path, capacitated)
        cases.append(("capacitated 20k x 2.5k x 10", path, "edges",
                      (lambda: scipy_lapjvsp(capacitated, replicate_seats=True)),
                      "scipy LAPJVsp/seat", True))

    if "geographic" in families:
        geo_rows, geo_cols = (int(x) for x in args.geographic.lower().split("x"))
        geographic = geographic_instance(geo_rows, geo_cols, 20, seed=geo_rows)
        path = os.path.join(args.work_dir, f"geographic{geo_rows}_{geo_cols}.edges")
        if not os.path.exists(path):
            write_edges(path, geographic)
        cases.append((f"geographic {geo_rows // 1000}k x {geo_cols // 1000}k, 80% near",
                      path, "edges",
                      (lambda: scipy_lapjvsp(geographic, replicate_seats=True)),
                      "scipy LAPJVsp/seat", True))
    if "matching" in families:
        # The optimal mode's problem for a generated 50k-candidate x 20k-offer cohort
        # (bench/cohort_assign): rows and seats both to spare, most rows first.
        path = os.path.join(args.work_dir, "matching50k_20k.edges")
        cohort_assign = os.path.join(build, "bin", "cohort_assign")
        if not os.path.exists(path):
            if not os.access(cohort_assign, os.X_OK):
                sys.exit(f"error: {cohort_assign} is not built; build it with\n"
                         f"  cmake --build {build} --target cohort_assign")
            subprocess.run([cohort_assign, "--modes", "", "--write-problem", path],
                           check=True, stdout=subprocess.DEVNULL)
        cases.append(("matching 50k x 20k cohort", path, "edges", None, "-", True))
    print(f"ours = {ours_name}; best of {args.repeat} runs each; ratio = peer / ours\n")
    header = (f"{'instance':30} {'cost':>10} {'ours s':>9} {'scipy s':>9} {'scipy/ours':>10}"
              f" {'LEMON s':>9} {'LEMON/ours':>10}  scipy solver")
    print(header)
    print("-" * len(header))
    failed = False
    for name, path, fmt, scipy_fn, scipy_name, use_lemon in cases:
        cost, ours_s = best_of(args.repeat, lambda: run_json(
            ours + ["--format", fmt, "--json", "--no-assignment", path]))
        row = f"{name:30} {cost:>10} {ours_s:>9.4f}"
        peers = []
        if scipy_fn is not None:
            peers.append(best_of(args.repeat, scipy_fn))
        else:
            peers.append(None)
        if have_lemon and use_lemon:
            lemon_flags = ["--max-cardinality"] if name.startswith("matching") else []
            peers.append(best_of(args.repeat, lambda: run_json(
                [lemon, "--format", fmt] + lemon_flags + [path])))
        else:
            peers.append(None)
        for peer in peers:
            if peer is None:
                row += f" {'-':>9} {'-':>10}"
                continue
            peer_cost, peer_s = peer
            if peer_cost != cost:
                failed = True
                row += f" COST {peer_cost} != {cost}"
            row += f" {peer_s:>9.4f} {peer_s / ours_s:>10.2f}"
        print(row + f"  {scipy_name}", flush=True)

    if args.national:
        national = os.path.join(os.path.dirname(os.path.abspath(__file__)), "national.py")
        print(flush=True)
        proc = subprocess.run([sys.executable, national, "--build", build,
                               "--work-dir", args.work_dir])
        failed = failed or proc.returncode != 0
    if failed:
        sys.exit("error: a peer reported a different optimal cost")


if __name__ == "__main__":
    main()
