// Maximum-weight closure of a directed graph (Picard 1976), by a minimum cut.
//
// Nodes carry integer weights; an arc (from, to) says "choosing `from` requires choosing
// `to`". A closure is a set of nodes closed under the arcs. MaxWeightClosure returns a
// closure of maximum total weight, and among those the smallest one (every maximum
// closure contains it): the nodes reachable from the source in the residual graph of a
// maximum flow in the network source -> v (capacity w(v), w(v) > 0), v -> sink
// (capacity -w(v), w(v) < 0), from -> to (capacity infinite).
//
// Maximum flow by Dinic's algorithm (blocking flows on BFS levels, iterative depth-first
// search with current-arc pointers, no recursion).
//
// Thread safety: pure function.
// Complexity: O(V^2 E) worst case for V nodes and E arcs, far less on the shallow
// graphs of rotation posets; memory O(V + E).
// Overflow: REQUIRES the sum of |weights| < 2^62.
#ifndef AZUBIMATCH_ENGINE_MATCHING_MAX_WEIGHT_CLOSURE_H_
#define AZUBIMATCH_ENGINE_MATCHING_MAX_WEIGHT_CLOSURE_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/types/span.h"

namespace azubimatch::engine {

struct ClosureArc {
  int32_t from = 0;  // choosing `from` ...
  int32_t to = 0;    // ... requires choosing `to`
};

// chosen[v] = 1 for the nodes of the smallest maximum-weight closure.
// REQUIRES: arcs name nodes in [0, weights.size()).
std::vector<uint8_t> MaxWeightClosure(absl::Span<const int64_t> weights,
                                      absl::Span<const ClosureArc> arcs);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_MAX_WEIGHT_CLOSURE_H_
