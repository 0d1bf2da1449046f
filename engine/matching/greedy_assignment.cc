#include "engine/matching/greedy_assignment.h"

#include <algorithm>
#include <bit>
#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/id_order.h"

namespace azubimatch::engine {
namespace {

constexpr int64_t kProgressEvery = 1 << 20;

// An edge as one 128-bit sort key: ascending keys are descending scores (the bits of a
// non-negative double order like the double), then ascending candidate id rank, then
// ascending offer id rank. Plain integer comparisons sort fastest.
struct Key {
  uint64_t descending_score;
  uint64_t ranks;  // candidate rank << 32 | offer rank

  friend bool operator<(const Key& a, const Key& b) {
    return a.descending_score != b.descending_score
               ? a.descending_score < b.descending_score
               : a.ranks < b.ranks;
  }
};

int64_t FindEdge(const EligibleGraph& graph, int32_t candidate, int32_t offer) {
  const auto first = graph.edges.begin() + graph.candidate_begin[candidate];
  const auto last = graph.edges.begin() + graph.candidate_begin[candidate + 1];
  const auto it = std::lower_bound(
      first, last, offer, [](const ScoredEdge& e, int32_t o) { return e.offer < o; });
  return it - graph.edges.begin();
}

}  // namespace

absl::StatusOr<AssignmentOutcome> AssignGreedy(const AssignmentInstance& instance,
                                               const ProgressCallback& progress) {
  const std::vector<ScoredEdge>& edges = instance.graph.edges;
  const std::vector<int32_t> candidate_rank = IdRanks(instance.candidates);
  const std::vector<int32_t> offer_rank = IdRanks(instance.offers);
  std::vector<int32_t> candidate_at(candidate_rank.size());
  for (size_t c = 0; c < candidate_rank.size(); ++c) {
    candidate_at[candidate_rank[c]] = static_cast<int32_t>(c);
  }
  std::vector<int32_t> offer_at(offer_rank.size());
  for (size_t o = 0; o < offer_rank.size(); ++o) {
    offer_at[offer_rank[o]] = static_cast<int32_t>(o);
  }

  std::vector<Key> order;
  order.reserve(edges.size());
  for (const ScoredEdge& e : edges) {
    order.push_back(Key{~std::bit_cast<uint64_t>(e.score),
                        static_cast<uint64_t>(candidate_rank[e.candidate]) << 32 |
                            static_cast<uint32_t>(offer_rank[e.offer])});
  }
  std::sort(order.begin(), order.end());

  std::vector<int32_t> seats_left = instance.capacity;
  std::vector<int64_t> chosen(instance.candidates.size(), -1);
  const int64_t total = static_cast<int64_t>(order.size());
  for (int64_t i = 0; i < total; ++i) {
    if (i % kProgressEvery == 0) {
      AZM_RETURN_IF_ERROR(ReportProgress(progress, "greedy assignment", i, total));
    }
    const int32_t c = candidate_at[order[i].ranks >> 32];
    const int32_t o = offer_at[order[i].ranks & 0xffffffffu];
    if (chosen[c] >= 0 || seats_left[o] == 0) continue;
    chosen[c] = FindEdge(instance.graph, c, o);
    --seats_left[o];
  }
  AZM_RETURN_IF_ERROR(ReportProgress(progress, "greedy assignment", total, total));
  return MakeOutcome(instance, chosen);
}

}  // namespace azubimatch::engine
