#include "engine/assignment/internal/dense_shortest_path.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace azubimatch::engine::assignment_internal {
namespace {

// Real distances, prices and costs stay below 2^60 in magnitude (the solver
// rejects larger costs), so these sentinels cannot be confused with them.
constexpr int64_t kSettledDist = int64_t{1} << 61;
constexpr int64_t kSettledBias = -(int64_t{1} << 62);

#define AZM_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))

template <typename T>
inline void RelaxRowImpl(const T* __restrict cost, const int64_t* __restrict bias,
                         int64_t h, int64_t* __restrict dist, int32_t* __restrict pred,
                         int32_t row, int32_t n) {
  for (int32_t j = 0; j < n; ++j) {
    const int64_t candidate = static_cast<int64_t>(cost[j]) - bias[j] + h;
    const bool better = candidate < dist[j];
    dist[j] = better ? candidate : dist[j];
    pred[j] = better ? row : pred[j];
  }
}

AZM_VECTOR_CLONES void RelaxRow(const int32_t* cost, const int64_t* bias, int64_t h,
                                int64_t* dist, int32_t* pred, int32_t row, int32_t n) {
  RelaxRowImpl(cost, bias, h, dist, pred, row, n);
}

AZM_VECTOR_CLONES void RelaxRow(const int64_t* cost, const int64_t* bias, int64_t h,
                                int64_t* dist, int32_t* pred, int32_t row, int32_t n) {
  RelaxRowImpl(cost, bias, h, dist, pred, row, n);
}

template <typename T>
inline void StartRowImpl(const T* __restrict cost, const int64_t* __restrict price,
                         int64_t* __restrict dist, int32_t n) {
  for (int32_t j = 0; j < n; ++j) dist[j] = static_cast<int64_t>(cost[j]) - price[j];
}

AZM_VECTOR_CLONES void StartRow(const int32_t* cost, const int64_t* price, int64_t* dist,
                                int32_t n) {
  StartRowImpl(cost, price, dist, n);
}

AZM_VECTOR_CLONES void StartRow(const int64_t* cost, const int64_t* price, int64_t* dist,
                                int32_t n) {
  StartRowImpl(cost, price, dist, n);
}

AZM_VECTOR_CLONES int64_t MinOf(const int64_t* __restrict values, int32_t n) {
  int64_t m = kInfinity;
  for (int32_t j = 0; j < n; ++j) m = values[j] < m ? values[j] : m;
  return m;
}

}  // namespace

template <typename T>
DenseShortestPath<T>::DenseShortestPath(const DenseCosts<T>& graph, const SolverState&)
    : graph_(graph),
      dist_(graph.num_cols),
      bias_(graph.num_cols),
      pred_row_(graph.num_cols) {}

template <typename T>
bool DenseShortestPath<T>::Augment(int32_t start, SolverState& state) {
  SeatAssignment& seats = state.seats;
  std::vector<int64_t>& price = state.price;
  const int32_t n = graph_.num_cols;
  int64_t* const dist = dist_.data();
  StartRow(graph_.Row(start), price.data(), dist, n);
  std::copy(price.begin(), price.end(), bias_.begin());
  std::fill(pred_row_.begin(), pred_row_.end(), start);
  settled_cols_.clear();
  settled_dist_.clear();

  int32_t end_col = -1;
  int64_t length = 0;
  int64_t best_sink = kInfinity;
  int32_t best_sink_col = -1;
  while (end_col < 0) {
    const int64_t m = MinOf(dist, n);
    if (m >= best_sink) {
      end_col = best_sink_col;
      length = best_sink;
      break;
    }
    if (m >= kSettledDist) break;  // every column settled
    level_.clear();
    for (int32_t j = 0; j < n; ++j) {
      if (dist[j] == m) level_.push_back(j);
    }
    for (int32_t col : level_) {
      if (!seats.full(col) && state.SinkOffset(col) == 0) {
        end_col = col;
        length = m;
        break;
      }
    }
    if (end_col >= 0) break;
    for (int32_t col : level_) {
      dist[col] = kSettledDist;
      bias_[col] = kSettledBias;
      settled_cols_.push_back(col);
      settled_dist_.push_back(m);
      if (!seats.full(col)) {  // empty column priced above the free-seat price
        const int64_t via_sink = m + state.SinkOffset(col);
        if (via_sink < best_sink) {
          best_sink = via_sink;
          best_sink_col = col;
        }
      }
    }
    for (int32_t col : level_) {
      for (int32_t row : seats.rows_in(col)) {
        const int64_t h = m - (seats.cost_of(row) - price[col]);
        RelaxRow(graph_.Row(row), bias_.data(), h, dist, pred_row_.data(), row, n);
      }
    }
  }
  if (end_col < 0) return false;
  for (size_t k = 0; k < settled_cols_.size(); ++k) {
    price[settled_cols_[k]] += settled_dist_[k] - length;
  }
  ShiftAlongPath(
      end_col, [&](int32_t col) { return pred_row_[col]; },
      [&](int32_t row, int32_t col) { return graph_.At(row, col); }, seats);
  return true;
}

template <typename T>
int64_t DenseShortestPath<T>::AugmentPhase(std::vector<int32_t>& free_rows,
                                           SolverState& state) {
  const size_t count = std::min<size_t>(free_rows.size(), kRowsPerPhase);
  for (size_t k = 0; k < count; ++k) {
    if (!Augment(free_rows[k], state)) return -1 - static_cast<int64_t>(free_rows[k]);
  }
  free_rows.erase(free_rows.begin(), free_rows.begin() + count);
  return static_cast<int64_t>(count);
}

template class DenseShortestPath<int32_t>;
template class DenseShortestPath<int64_t>;

}  // namespace azubimatch::engine::assignment_internal
