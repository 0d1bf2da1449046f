#include "engine/assignment/internal/max_cardinality.h"

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/assignment/internal/seat_assignment.h"
#include "engine/assignment/internal/solver_state.h"

namespace azubimatch::engine::assignment_internal {
namespace {

constexpr int32_t kUnreached = std::numeric_limits<int32_t>::max();

// The phases of Hopcroft and Karp over native capacities: a row's layer is the
// number of full columns on a shortest alternating path from a free row to it; a
// column's layer is that of the row that first reached it.
class LayeredPhases {
 public:
  LayeredPhases(const CsrCosts& graph, SeatAssignment& seats)
      : graph_(graph),
        seats_(seats),
        row_layer_(graph.num_rows, kUnreached),
        col_layer_(graph.num_cols, kUnreached),
        row_seen_(graph.num_rows, -1),
        col_seen_(graph.num_cols, -1),
        parent_(graph.num_cols, -1) {}

  // One phase from `free_rows`: removes the rows it assigns. Returns false, having
  // changed nothing, when no free row reaches a free seat any more.
  bool Run(std::vector<int32_t>& free_rows) {
    ++phase_;
    if (!Layer(free_rows)) return false;
    for (int32_t row : free_rows) Descend(row);
    std::erase_if(free_rows, [&](int32_t row) { return seats_.col_of(row) >= 0; });
    return true;
  }

 private:
  struct Frame {
    int32_t node;  // a row, or a column when `is_col`
    bool is_col;
    int64_t next;  // the next edge of the row, or the next holder of the column
  };

  // Breadth-first layers from every free row, as far as the nearest free seat.
  bool Layer(const std::vector<int32_t>& free_rows) {
    for (int32_t row : reached_rows_) row_layer_[row] = kUnreached;
    for (int32_t col : reached_cols_) col_layer_[col] = kUnreached;
    reached_rows_.assign(free_rows.begin(), free_rows.end());
    reached_cols_.clear();
    for (int32_t row : free_rows) row_layer_[row] = 0;
    shortest_ = kUnreached;
    for (size_t head = 0; head < reached_rows_.size(); ++head) {
      const int32_t row = reached_rows_[head];
      const int32_t layer = row_layer_[row];
      if (layer > shortest_) break;  // rows are queued in layer order
      for (int64_t e = graph_.row_begin[row]; e < graph_.row_begin[row + 1]; ++e) {
        const int32_t col = graph_.col[e];
        if (col_layer_[col] != kUnreached) continue;
        col_layer_[col] = layer;
        reached_cols_.push_back(col);
        if (!seats_.full(col)) {
          shortest_ = layer;
          continue;
        }
        for (int32_t next : seats_.rows_in(col)) {
          if (row_layer_[next] != kUnreached) continue;
          row_layer_[next] = layer + 1;
          reached_rows_.push_back(next);
        }
      }
    }
    return shortest_ != kUnreached;
  }

  // Depth-first search from the free row `start` down the layers, entering each row
  // and column at most once per phase; augments along the first path found.
  void Descend(int32_t start) {
    stack_.clear();
    row_seen_[start] = phase_;
    stack_.push_back({start, false, graph_.row_begin[start]});
    while (!stack_.empty()) {
      Frame& top = stack_.back();
      if (!top.is_col) {
        const int32_t row = top.node;
        if (top.next >= graph_.row_begin[row + 1]) {
          stack_.pop_back();
          continue;
        }
        const int32_t col = graph_.col[top.next++];
        if (col_seen_[col] == phase_ || col_layer_[col] != row_layer_[row]) continue;
        col_seen_[col] = phase_;
        parent_[col] = row;
        if (!seats_.full(col)) {
          // Every row on the path moves one column forward; costs are ignored.
          ShiftAlongPath(
              col, [&](int32_t c) { return parent_[c]; },
              [](int32_t, int32_t) { return int64_t{0}; }, seats_);
          return;
        }
        if (col_layer_[col] < shortest_) stack_.push_back({col, true, 0});
      } else {
        const int32_t col = top.node;
        const auto holders = seats_.rows_in(col);
        if (top.next >= static_cast<int64_t>(holders.size())) {
          stack_.pop_back();
          continue;
        }
        const int32_t next = holders[top.next++];
        if (row_seen_[next] == phase_ || row_layer_[next] != col_layer_[col] + 1) continue;
        row_seen_[next] = phase_;
        stack_.push_back({next, false, graph_.row_begin[next]});
      }
    }
  }

  const CsrCosts& graph_;
  SeatAssignment& seats_;
  std::vector<int32_t> row_layer_;
  std::vector<int32_t> col_layer_;
  std::vector<int32_t> row_seen_;  // phase that entered the row
  std::vector<int32_t> col_seen_;  // phase that entered the column
  std::vector<int32_t> parent_;    // row that entered the column
  std::vector<int32_t> reached_rows_;
  std::vector<int32_t> reached_cols_;
  std::vector<Frame> stack_;
  int32_t shortest_ = kUnreached;  // layer of the nearest free seat
  int32_t phase_ = 0;
};

}  // namespace

SeatAssignment MaxCardinalityAssignment(const CsrCosts& graph,
                                        const std::vector<int32_t>& capacities) {
  SeatAssignment seats(graph.num_rows, capacities);
  std::vector<int32_t> free_rows;
  for (int32_t row = 0; row < graph.num_rows; ++row) {
    bool placed = false;
    for (int64_t e = graph.row_begin[row]; e < graph.row_begin[row + 1]; ++e) {
      if (!seats.full(graph.col[e])) {
        seats.Assign(row, graph.col[e], 0);
        placed = true;
        break;
      }
    }
    if (!placed && graph.degree(row) > 0) free_rows.push_back(row);
  }
  LayeredPhases phases(graph, seats);
  while (!free_rows.empty() && phases.Run(free_rows)) {
  }
  return seats;
}

int32_t AssignedRows(const SeatAssignment& seats) {
  int32_t assigned = 0;
  for (int32_t row = 0; row < seats.num_rows(); ++row) assigned += seats.col_of(row) >= 0;
  return assigned;
}

}  // namespace azubimatch::engine::assignment_internal
