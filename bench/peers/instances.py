"""The timing instances of bench/peers: generated with fixed seeds (numpy only), and
written in the problem file formats of `matchctl solve` (clients/solve/problem_formats.h).
Used by compare.py and national.py."""

import numpy as np


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


def geographic_instance(num_rows, num_cols, degree, seed, towns=300, near_share=0.8,
                        popular=False):
    """A country-shaped market: `towns` towns in a 250 km square with Zipf-like sizes;
    candidates and offers live around them (6 km spread); offers have 1..3 seats with
    at least as many seats as candidates. Each candidate gets `degree` edges, a share
    `near_share` of them to offers of its own town and the rest anywhere, plus one to a
    seat of a hidden complete assignment (so every peer can match every row). Cost =
    10 x distance in km plus a private taste in 0..199: far pairs cost more, as a
    commute does.

    popular=True skews demand toward good offers: each offer gets an appeal in [0, 1)
    (most low, a few high: uniform to the 4th power), near edges go mostly to the most
    appealing offers of the town, the other edges to offers drawn by appeal, and every
    pair costs 600 x (1 - appeal) more, so that many candidates want the same few
    offers. The draws of the plain instance are unchanged (the appeal has its own
    random stream)."""
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
    appeal = np.random.default_rng(seed + 1).random(num_cols) ** 4 if popular else None
    # Offers by town, to draw near ones: offers_by_town[start[t] : start[t] + count[t]]
    # (popular: the most appealing first within each town).
    if popular:
        offers_by_town = np.lexsort((-appeal, col_town))
    else:
        offers_by_town = np.argsort(col_town, kind="stable")
    count = np.bincount(col_town, minlength=towns)
    start = np.concatenate(([0], np.cumsum(count)[:-1]))
    near = int(round(degree * near_share))
    rows = np.repeat(np.arange(num_rows, dtype=np.int64), degree + 1)
    cols = np.empty((num_rows, degree + 1), dtype=np.int64)
    cols[:, 0] = hidden
    town_count = count[row_town][:, None]
    draw = rng.random((num_rows, near))
    if popular:
        draw = draw ** 3  # toward the front: the town's most appealing offers
    pick = (draw * np.maximum(town_count, 1)).astype(np.int64)
    near_cols = offers_by_town[np.minimum(start[row_town][:, None] + pick, num_cols - 1)]
    anywhere = rng.integers(0, num_cols, size=(num_rows, near))
    cols[:, 1:near + 1] = np.where(town_count > 0, near_cols, anywhere)
    cols[:, near + 1:] = rng.integers(0, num_cols, size=(num_rows, degree - near))
    if popular:
        by_appeal = (appeal + 0.01) / (appeal + 0.01).sum()
        cols[:, near + 1:] = np.random.default_rng(seed + 2).choice(
            num_cols, size=(num_rows, degree - near), p=by_appeal)
    cols = cols.ravel()
    distance = np.hypot(*(row_xy[rows] - col_xy[cols]).T)
    costs = (10 * distance).astype(np.int64) + rng.integers(0, 200, size=rows.size)
    if popular:
        costs += (600 * (1.0 - appeal[cols])).astype(np.int64)
    rows, cols, costs = unique_edges(rows, cols, costs, num_cols)
    return dict(num_rows=num_rows, capacities=capacities, rows=rows, cols=cols, costs=costs)


def write_orlib(path, matrix):
    with open(path, "w") as out:
        out.write(f"{matrix.shape[0]}\n")
        np.savetxt(out, matrix, fmt="%d")


def write_edges(path, inst):
    """The edges format: 'R C E', 'cap <col> <capacity>' for every column with more than
    one seat, then one '<row> <col> <cost>' line per edge (about 1.5 s per million)."""
    with open(path, "w") as out:
        caps = inst["capacities"]
        out.write(f"{inst['num_rows']} {caps.size} {inst['rows'].size}\n")
        big = np.nonzero(caps != 1)[0]
        if big.size:
            np.savetxt(out, np.column_stack((big, caps[big])), fmt="cap %d %d")
        np.savetxt(out, np.column_stack((inst["rows"], inst["cols"], inst["costs"])),
                   fmt="%d")
