#include "engine/matching/greedy_assignment.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/id_order.h"

namespace azubimatch::engine {
namespace {

constexpr int64_t kProgressEvery = 1 << 20;

}  // namespace

absl::StatusOr<AssignmentOutcome> AssignGreedy(const AssignmentInstance& instance,
                                               const ProgressCallback& progress) {
  const std::vector<ScoredEdge>& edges = instance.graph.edges;
  const std::vector<int32_t> candidate_rank = IdRanks(instance.candidates);
  const std::vector<int32_t> offer_rank = IdRanks(instance.offers);

  std::vector<int64_t> order(edges.size());
  std::iota(order.begin(), order.end(), int64_t{0});
  std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    const ScoredEdge& x = edges[a];
    const ScoredEdge& y = edges[b];
    if (x.score != y.score) return x.score > y.score;
    if (x.candidate != y.candidate) {
      return candidate_rank[x.candidate] < candidate_rank[y.candidate];
    }
    return offer_rank[x.offer] < offer_rank[y.offer];
  });

  std::vector<int32_t> seats_left = instance.capacity;
  std::vector<int64_t> chosen(instance.candidates.size(), -1);
  const int64_t total = static_cast<int64_t>(order.size());
  for (int64_t i = 0; i < total; ++i) {
    if (i % kProgressEvery == 0) {
      AZM_RETURN_IF_ERROR(ReportProgress(progress, "greedy assignment", i, total));
    }
    const ScoredEdge& e = edges[order[i]];
    if (chosen[e.candidate] >= 0 || seats_left[e.offer] == 0) continue;
    chosen[e.candidate] = order[i];
    --seats_left[e.offer];
  }
  AZM_RETURN_IF_ERROR(ReportProgress(progress, "greedy assignment", total, total));
  return MakeOutcome(instance, chosen);
}

}  // namespace azubimatch::engine
