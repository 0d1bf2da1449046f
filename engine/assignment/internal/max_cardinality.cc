#include "engine/assignment/internal/max_cardinality.h"

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/seat_assignment.h"

namespace azubimatch::engine::assignment_internal {

SeatAssignment MaxCardinalityAssignment(const CsrCosts& graph,
                                        const std::vector<int32_t>& capacities) {
  const int32_t num_rows = graph.num_rows;
  SeatAssignment seats(num_rows, capacities);
  std::vector<int32_t> free_rows;
  for (int32_t row = 0; row < num_rows; ++row) {
    bool placed = false;
    for (int64_t e = graph.row_begin[row]; e < graph.row_begin[row + 1]; ++e) {
      if (!seats.full(graph.col[e])) {
        seats.Assign(row, graph.col[e], 0);
        placed = true;
        break;
      }
    }
    if (!placed && graph.degree(row) > 0) {
      free_rows.push_back(row);
    }
  }

  std::vector<int32_t> visited_by(graph.num_cols, -1);  // search id that reached col
  std::vector<int32_t> parent(graph.num_cols, -1);      // row that reached col
  std::vector<uint8_t> dead(graph.num_cols, 0);
  std::vector<int32_t> queue;
  std::vector<int32_t> reached_cols;
  for (size_t search = 0; search < free_rows.size(); ++search) {
    const int32_t start = free_rows[search];
    const int32_t id = static_cast<int32_t>(search);
    queue.assign(1, start);
    reached_cols.clear();
    int32_t end_col = -1;
    for (size_t head = 0; head < queue.size() && end_col < 0; ++head) {
      const int32_t row = queue[head];
      for (int64_t e = graph.row_begin[row]; e < graph.row_begin[row + 1]; ++e) {
        const int32_t col = graph.col[e];
        if (dead[col] || visited_by[col] == id) continue;
        visited_by[col] = id;
        parent[col] = row;
        reached_cols.push_back(col);
        if (!seats.full(col)) {
          end_col = col;
          break;
        }
        for (int32_t next : seats.rows_in(col)) queue.push_back(next);
      }
    }
    if (end_col < 0) {
      for (int32_t col : reached_cols) dead[col] = 1;
      continue;
    }
    // Shift every row on the path one column forward.
    int32_t col = end_col;
    int64_t slot = seats.TakeFreeSeat(col);
    while (true) {
      const int32_t row = parent[col];
      const int32_t old_col = seats.col_of(row);
      const int64_t old_slot = seats.slot_of(row);
      seats.PlaceInSlot(row, col, slot, 0);
      if (row == start) break;
      col = old_col;
      slot = old_slot;
    }
  }
  return seats;
}

int32_t AssignedRows(const SeatAssignment& seats) {
  int32_t assigned = 0;
  for (int32_t row = 0; row < seats.num_rows(); ++row) assigned += seats.col_of(row) >= 0;
  return assigned;
}

}  // namespace azubimatch::engine::assignment_internal
