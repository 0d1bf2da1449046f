// Internal to engine/assignment: one augmentation of the shortest augmenting path
// method on a complete cost matrix (LAPJV-style, with native capacities).
//
// Dijkstra without a heap: each step takes the minimum over all columns and
// relaxes whole contiguous matrix rows. Settled columns are masked arithmetically
// (their bias makes every candidate larger than any real distance), so both scans
// are branch-free loops over contiguous arrays that the compiler vectorises; an
// AVX2 clone is selected at run time where the CPU has it. All columns at the
// current minimum are settled together; a free column among them ends the search
// (ties toward free columns, then lower index). Prices are updated lazily for the
// settled columns only.
//
// Complexity: O(C * (rows scanned + distinct distance levels)) per call.
// Thread safety: none; owned by one solve.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_DENSE_SHORTEST_PATH_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_DENSE_SHORTEST_PATH_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/solver_state.h"

namespace azubimatch::engine::assignment_internal {

template <typename T>
class DenseShortestPath {
 public:
  DenseShortestPath(const DenseCosts<T>& graph, const SolverState& state);

  // Assigns the free row `row` along a shortest augmenting path. Returns false,
  // leaving `state` unchanged, if no free seat can be reached.
  bool Augment(int32_t row, SolverState& state);

  // Assigns the first rows of `free_rows` (up to kRowsPerPhase), one shortest path
  // each, and removes them from the list. Returns how many were assigned, or
  // -1 - row if `row` could not reach a free seat.
  int64_t AugmentPhase(std::vector<int32_t>& free_rows, SolverState& state);

  static constexpr size_t kRowsPerPhase = 256;

 private:
  const DenseCosts<T>& graph_;
  std::vector<int64_t> dist_;  // settled columns hold kSettledDist
  std::vector<int64_t> bias_;  // price for open columns, kSettledBias for settled
  std::vector<int32_t> pred_row_;
  std::vector<int32_t> level_;
  std::vector<int32_t> settled_cols_;
  std::vector<int64_t> settled_dist_;
};

extern template class DenseShortestPath<int32_t>;
extern template class DenseShortestPath<int64_t>;

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_DENSE_SHORTEST_PATH_H_
