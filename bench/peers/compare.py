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
  /usr/bin/python3 bench/peers/compare.py --build build --national   # + 500k x 300k
  /usr/bin/python3 bench/peers/compare.py --build build --only capacitated
  /usr/bin/python3 bench/peers/compare.py --build build --only geographic --geographic 500000x300000
The "geographic" family is shaped like a country (geographic_instance): candidates and
offers clustered around towns, 80 % of a candidate's edges to offers of its own town.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


# ---------------------------------------------------------------- instances

def dense_instance(n, seed):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 1000, size=(n, n), dtype=np.int64)


def unique_edges(rows, cols, costs, num_cols):
    """Keeps one edge per (row, col), the cheapest; sorted by row then column."""
    key = rows.astype(np.int64) * num_cols + cols
    order = np.lexsort((costs, key))
    key, costs = key[order], costs[order]
    first = np.ones(key.size, dtype=bool)
    first[1:] = key[1:] != key[:-1]
    key, costs = key[first], costs[first]
    return key // num_cols, key % num_cols, costs


def random_edges(rng, num_rows, num_cols, hidden_col, degree):
    rows = np.repeat(np.arange(num_rows, dtype=np.int64), degree + 1)
    cols = np.empty((num_rows, degree + 1), dtype=np.int64)
    cols[:, 0] = hidden_col
    cols[:, 1:] = rng.integers(0, num_cols, size=(num_rows, degree))
    costs = rng.integers(0, 1000, size=rows.size, dtype=np.int64)
    return unique_edges(rows, cols.ravel(), costs, num_cols)


def sparse_instance(n, degree, seed):
    """n x n, `degree` random columns per row plus a hidden perfect matching."""
    rng = np.random.default_rng(seed)
    rows, cols, costs = random_edges(rng, n, n, rng.permutation(n), degree)
    return dict(num_rows=n, capacities=np.ones(n, dtype=np.int64), rows=rows, cols=cols,
                costs=costs)


def capacitated_instance(num_rows, num_cols, degree, seed):
    """Capacities uniform in 1..10, topped up at random until seats == rows."""
    rng = np.random.default_rng(seed)
    capacities = rng.integers(1, 11, size=num_cols, dtype=np.int64)
    missing = num_rows - int(capacities.sum())
    if missing > 0:
        np.add.at(capacities, rng.integers(0, num_cols, size=missing), 1)
    assert capacities.sum() == num_rows, "top-up only: choose rows >= 10 * cols"
    seats = rng.permutation(np.repeat(np.arange(num_cols), capacities))
    rows, cols, costs = random_edges(rng, num_rows, num_cols, seats, degree)
    return dict(num_rows=num_rows, capacities=capacities, rows=rows, cols=cols, costs=costs)


def geographic_instance(num_rows, num_cols, degree, seed, towns=300, near_share=0.8):
    """A country-shaped market: `towns` towns in a 250 km square with Zipf-like sizes;
    candidates and offers live around them (6 km spread); offers have 1..3 seats with
    at least as many seats as candidates. Each candidate gets `degree` edges, a share
    `near_share` of them to offers of its own town and the rest anywhere, plus one to a
    seat of a hidden complete assignment (so every peer can match every row). Cost =
    10 x distance in km plus a private taste in 0..199: far pairs cost more, as a
    commute does."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(0, 250, size=(towns, 2))
    weights = 1.0 / np.arange(1, towns + 1)
    weights /= weights.sum()
    row_town = rng.choice(towns, size=num_rows, p=weights)
    col_town = rng.choice(towns, size=num_cols, p=weights)
    row_xy = centres[row_town] + rng.normal(0, 6, size=(num_rows, 2))
    col_xy = centres[col_town] + rng.normal(0, 6, size=(num_cols, 2))
    capacities = rng.integers(1, 4, size=num_cols, dtype=np.int64)
    missing = num_rows - int(capacities.sum())
    if missing > 0:
        np.add.at(capacities, rng.integers(0, num_cols, size=missing), 1)
    hidden = rng.permutation(np.repeat(np.arange(num_cols), capacities))[:num_rows]
    # Offers by town, to draw near ones: offers_by_town[start[t] : start[t] + count[t]].
    offers_by_town = np.argsort(col_town, kind="stable")
    count = np.bincount(col_town, minlength=towns)
    start = np.concatenate(([0], np.cumsum(count)[:-1]))
    near = int(round(degree * near_share))
    rows = np.repeat(np.arange(num_rows, dtype=np.int64), degree + 1)
    cols = np.empty((num_rows, degree + 1), dtype=np.int64)
    cols[:, 0] = hidden
    town_count = count[row_town][:, None]
    pick = (rng.random((num_rows, near)) * np.maximum(town_count, 1)).astype(np.int64)
    near_cols = offers_by_town[np.minimum(start[row_town][:, None] + pick, num_cols - 1)]
    anywhere = rng.integers(0, num_cols, size=(num_rows, near))
    cols[:, 1:near + 1] = np.where(town_count > 0, near_cols, anywhere)
    cols[:, near + 1:] = rng.integers(0, num_cols, size=(num_rows, degree - near))
    cols = cols.ravel()
    distance = np.hypot(*(row_xy[rows] - col_xy[cols]).T)
    costs = (10 * distance).astype(np.int64) + rng.integers(0, 200, size=rows.size)
    rows, cols, costs = unique_edges(rows, cols, costs, num_cols)
    return dict(num_rows=num_rows, capacities=capacities, rows=rows, cols=cols, costs=costs)


def write_orlib(path, matrix):
    with open(path, "w") as out:
        out.write(f"{matrix.shape[0]}\n")
        np.savetxt(out, matrix, fmt="%d")


def write_edges(path, inst):
    with open(path, "w") as out:
        caps = inst["capacities"]
        out.write(f"{inst['num_rows']} {caps.size} {inst['rows'].size}\n")
        big = np.nonzero(caps != 1)[0]
        if big.size:
            np.savetxt(out, np.column_stack((big, caps[big])), fmt="cap %d %d")
        np.savetxt(out, np.column_stack((inst["rows"], inst["cols"], inst["costs"])),
                   fmt="%d")


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
                        help="also time the 500k x 300k national instance (time, peak memory)")
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
        bench = os.path.join(build, "bin", "assignment_bench")
        cmd = ["/usr/bin/time", "-v", bench, "--national", "--benchmark_filter=BM_National",
               "--benchmark_format=json"]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"national instance failed: {proc.stderr[-2000:]}")
        result = json.loads(proc.stdout)["benchmarks"][0]
        peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)",
                                proc.stderr).group(1))
        print(f"\nnational 500k x 300k, 600k seats, ~100 edges/row (assignment_bench, "
              f"generation in process): solve {result['real_time']:.2f} s wall, "
              f"{result['cpu_time']:.2f} s CPU, cost {int(result['cost'])}, "
              f"peak memory {peak_kb / 1048576:.2f} GiB (whole process)")
    if failed:
        sys.exit("error: a peer reported a different optimal cost")


if __name__ == "__main__":
    main()
