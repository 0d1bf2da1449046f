// Internal to engine/assignment: one augmentation of the shortest augmenting path
// method on compressed sparse rows (LAPJVsp-style, with native capacities).
//
// Dijkstra over columns with a binary heap and lazy deletion; reduced costs
// cost - u[row] - price[col] are >= 0, so distances are exact. A full column is
// passed through all of its rows at zero reduced cost; a column with a free seat
// ends the search (early exit, ties broken toward free columns, then lower index).
// Prices are updated lazily, only for the columns settled before the end: each
// gets price += dist - D, where D is the length of the path found. Only the
// columns touched are reset afterwards, so a short search costs O(its size).
//
// Complexity: O(E' log E') per call, E' the edges of the rows reached.
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
  explicit SparseShortestPath(const CsrCosts& graph);

  // Assigns the free row `row` along a shortest augmenting path. Returns false,
  // leaving `state` unchanged, if no free seat can be reached.
  bool Augment(int32_t row, SolverState& state);

 private:
  struct HeapEntry {
    int64_t dist;
    uint32_t tag;  // 0 = the sink; else (full ? 1 << 31 : 0) | (col + 1)
  };
  void Push(int64_t dist, uint32_t tag);
  HeapEntry Pop();
  void Reset();

  const CsrCosts& graph_;
  std::vector<int64_t> dist_;
  std::vector<int32_t> pred_row_;
  std::vector<int64_t> pred_cost_;
  std::vector<uint8_t> settled_;
  std::vector<int32_t> touched_;
  std::vector<int32_t> settled_cols_;
  std::vector<HeapEntry> heap_;
};

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_
