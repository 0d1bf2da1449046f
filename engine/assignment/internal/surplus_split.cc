#include "engine/assignment/internal/surplus_split.h"

#include <cstdint>
#include <vector>

namespace azubimatch::engine::assignment_internal {

SurplusSplit SplitBySurplusSeats(const CsrCosts& graph,
                                 const SeatAssignment& max_assignment) {
  const int32_t num_rows = graph.num_rows;
  const int32_t num_cols = graph.num_cols;
  SurplusSplit split;
  split.surplus_row.assign(num_rows, 0);
  split.surplus_col.assign(num_cols, 0);

  // Rows of each column (column-major copy of the edge list).
  std::vector<int64_t> col_begin(num_cols + 1, 0);
  for (int32_t col : graph.col) ++col_begin[col + 1];
  for (int32_t col = 0; col < num_cols; ++col) col_begin[col + 1] += col_begin[col];
  std::vector<int32_t> rows_of(graph.num_edges());
  {
    std::vector<int64_t> next(col_begin.begin(), col_begin.end() - 1);
    for (int32_t row = 0; row < num_rows; ++row) {
      for (int64_t e = graph.row_begin[row]; e < graph.row_begin[row + 1]; ++e) {
        rows_of[next[graph.col[e]]++] = row;
      }
    }
  }

  std::vector<int32_t> queue;
  for (int32_t col = 0; col < num_cols; ++col) {
    if (!max_assignment.full(col)) {
      split.surplus_col[col] = 1;
      queue.push_back(col);
    }
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    const int32_t col = queue[head];
    for (int64_t k = col_begin[col]; k < col_begin[col + 1]; ++k) {
      const int32_t row = rows_of[k];
      if (split.surplus_row[row]) continue;
      split.surplus_row[row] = 1;
      ++split.surplus_rows;
      const int32_t held = max_assignment.col_of(row);
      if (held >= 0 && !split.surplus_col[held]) {
        split.surplus_col[held] = 1;
        queue.push_back(held);
      }
    }
  }
  split.surplus_cols = static_cast<int32_t>(queue.size());
  return split;
}

}  // namespace azubimatch::engine::assignment_internal
