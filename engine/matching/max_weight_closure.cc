#include "engine/matching/max_weight_closure.h"

#include <algorithm>
#include <limits>

namespace azubimatch::engine {
namespace {

// A flow network in compressed adjacency form; arc a and a ^ 1 are each other's
// reverse.
class Dinic {
 public:
  explicit Dinic(int32_t num_nodes) : num_nodes_(num_nodes) {}

  void AddArc(int32_t from, int32_t to, int64_t capacity) {
    tails_.push_back(from);
    heads_.push_back(to);
    capacity_.push_back(capacity);
    tails_.push_back(to);
    heads_.push_back(from);
    capacity_.push_back(0);
  }

  // Builds the adjacency lists; call once after the last AddArc.
  void Finish() {
    first_.assign(num_nodes_ + 1, 0);
    for (int32_t t : tails_) ++first_[t + 1];
    for (int32_t v = 0; v < num_nodes_; ++v) first_[v + 1] += first_[v];
    adjacency_.resize(tails_.size());
    std::vector<int64_t> fill(first_.begin(), first_.end() - 1);
    for (size_t a = 0; a < tails_.size(); ++a) adjacency_[fill[tails_[a]]++] = a;
  }

  void MaxFlow(int32_t source, int32_t sink) {
    level_.resize(num_nodes_);
    current_.resize(num_nodes_);
    while (Bfs(source, sink)) {
      std::copy(first_.begin(), first_.end() - 1, current_.begin());
      BlockingFlow(source, sink);
    }
  }

  // Nodes reachable from `source` in the residual graph (valid after MaxFlow).
  std::vector<uint8_t> Reachable(int32_t source) const {
    std::vector<uint8_t> seen(num_nodes_, 0);
    std::vector<int32_t> queue{source};
    seen[source] = 1;
    for (size_t i = 0; i < queue.size(); ++i) {
      const int32_t v = queue[i];
      for (int64_t k = first_[v]; k < first_[v + 1]; ++k) {
        const int64_t a = adjacency_[k];
        if (capacity_[a] > 0 && !seen[heads_[a]]) {
          seen[heads_[a]] = 1;
          queue.push_back(heads_[a]);
        }
      }
    }
    return seen;
  }

 private:
  bool Bfs(int32_t source, int32_t sink) {
    std::fill(level_.begin(), level_.end(), -1);
    std::vector<int32_t> queue{source};
    level_[source] = 0;
    for (size_t i = 0; i < queue.size(); ++i) {
      const int32_t v = queue[i];
      for (int64_t k = first_[v]; k < first_[v + 1]; ++k) {
        const int64_t a = adjacency_[k];
        if (capacity_[a] > 0 && level_[heads_[a]] < 0) {
          level_[heads_[a]] = level_[v] + 1;
          queue.push_back(heads_[a]);
        }
      }
    }
    return level_[sink] >= 0;
  }

  // Augments along level-increasing paths until none is left; iterative.
  void BlockingFlow(int32_t source, int32_t sink) {
    std::vector<int64_t> path;  // arcs from source to the current node
    int32_t v = source;
    while (true) {
      if (v == sink) {
        int64_t bottleneck = std::numeric_limits<int64_t>::max();
        for (int64_t a : path) bottleneck = std::min(bottleneck, capacity_[a]);
        size_t cut = path.size();
        for (size_t i = 0; i < path.size(); ++i) {
          capacity_[path[i]] -= bottleneck;
          capacity_[path[i] ^ 1] += bottleneck;
          if (capacity_[path[i]] == 0 && cut == path.size()) cut = i;
        }
        path.resize(cut);  // continue from the tail of the first saturated arc
        v = path.empty() ? source : heads_[path.back()];
        continue;
      }
      bool advanced = false;
      for (int64_t& k = current_[v]; k < first_[v + 1]; ++k) {
        const int64_t a = adjacency_[k];
        if (capacity_[a] > 0 && level_[heads_[a]] == level_[v] + 1) {
          path.push_back(a);
          v = heads_[a];
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      // Dead end: nothing more flows through v in this phase.
      level_[v] = -1;
      if (path.empty()) return;
      v = tails_[path.back()];
      path.pop_back();
      ++current_[v];
    }
  }

  int32_t num_nodes_;
  std::vector<int32_t> tails_, heads_;
  std::vector<int64_t> capacity_;
  std::vector<int64_t> first_, adjacency_, current_;
  std::vector<int32_t> level_;
};

}  // namespace

std::vector<uint8_t> MaxWeightClosure(absl::Span<const int64_t> weights,
                                      absl::Span<const ClosureArc> arcs) {
  const int32_t n = static_cast<int32_t>(weights.size());
  const int32_t source = n;
  const int32_t sink = n + 1;
  int64_t positive = 0;
  for (int64_t w : weights) positive += std::max<int64_t>(w, 0);
  const int64_t infinite = positive + 1;  // larger than any cut of finite arcs
  Dinic network(n + 2);
  for (int32_t v = 0; v < n; ++v) {
    if (weights[v] > 0) network.AddArc(source, v, weights[v]);
    if (weights[v] < 0) network.AddArc(v, sink, -weights[v]);
  }
  for (const ClosureArc& arc : arcs) network.AddArc(arc.from, arc.to, infinite);
  network.Finish();
  network.MaxFlow(source, sink);
  std::vector<uint8_t> chosen = network.Reachable(source);
  chosen.resize(n);
  return chosen;
}

}  // namespace azubimatch::engine
