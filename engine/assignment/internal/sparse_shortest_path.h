// Internal to engine/assignment: shortest augmenting paths on compressed sparse
// rows (LAPJVsp-style, with native capacities).
//
// Dijkstra over columns from a free row, with a radix heap and lazy deletion;
// reduced costs cost - u[row] - price[col] are >= 0, so distances are exact. A
// full column is passed through all of its rows at zero reduced cost; a column
// with a free seat ends the search (early exit; ties toward free columns, then in
// the fixed order of the queue). Once some free seat is known at distance B,
// nothing at B or beyond is queued. Prices are updated lazily, only for the
// settled columns: price += dist - D, D the length of the path. The per-column
// data a relaxation touches (price, distance, predecessor, whether it ends the
// search) sits in one 32-byte record, one cache line per edge. Only the columns
// touched are reset, so a short search costs O(its size).
//
// With the perfect target rule (every seat is taken in the end, so the price of
// a free column is unconstrained) and many free rows per column, a phase instead
// runs Dijkstra from all free rows at once, each row starting at its own offset
// u[r] = min over its edges of cost - price (a constant per row changes nothing
// when every row is assigned), until every column with a free seat is settled,
// and sets price += dist - D on every settled column (D the last distance
// settled): every edge of the shortest-path forest becomes tight (zero reduced
// cost). Then each settled column with a free seat, nearest first, is reached
// along its tree path from its free row, unless an earlier path of the phase used
// a column of it; a tight augmenting path keeps each assigned row on a column of
// minimum reduced cost, so all of them are taken. This costs O(path length) per
// path, where a search of the tight edges would read the edges again.
//
// Memory layout and pruning: with costs that fit 32 bits (either target rule),
// the edges are copied (8 bytes each) into a packed array, {column, cost}
// side by side, the rows of each column next to each other in the order of their
// seats, and the edges of each row sorted by cost - price at the time of the copy
// (the "floor" of the edge). Prices only fall while this kernel runs, so the floor
// of an edge is a lower bound of its current cost - price, and the distance at
// which an edge can reach its column is at least floor + h (h = dist - u[row])
// for every later edge of the row too. Hence:
//  - a phase from all free rows stops when every column with a free seat is
//    settled (the columns not settled then are at least that far, so their
//    prices need not move); it guesses a cutoff from the previous phase and reads
//    a row only while floor + h stays within it (every column nearer than the
//    cutoff still gets its exact distance), and retries farther if no free seat
//    is that near;
//  - a single-row search stops reading a row at the first edge whose floor + h
//    reaches the best free seat known.
// Most edges of a row cost far more than its best ones, so a phase reads a small
// part of the graph. As prices fall the floors loosen; the edges of every row are
// sorted again, in place, once the phases from all free rows have moved prices by
// kResortDrift in total (cheap: the rows are then nearly sorted). A settled column
// reads its rows' edges from one stretch of memory, and a phase keeps dist + price
// per column in one array of 8-byte entries; rows that move keep their place.
// Without the copy the kernels read the CSR directly, without pruning: with
// wider costs, and under the sink rule until the searches have read
// kPackAfterEdgesRead times the edges (most such problems end with short
// searches, for which building the copy would cost more than it saves). A single-row search starts at the row's cheapest reduced cost, so no
// distance is negative whatever the prices (warm starts).
//
// Complexity: O(E' log C) per single-row search, E' the edges of the rows
// reached, C the cost range; O(E log C) per phase from all free rows. A sort of
// the packed copy (insertion sort per row) costs O(E * D) in the worst case, D
// the largest row degree, and about O(E) when the rows are nearly sorted; the
// copy takes 8 bytes per edge plus 16 bytes per row.
// Thread safety: none; owned by one solve.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/radix_heap.h"
#include "engine/assignment/internal/solver_state.h"

namespace azubimatch::engine::assignment_internal {

class SparseShortestPath {
 public:
  // Takes over the prices of `state` until the solve ends; they stay in sync.
  SparseShortestPath(const CsrCosts& graph, const SolverState& state);

  // Assigns rows of `free_rows` (at least one) and removes them; the others keep
  // their order. Returns how many were assigned, or -1 (state unchanged) if no
  // free seat is reachable.
  int64_t AugmentPhase(std::vector<int32_t>& free_rows, SolverState& state);

  // With the perfect target rule, at least kMinRowsForFullPhase free rows and at
  // least one free row per kColumnsPerFreeRow columns, a phase computes distances
  // from all free rows at once and then takes every tight augmenting path (see
  // the file comment); a full search then costs less than the single-row searches
  // it replaces. Otherwise one row is assigned per phase.
  static constexpr size_t kMinRowsForFullPhase = 4;
  static constexpr size_t kColumnsPerFreeRow = 256;

  // The packed copy is sorted again once the prices have fallen by this much in
  // total since the last sort (see the file comment).
  static constexpr int64_t kResortDrift = 64;

  // A phase from all free rows first reads only the edges that can come in at
  // max(kMinCutoff, twice the length of the previous phase) or nearer, and four
  // times farther each time no free seat is that near.
  static constexpr int64_t kMinCutoff = 64;

  // Without the perfect rule the packed copy is built once single-row searches
  // have read this many times as many edges as the graph has.
  static constexpr int64_t kPackAfterEdgesRead = 2;

 private:
  struct alignas(32) Column {
    int64_t price;
    int64_t dist;  // kInfinity untouched; kSettled once settled
    int64_t pred_cost;
    int32_t pred_row;
    bool ends_search;  // has a free seat and no extra cost to the sink
  };
  // The edges of the graph as given (compressed sparse rows).
  struct CsrEdges;
  // The packed copy described in the file comment.
  struct PackedEdge {
    int32_t col;
    int32_t cost;
  };
  struct RowBlock {
    int64_t begin;
    int64_t end;
  };
  struct PackedEdges;
  // Lays out the packed copy for the current seats, then sorts it.
  void BuildPackedEdges(const SolverState& state);
  // Sorts the edges of every row by floor at the current prices, in place.
  void SortPackedEdges();

  template <typename Edges>
  bool Augment(const Edges& edges, int32_t row, SolverState& state);
  // Dijkstra from all `free_rows` until every column with a free seat is settled
  // (or none is nearer than `cutoff`); prices made tight on all shortest paths to
  // the settled columns. Returns true if some column with a free seat was settled.
  template <typename Edges>
  bool SettleFromAll(const Edges& edges, const std::vector<int32_t>& free_rows,
                     int64_t cutoff, SolverState& state);
  // Augments along the shortest-path tree of the last SettleFromAll from the
  // settled column `end_col` with a free seat back to its free row, if no earlier
  // path of this phase used a column of it. Returns whether it did.
  bool TreePathAugment(int32_t end_col, SolverState& state);
  template <typename Edges>
  int64_t AugmentPhaseOver(const Edges& edges, std::vector<int32_t>& free_rows,
                           SolverState& state);
  // Next column to settle, or -1 for a stale queue entry.
  int32_t Pop();
  void RefreshEnds(int32_t col, const SolverState& state);

  const CsrCosts& graph_;
  bool pack_edges_ = false;  // every cost fits 32 bits
  int64_t edges_read_ = 0;   // by single-row searches on the CSR
  std::vector<PackedEdge> packed_;
  std::vector<RowBlock> blocks_;     // per row: its edges in packed_
  std::vector<int64_t> sort_price_;  // prices when packed_ was sorted
  int64_t drift_ = 0;                // how far phases moved prices since then
  std::vector<int64_t> key_;         // dist + price per column in SettleFromAll
  int64_t last_phase_length_ = 0;    // distance of the last column settled
  std::vector<Column> columns_;
  std::vector<int32_t> touched_;
  std::vector<int32_t> settled_cols_;
  std::vector<int64_t> settled_dist_;
  RadixHeap heap_;
  std::vector<int32_t> free_cols_settled_;  // by SettleFromAll, in settling order
  std::vector<int32_t> used_in_phase_;      // phase whose path last used a column
  int32_t phase_ = 0;
};

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPARSE_SHORTEST_PATH_H_
