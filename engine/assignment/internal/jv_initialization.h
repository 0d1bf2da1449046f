// Internal to engine/assignment: the initialisation of Jonker & Volgenant (1987),
// "A shortest augmenting path algorithm for dense and sparse linear assignment
// problems", Computing 38: column reduction with reduction transfer, then
// passes of augmenting row reduction (an auction-like exchange of rows). They
// assign most rows cheaply before the shortest-path phase.
//
// Capacities are native. A column of capacity 1 follows JV exactly. A full column
// with several seats has one price for all of its rows, so its price rises only as
// far as every row that stays keeps it as a best column: the holder that loses
// least by leaving (smallest margin to its next best column) is displaced if it
// loses less than the newcomer gains.
//
// Preconditions (checked by the caller, see sparse_assignment.cc):
//  - ColumnReduction: perfect target rule, nothing assigned yet;
//  - AugmentingRowReduction: every assigned row sits in a column of minimum
//    reduced cost, and, with the sink rule, every column with a free seat has
//    price == free_seat_price.
// Both keep the invariant of solver_state.h. Ties go to the lowest column index.
//
// Complexity: ColumnReduction O(E); AugmentingRowReduction O(E) per pass times the
// number of exchanges, capped at a multiple of the number of free rows; an
// exchange in a full column with several seats reads the edges of only the few
// holders whose margin bound does not rule them out (see FindWeakestHolder).
// Thread safety: none; operate on one solve's state.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_JV_INITIALIZATION_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_JV_INITIALIZATION_H_

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/assignment/internal/solver_state.h"

namespace azubimatch::engine::assignment_internal {

// Sets price[c] to the smallest cost in column c, gives each column its cheapest
// row when that row is still free (columns in decreasing index order), and then
// transfers the reduction of each row that got exactly one column. Returns the
// rows left free, in increasing order.
template <typename Graph>
std::vector<int32_t> ColumnReduction(const Graph& graph, SolverState& state) {
  const int32_t num_rows = graph.num_rows;
  const int32_t num_cols = graph.num_cols;
  std::vector<int64_t>& price = state.price;
  price.assign(num_cols, kInfinity);
  std::vector<int32_t> cheapest_row(num_cols, -1);
  for (int32_t row = 0; row < num_rows; ++row) {
    graph.ForEachEdge(row, [&](int32_t col, int64_t cost) {
      if (cost < price[col]) {
        price[col] = cost;
        cheapest_row[col] = row;
      }
    });
  }
  std::vector<int32_t> times_cheapest(num_rows, 0);
  for (int32_t col = num_cols - 1; col >= 0; --col) {
    const int32_t row = cheapest_row[col];
    if (row < 0) {
      price[col] = 0;
      continue;
    }
    if (times_cheapest[row]++ == 0 && !state.seats.full(col)) {
      state.seats.Assign(row, col, price[col]);
    }
  }
  std::vector<int32_t> free_rows;
  for (int32_t row = 0; row < num_rows; ++row) {
    const int32_t own = state.seats.col_of(row);
    if (own < 0) {
      free_rows.push_back(row);
      continue;
    }
    if (times_cheapest[row] != 1) continue;
    int64_t second = kInfinity;
    graph.ForEachEdge(row, [&](int32_t col, int64_t cost) {
      if (col != own && cost - price[col] < second) second = cost - price[col];
    });
    if (second != kInfinity) price[own] -= second;
  }
  return free_rows;
}

// JV use two passes; on sparse and capacitated problems two more leave about a
// third fewer rows to the (more expensive) shortest-path phase.
inline constexpr int kRowReductionPasses = 4;

// Columns with more seats than this are not exchanged in AugmentingRowReduction
// (finding the holder to displace costs a scan of all of them).
inline constexpr int32_t kMaxExchangeCapacity = 32;

// The smallest cost - price of `row` over its columns other than `col` (kInfinity
// if it has none).
template <typename Graph>
int64_t NextBest(const Graph& graph, const std::vector<int64_t>& price, int32_t row,
                 int32_t col) {
  int64_t next = kInfinity;
  graph.ForEachEdge(row, [&](int32_t c, int64_t edge_cost) {
    if (c != col && edge_cost - price[c] < next) next = edge_cost - price[c];
  });
  return next;
}

// Finds, among the rows of the full column `col`, the one that loses least by
// moving to its next best column (its margin), the smallest margin and the second
// smallest (kInfinity for none). Ties go to the earlier row in the column.
//
// Row reduction only lowers prices, so a row's next best cost - price only rises:
// `next_seen[row]`, a next best seen earlier, is a lower bound of it, and
// next_seen - (cost - price[col]) a lower bound of the margin. Margins are
// computed exactly (one pass over the row's edges) only for rows whose bound does
// not already rule them out of the two smallest; `next_seen` is refreshed then.
struct Weakest {
  int32_t row = -1;
  int64_t margin = kInfinity;
  int64_t next_margin = kInfinity;
};
template <typename Graph>
Weakest FindWeakestHolder(const Graph& graph, const SeatAssignment& seats,
                          const std::vector<int64_t>& price, int32_t col,
                          std::vector<int64_t>& next_seen) {
  const auto holders = seats.rows_in(col);
  const size_t n = holders.size();
  // Per holder: its margin or a lower bound of it, and whether it is exact.
  int64_t value[kMaxExchangeCapacity];
  bool exact[kMaxExchangeCapacity];
  for (size_t k = 0; k < n; ++k) {
    const int32_t row = holders[k];
    const int64_t next = next_seen[row];
    exact[k] = false;
    value[k] = next == kInfinity ? kInfinity : next - (seats.cost_of(row) - price[col]);
  }
  while (true) {
    // The two smallest values, ties to the earlier row.
    size_t first = n, second = n;
    for (size_t k = 0; k < n; ++k) {
      if (first == n || value[k] < value[first]) {
        second = first;
        first = k;
      } else if (second == n || value[k] < value[second]) {
        second = k;
      }
    }
    // A bound among the two smallest, or a bound that could tie with or undercut
    // the second smallest exact margin: compute it exactly and look again.
    size_t refine = n;
    if (!exact[first]) {
      refine = first;
    } else if (second < n && !exact[second]) {
      refine = second;
    } else {
      const int64_t limit = second < n ? value[second] : kInfinity;
      for (size_t k = 0; k < n && refine == n; ++k) {
        if (!exact[k] && value[k] <= limit) refine = k;
      }
    }
    if (refine == n) {
      Weakest weakest;
      weakest.row = holders[first];
      weakest.margin = value[first];
      if (second < n) weakest.next_margin = value[second];
      return weakest;
    }
    const int32_t row = holders[refine];
    const int64_t next = NextBest(graph, price, row, col);
    next_seen[row] = next;
    exact[refine] = true;
    value[refine] =
        next == kInfinity ? kInfinity : next - (seats.cost_of(row) - price[col]);
  }
}

// kRowReductionPasses passes over `free_rows`; on return it holds the rows still
// free.
template <typename Graph>
void AugmentingRowReduction(const Graph& graph, SolverState& state,
                            std::vector<int32_t>& free_rows) {
  SeatAssignment& seats = state.seats;
  std::vector<int64_t>& price = state.price;
  // A lower bound of each assigned row's next best cost - price (see
  // FindWeakestHolder); nothing known yet.
  std::vector<int64_t> next_seen(graph.num_rows, std::numeric_limits<int64_t>::min() / 2);
  for (int pass = 0; pass < kRowReductionPasses; ++pass) {
    const int64_t previous_free = static_cast<int64_t>(free_rows.size());
    int64_t next = 0;        // next entry of free_rows to handle
    int64_t still_free = 0;  // rows kept for the next pass, written in place
    int64_t budget = 8 * previous_free + 64;
    while (next < previous_free) {
      if (--budget < 0) {
        while (next < previous_free) free_rows[still_free++] = free_rows[next++];
        break;
      }
      const int32_t row = free_rows[next++];
      int64_t best = kInfinity, second = kInfinity;
      int32_t best_col = -1, second_col = -1;
      graph.ForEachEdge(row, [&](int32_t col, int64_t cost) {
        const int64_t reduced = cost - price[col];
        if (reduced < second) {
          if (reduced < best) {
            second = best;
            second_col = best_col;
            best = reduced;
            best_col = col;
          } else {
            second = reduced;
            second_col = col;
          }
        }
      });
      if (best_col < 0) {
        free_rows[still_free++] = row;
        continue;
      }
      const bool strict = second_col >= 0 && best < second;
      // Wherever `row` is placed below, `second` (or `best`, once equal) is a lower
      // bound of its next best.
      next_seen[row] = second;
      if (!seats.full(best_col)) {
        const int64_t cost = best + price[best_col];
        seats.Assign(row, best_col, cost);
        if (strict && seats.capacity(best_col) == 1) price[best_col] -= second - best;
        continue;
      }
      if (seats.capacity(best_col) == 1 && strict) {
        const int32_t occupant = seats.rows_in(best_col)[0];
        seats.Replace(occupant, row, best + price[best_col]);
        price[best_col] -= second - best;
        free_rows[--next] = occupant;  // handled next, with the higher price
        continue;
      }
      if (strict && seats.capacity(best_col) <= kMaxExchangeCapacity) {
        // A full column with several seats: the row that loses least by leaving
        // (smallest margin to its next best column) makes way if it loses less
        // than `row` gains; the price rises as far as the rows that stay allow.
        const Weakest holder =
            FindWeakestHolder(graph, seats, price, best_col, next_seen);
        const int64_t weakest_margin = holder.margin;
        const int64_t next_margin = holder.next_margin;
        const int32_t weakest = holder.row;
        if (weakest_margin < second - best) {
          const int64_t rise = std::min(second - best, next_margin);
          seats.Replace(weakest, row, best + price[best_col]);
          price[best_col] -= rise;
          if (rise > 0) {
            free_rows[--next] = weakest;
          } else {
            free_rows[still_free++] = weakest;
          }
          continue;
        }
        // `row` gains least: every holder stays and the price rises until `row`
        // is indifferent between this column and its second one.
        price[best_col] -= second - best;
        best = second;
      }
      if (second_col >= 0 && best == second) {
        next_seen[row] = best;
        const int64_t cost = second + price[second_col];
        if (!seats.full(second_col)) {
          seats.Assign(row, second_col, cost);
          continue;
        }
        if (seats.capacity(second_col) == 1) {
          const int32_t occupant = seats.rows_in(second_col)[0];
          seats.Replace(occupant, row, cost);
          free_rows[still_free++] = occupant;
          continue;
        }
      }
      free_rows[still_free++] = row;  // left to the shortest-path phase
    }
    free_rows.resize(still_free);
  }
}

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_JV_INITIALIZATION_H_
