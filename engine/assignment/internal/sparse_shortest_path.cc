#include "engine/assignment/internal/sparse_shortest_path.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace azubimatch::engine::assignment_internal {
namespace {

constexpr uint32_t kSinkTag = 0;
constexpr uint32_t kFullBit = uint32_t{1} << 31;

}  // namespace

SparseShortestPath::SparseShortestPath(const CsrCosts& graph)
    : graph_(graph),
      dist_(graph.num_cols, kInfinity),
      pred_row_(graph.num_cols, -1),
      pred_cost_(graph.num_cols, 0),
      settled_(graph.num_cols, 0) {}

void SparseShortestPath::Push(int64_t dist, uint32_t tag) {
  heap_.push_back({dist, tag});
  std::push_heap(heap_.begin(), heap_.end(), [](const HeapEntry& a, const HeapEntry& b) {
    return a.dist != b.dist ? a.dist > b.dist : a.tag > b.tag;
  });
}

SparseShortestPath::HeapEntry SparseShortestPath::Pop() {
  std::pop_heap(heap_.begin(), heap_.end(), [](const HeapEntry& a, const HeapEntry& b) {
    return a.dist != b.dist ? a.dist > b.dist : a.tag > b.tag;
  });
  const HeapEntry top = heap_.back();
  heap_.pop_back();
  return top;
}

void SparseShortestPath::Reset() {
  for (int32_t col : touched_) {
    dist_[col] = kInfinity;
    settled_[col] = 0;
  }
  touched_.clear();
  settled_cols_.clear();
  heap_.clear();
}

bool SparseShortestPath::Augment(int32_t start, SolverState& state) {
  SeatAssignment& seats = state.seats;
  const std::vector<int64_t>& price = state.price;
  const int64_t* const row_begin = graph_.row_begin.data();
  const int32_t* const cols = graph_.col.data();
  const int64_t* const costs = graph_.cost.data();

  auto tag_of = [&](int32_t col) {
    return (seats.full(col) ? kFullBit : 0) | static_cast<uint32_t>(col + 1);
  };
  // A column with a free seat and no extra cost to the sink ends the search as
  // soon as it is reached at the current minimum distance.
  auto ends_at_once = [&](int32_t col) {
    return !seats.full(col) && state.SinkOffset(col) == 0;
  };

  for (int64_t e = row_begin[start]; e < row_begin[start + 1]; ++e) {
    const int32_t col = cols[e];
    const int64_t d = costs[e] - price[col];
    if (d < dist_[col]) {
      if (dist_[col] == kInfinity) touched_.push_back(col);
      dist_[col] = d;
      pred_row_[col] = start;
      pred_cost_[col] = costs[e];
      Push(d, tag_of(col));
    }
  }

  int32_t end_col = -1;
  int64_t length = 0;
  int64_t best_sink = kInfinity;
  int32_t best_sink_col = -1;
  while (!heap_.empty() && end_col < 0) {
    const HeapEntry top = Pop();
    if (top.dist >= best_sink) {
      end_col = best_sink_col;
      length = best_sink;
      break;
    }
    const int32_t col = static_cast<int32_t>((top.tag & ~kFullBit) - 1);
    if (settled_[col] || top.dist != dist_[col]) continue;
    const int64_t d = top.dist;
    if (!seats.full(col)) {
      const int64_t offset = state.SinkOffset(col);
      if (offset == 0) {
        end_col = col;
        length = d;
        break;
      }
      // An empty column priced above the free-seat price: settled, and the sink
      // becomes reachable through it at d + offset.
      settled_[col] = 1;
      settled_cols_.push_back(col);
      if (d + offset < best_sink) {
        best_sink = d + offset;
        best_sink_col = col;
        Push(best_sink, kSinkTag);
      }
      continue;
    }
    settled_[col] = 1;
    settled_cols_.push_back(col);
    for (int32_t row : seats.rows_in(col)) {
      // h = d - u[row]; the next reduced cost is cost - price - u[row].
      const int64_t h = d - (seats.cost_of(row) - price[col]);
      for (int64_t e = row_begin[row]; e < row_begin[row + 1]; ++e) {
        const int32_t next = cols[e];
        if (settled_[next]) continue;
        const int64_t candidate = costs[e] - price[next] + h;
        if (candidate < dist_[next]) {
          if (dist_[next] == kInfinity) touched_.push_back(next);
          dist_[next] = candidate;
          pred_row_[next] = row;
          pred_cost_[next] = costs[e];
          if (candidate == d && ends_at_once(next)) {
            end_col = next;
            length = d;
            break;
          }
          Push(candidate, tag_of(next));
        }
      }
      if (end_col >= 0) break;
    }
  }
  if (end_col < 0 && best_sink_col >= 0) {
    end_col = best_sink_col;
    length = best_sink;
  }
  if (end_col < 0) {
    Reset();
    return false;
  }
  for (int32_t col : settled_cols_) state.price[col] += dist_[col] - length;
  ShiftAlongPath(
      start, end_col, pred_row_.data(),
      [&](int32_t, int32_t col) { return pred_cost_[col]; }, seats);
  Reset();
  return true;
}

}  // namespace azubimatch::engine::assignment_internal
