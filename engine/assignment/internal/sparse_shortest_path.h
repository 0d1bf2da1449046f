// Internal to engine/assignment: shortest augmenting paths on compressed sparse
// rows (LAPJVsp-style, with native capacities).
//
// Dijkstra over columns from one free row, with a binary heap and lazy deletion;
// reduced costs cost - u[row] - price[col] are >= 0, so distances are exact. A full
// column is passed through all of its rows at zero reduced cost; a column with a
// free seat ends the search (early exit; ties toward free columns, then lower
// index). Once some free seat is known at distance B, nothing at B or beyond is
// queued. Prices are updated lazily, only for the settled columns: price += dist
// - D, D the length of the path. The per-column data a relaxation touches (price,
// distance, predecessor, whether full) sits in one 32-byte record, one cache line
// per edge. Only the columns touched are reset, so a short search costs O(its
// size).
//
// Complexity: O(E' log E') per augmentation, E' the edges of the rows reached.
// Thread safety: none; owned by one solve.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/solver_state.h"

namespace azubimatch::engine::assignment_internal {

class SparseShortestPath {
 public:
  // Takes over the prices of `state` until the solve ends; they stay in sync.
  SparseShortestPath(const CsrCosts& graph, const SolverState& state);

  // Assigns the first row of `free_rows` along a shortest augmenting path and
  // removes it. Returns 1, or -1 (state unchanged) if no free seat is reachable.
  int64_t AugmentPhase(std::vector<int32_t>& free_rows, SolverState& state);

 private:
  struct alignas(32) Column {
    int64_t price;
    int64_t dist;  // kInfinity untouched; kSettled once settled
    int64_t pred_cost;
    int32_t pred_row;
    bool ends_search;  // has a free seat and no extra cost to the sink
  };
  struct HeapEntry {
    int64_t dist;
    int32_t col;
  };
  bool Augment(int32_t row, SolverState& state);
  void Push(int64_t dist, int32_t col);
  int32_t Pop();
  void RefreshEnds(int32_t col, const SolverState& state);

  const CsrCosts& graph_;
  std::vector<Column> columns_;
  std::vector<int32_t> touched_;
  std::vector<int32_t> settled_cols_;
  std::vector<int64_t> settled_dist_;
  std::vector<HeapEntry> heap_;
};

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_
