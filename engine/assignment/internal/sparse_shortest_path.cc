#include "engine/assignment/internal/sparse_shortest_path.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace azubimatch::engine::assignment_internal {
namespace {

constexpr int64_t kSettled = std::numeric_limits<int64_t>::min();

}  // namespace

// Both edge views give the edges of a row as the index range [begin, end) and the
// column and cost of each index.
// With kSorted, floor(e) <= cost(e) - price[col(e)] and floors rise along a row.
struct SparseShortestPath::CsrEdges {
  static constexpr bool kSorted = false;
  const int64_t* row_begin;
  const int32_t* cols;
  const int64_t* costs;
  int64_t begin(int32_t row) const { return row_begin[row]; }
  int64_t end(int32_t row) const { return row_begin[row + 1]; }
  int32_t col(int64_t e) const { return cols[e]; }
  int64_t cost(int64_t e) const { return costs[e]; }
  int64_t floor(int64_t) const { return std::numeric_limits<int64_t>::min() / 2; }
  void PrefetchRange(int32_t row) const { __builtin_prefetch(row_begin + row); }
  void PrefetchEdges(int32_t row) const { __builtin_prefetch(cols + row_begin[row]); }
};

struct SparseShortestPath::PackedEdges {
  static constexpr bool kSorted = true;
  const RowBlock* blocks;
  const PackedEdge* edges;
  const int64_t* sort_price;
  int64_t begin(int32_t row) const { return blocks[row].begin; }
  int64_t end(int32_t row) const { return blocks[row].end; }
  int32_t col(int64_t e) const { return edges[e].col; }
  int64_t cost(int64_t e) const { return edges[e].cost; }
  int64_t floor(int64_t e) const { return edges[e].cost - sort_price[edges[e].col]; }
  void PrefetchRange(int32_t row) const { __builtin_prefetch(blocks + row); }
  void PrefetchEdges(int32_t row) const { __builtin_prefetch(edges + blocks[row].begin); }
};

SparseShortestPath::SparseShortestPath(const CsrCosts& graph, const SolverState& state)
    : graph_(graph), columns_(graph.num_cols), used_in_phase_(graph.num_cols, -1) {
  for (int32_t col = 0; col < graph.num_cols; ++col) {
    columns_[col] = {state.price[col], kInfinity, 0, -1, false};
    RefreshEnds(col, state);
  }
  pack_edges_ =
      std::all_of(graph.cost.begin(), graph.cost.end(), [](int64_t c) {
        return c <= std::numeric_limits<int32_t>::max();
      });
}

namespace {

// Sorts `edges` (n of them) by floor = cost - sort_price[col], then by column, by
// insertion: rows are short, and nearly sorted when only re-sorted. `floors` has
// room for n entries.
template <typename Edge>
void SortByFloor(Edge* edges, int64_t n, const int64_t* sort_price, int64_t* floors) {
  for (int64_t k = 0; k < n; ++k) {
    const Edge edge = edges[k];
    const int64_t floor = edge.cost - sort_price[edge.col];
    auto before = [&](int64_t j) {
      return floor < floors[j] || (floor == floors[j] && edge.col < edges[j].col);
    };
    if (k == 0 || !before(k - 1)) {  // in place already: no write to the row
      floors[k] = floor;
      continue;
    }
    int64_t j = k;
    for (; j > 0 && before(j - 1); --j) {
      floors[j] = floors[j - 1];
      edges[j] = edges[j - 1];
    }
    floors[j] = floor;
    edges[j] = edge;
  }
}

}  // namespace

void SparseShortestPath::BuildPackedEdges(const SolverState& state) {
  const SeatAssignment& seats = state.seats;
  packed_.resize(graph_.num_edges());
  blocks_.resize(graph_.num_rows);
  int64_t next = 0;
  auto place = [&](int32_t row) {
    const int64_t begin = next;
    for (int64_t e = graph_.row_begin[row]; e < graph_.row_begin[row + 1]; ++e) {
      packed_[next++] = {graph_.col[e], static_cast<int32_t>(graph_.cost[e])};
    }
    blocks_[row] = {begin, next};
  };
  for (int32_t col = 0; col < graph_.num_cols; ++col) {
    for (int32_t row : seats.rows_in(col)) place(row);
  }
  for (int32_t row = 0; row < graph_.num_rows; ++row) {
    if (seats.col_of(row) < 0) place(row);
  }
  SortPackedEdges();
}

void SparseShortestPath::SortPackedEdges() {
  sort_price_.resize(graph_.num_cols);
  for (int32_t col = 0; col < graph_.num_cols; ++col)
    sort_price_[col] = columns_[col].price;
  drift_ = 0;
  std::vector<int64_t> floors;
  for (const RowBlock& block : blocks_) {
    const int64_t n = block.end - block.begin;
    if (static_cast<int64_t>(floors.size()) < n) floors.resize(n);
    SortByFloor(packed_.data() + block.begin, n, sort_price_.data(), floors.data());
  }
}

void SparseShortestPath::RefreshEnds(int32_t col, const SolverState& state) {
  columns_[col].ends_search = !state.seats.full(col) && state.SinkOffset(col) == 0;
}

int32_t SparseShortestPath::Pop() {
  const RadixHeap::Entry top = heap_.Pop();
  return columns_[top.value].dist == static_cast<int64_t>(top.key) ? top.value : -1;
}

int64_t SparseShortestPath::AugmentPhase(std::vector<int32_t>& free_rows,
                                         SolverState& state) {
  // The copy pays off when searches read far into the rows: at once with the
  // perfect rule (phases from all free rows), otherwise once the searches have
  // read as many edges as building the copy costs.
  if (pack_edges_ && (state.perfect || !packed_.empty() ||
                      edges_read_ >= kPackAfterEdgesRead * graph_.num_edges())) {
    if (packed_.empty()) {
      BuildPackedEdges(state);
    } else if (drift_ > kResortDrift) {
      SortPackedEdges();
    }
    return AugmentPhaseOver(
        PackedEdges{blocks_.data(), packed_.data(), sort_price_.data()}, free_rows,
        state);
  }
  return AugmentPhaseOver(
      CsrEdges{graph_.row_begin.data(), graph_.col.data(), graph_.cost.data()}, free_rows,
      state);
}

template <typename Edges>
int64_t SparseShortestPath::AugmentPhaseOver(const Edges& edges,
                                             std::vector<int32_t>& free_rows,
                                             SolverState& state) {
  int64_t assigned = 0;
  const size_t free_count = free_rows.size();
  if (state.perfect && free_count >= kMinRowsForFullPhase &&
      free_count * kColumnsPerFreeRow >= static_cast<size_t>(graph_.num_cols)) {
    // Guess how far the free seats are from the last phase; read farther only if
    // no free seat is that near.
    int64_t cutoff =
        Edges::kSorted ? std::max(kMinCutoff, 2 * last_phase_length_) : kInfinity;
    while (!SettleFromAll(edges, free_rows, cutoff, state) && cutoff < kInfinity) {
      cutoff = cutoff > kInfinity / 4 ? kInfinity : 4 * cutoff;
    }
    ++phase_;
    for (int32_t col : free_cols_settled_) assigned += TreePathAugment(col, state);
    free_cols_settled_.clear();
    free_rows.erase(
        std::remove_if(free_rows.begin(), free_rows.end(),
                       [&](int32_t row) { return state.seats.col_of(row) >= 0; }),
        free_rows.end());
    if (assigned > 0) return assigned;
  }
  if (!Augment(edges, free_rows.front(), state)) return -1;
  free_rows.erase(free_rows.begin());
  return assigned + 1;
}

template <typename Edges>
bool SparseShortestPath::SettleFromAll(const Edges& edges,
                                       const std::vector<int32_t>& free_rows,
                                       int64_t cutoff, SolverState& state) {
  SeatAssignment& seats = state.seats;
  Column* const columns = columns_.data();
  key_.resize(graph_.num_cols, kInfinity);
  int64_t* const key = key_.data();
  int64_t free_cols = 0;  // columns with a free seat not settled yet
  for (int32_t col = 0; col < graph_.num_cols; ++col)
    free_cols += columns[col].ends_search;
  const int64_t free_cols_before = free_cols;
  // h = dist of the row's column - u[row]. With sorted edges the row is read only
  // while an edge can come in at `cutoff` or nearer. key = dist + price, so a
  // relaxation compares cost + h with one entry.
  auto relax_row = [&](int32_t row, int64_t h) {
    const int64_t end = edges.end(row);
    for (int64_t e = edges.begin(row); e < end; ++e) {
      if constexpr (Edges::kSorted) {
        if (edges.floor(e) + h > cutoff) break;
      }
      const int32_t col = edges.col(e);
      const int64_t candidate = edges.cost(e) + h;
      if (candidate >= key[col]) continue;
      if (key[col] == kInfinity) touched_.push_back(col);
      key[col] = candidate;
      columns[col].pred_row = row;
      columns[col].pred_cost = edges.cost(e);
      heap_.Push(static_cast<uint64_t>(candidate - columns[col].price), col);
    }
  };
  for (int32_t start : free_rows) {
    int64_t offset = kInfinity;
    const int64_t end = edges.end(start);
    for (int64_t e = edges.begin(start); e < end && edges.floor(e) < offset; ++e) {
      offset = std::min(offset, edges.cost(e) - columns[edges.col(e)].price);
    }
    relax_row(start, -offset);
  }
  int64_t last = 0;
  while (!heap_.empty() && free_cols > 0) {
    const RadixHeap::Entry top = heap_.Pop();
    const int32_t col = top.value;
    Column& c = columns[col];
    const int64_t d = static_cast<int64_t>(top.key);
    if (d > cutoff) break;
    if (key[col] == kSettled || key[col] - c.price != d) continue;  // stale entry
    last = d;
    key[col] = kSettled;
    settled_cols_.push_back(col);
    settled_dist_.push_back(d);
    if (c.ends_search) {
      --free_cols;
      free_cols_settled_.push_back(col);
    }
    // The rows of a column sit at random places: fetch their edge ranges, then
    // the start of their edges, before reading any of them.
    const auto holders = seats.rows_in(col);
    for (int32_t row : holders) edges.PrefetchRange(row);
    for (int32_t row : holders) edges.PrefetchEdges(row);
    for (int32_t row : holders) relax_row(row, d - (seats.cost_of(row) - c.price));
  }
  // The columns not settled are farther than `last` (every edge that can come in
  // at `cutoff` or nearer was read), so their prices stay.
  for (size_t k = 0; k < settled_cols_.size(); ++k) {
    const int32_t col = settled_cols_[k];
    columns[col].price += settled_dist_[k] - last;
    state.price[col] = columns[col].price;
  }
  drift_ += last;
  last_phase_length_ = last;
  for (int32_t col : touched_) key[col] = kInfinity;
  touched_.clear();
  settled_cols_.clear();
  settled_dist_.clear();
  heap_.Clear();
  return free_cols < free_cols_before;
}

bool SparseShortestPath::TreePathAugment(int32_t end_col, SolverState& state) {
  SeatAssignment& seats = state.seats;
  Column* const columns = columns_.data();
  // The columns on the path: the free seat's, then the column of each row that
  // moves, up to the free row. The path is intact if no earlier path of this
  // phase used any of them (a row that moved did so out of a used column).
  auto previous = [&](int32_t col) { return seats.col_of(columns[col].pred_row); };
  if (seats.full(end_col)) return false;
  for (int32_t col = end_col; col >= 0; col = previous(col)) {
    if (used_in_phase_[col] == phase_) return false;
  }
  for (int32_t col = end_col; col >= 0; col = previous(col)) used_in_phase_[col] = phase_;
  ShiftAlongPath(
      end_col, [&](int32_t col) { return columns[col].pred_row; },
      [&](int32_t, int32_t col) { return columns[col].pred_cost; }, seats);
  RefreshEnds(end_col, state);
  return true;
}

template <typename Edges>
bool SparseShortestPath::Augment(const Edges& edges, int32_t start, SolverState& state) {
  SeatAssignment& seats = state.seats;
  Column* const columns = columns_.data();

  // The best free seat known so far ends the search at distance `bound`.
  int64_t bound = kInfinity;
  int32_t bound_col = -1;
  // The sink through an empty column priced above the free-seat price (warm
  // starts only): reached at `sink_dist` through `sink_col`.
  int64_t sink_dist = kInfinity;
  int32_t sink_col = -1;

  auto relax = [&](int32_t row, int64_t h, int64_t e) {
    const int32_t col = edges.col(e);
    Column& c = columns[col];
    const int64_t candidate = edges.cost(e) - c.price + h;
    if (candidate >= c.dist || candidate >= bound) return;
    if (c.dist == kInfinity) touched_.push_back(col);
    c.dist = candidate;
    c.pred_row = row;
    c.pred_cost = edges.cost(e);
    if (c.ends_search) {
      bound = candidate;
      bound_col = col;
      return;
    }
    heap_.Push(static_cast<uint64_t>(candidate), col);
  };

  // With sorted edges, a row is read only while an edge can still come in under
  // the best free seat known.
  auto relax_row = [&](int32_t row, int64_t h) {
    const int64_t end = edges.end(row);
    if constexpr (!Edges::kSorted) edges_read_ += end - edges.begin(row);
    for (int64_t e = edges.begin(row); e < end; ++e) {
      if constexpr (Edges::kSorted) {
        if (edges.floor(e) + h >= bound) break;
      }
      relax(row, h, e);
    }
  };
  // Distances are measured from the row's cheapest reduced cost, so that none is
  // negative (warm-start prices may exceed costs); only differences of distances
  // move prices.
  int64_t offset = kInfinity;
  for (int64_t e = edges.begin(start); e < edges.end(start) && edges.floor(e) < offset; ++e) {
    offset = std::min(offset, edges.cost(e) - columns[edges.col(e)].price);
  }
  relax_row(start, offset == kInfinity ? 0 : -offset);

  int32_t end_col = -1;
  int64_t length = 0;
  while (true) {
    const int64_t limit = std::min(bound, sink_dist);
    if (heap_.empty() || static_cast<int64_t>(heap_.MinKey()) >= limit) {
      if (bound <= sink_dist) {
        end_col = bound_col;
        length = bound;
      } else {
        end_col = sink_col;
        length = sink_dist;
      }
      break;
    }
    const int32_t col = Pop();
    if (col < 0) continue;
    Column& c = columns[col];
    const int64_t d = c.dist;
    c.dist = kSettled;
    settled_cols_.push_back(col);
    settled_dist_.push_back(d);
    if (!seats.full(col)) {
      // An empty column priced above the free-seat price: the sink is reachable
      // through it at an extra cost.
      const int64_t via_sink = d + (c.price - state.free_seat_price);
      if (via_sink < sink_dist) {
        sink_dist = via_sink;
        sink_col = col;
      }
      continue;
    }
    const auto holders = seats.rows_in(col);
    if constexpr (Edges::kSorted) {
      for (int32_t row : holders) edges.PrefetchRange(row);
      for (int32_t row : holders) edges.PrefetchEdges(row);
    }
    for (int32_t row : holders) {
      // h = d - u[row]; the next reduced cost is cost - price - u[row].
      relax_row(row, d - (seats.cost_of(row) - c.price));
    }
  }

  bool found = end_col >= 0;
  if (found) {
    for (size_t k = 0; k < settled_cols_.size(); ++k) {
      const int32_t col = settled_cols_[k];
      columns[col].price += settled_dist_[k] - length;
      state.price[col] = columns[col].price;
    }
    ShiftAlongPath(
        end_col, [&](int32_t col) { return columns[col].pred_row; },
        [&](int32_t, int32_t col) { return columns[col].pred_cost; }, seats);
    RefreshEnds(end_col, state);
  }
  for (int32_t col : touched_) columns[col].dist = kInfinity;
  touched_.clear();
  settled_cols_.clear();
  settled_dist_.clear();
  heap_.Clear();
  return found;
}

}  // namespace azubimatch::engine::assignment_internal
