#include "engine/matching/greedy_assignment.h"

#include <algorithm>
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

  // Sort keys laid out contiguously: sorting them beats sorting indirect indices.
  struct Key {
    double score;
    int32_t candidate_rank;
    int32_t offer_rank;
    int64_t edge;
  };
  std::vector<Key> order;
  order.reserve(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    order.push_back(Key{edges[i].score, candidate_rank[edges[i].candidate],
                        offer_rank[edges[i].offer], static_cast<int64_t>(i)});
  }
  std::sort(order.begin(), order.end(), [](const Key& x, const Key& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.candidate_rank != y.candidate_rank) return x.candidate_rank < y.candidate_rank;
    return x.offer_rank < y.offer_rank;
  });

  std::vector<int32_t> seats_left = instance.capacity;
  std::vector<int64_t> chosen(instance.candidates.size(), -1);
  const int64_t total = static_cast<int64_t>(order.size());
  for (int64_t i = 0; i < total; ++i) {
    if (i % kProgressEvery == 0) {
      AZM_RETURN_IF_ERROR(ReportProgress(progress, "greedy assignment", i, total));
    }
    const ScoredEdge& e = edges[order[i].edge];
    if (chosen[e.candidate] >= 0 || seats_left[e.offer] == 0) continue;
    chosen[e.candidate] = order[i].edge;
    --seats_left[e.offer];
  }
  AZM_RETURN_IF_ERROR(ReportProgress(progress, "greedy assignment", total, total));
  return MakeOutcome(instance, chosen);
}

}  // namespace azubimatch::engine
