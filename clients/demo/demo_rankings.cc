#include "clients/demo/demo_rankings.h"

#include <algorithm>
#include <numeric>
#include <optional>

#include "engine/matching/tie_break.h"

namespace azubimatch::clients {
namespace {

constexpr double kCandidateTaste = 0.1;
constexpr double kCompanyTaste = 0.15;
constexpr uint64_t kCompanyStream = 0x5a5a;

// Indices of `options` by value (higher first), ties by id, then index.
std::vector<size_t> OrderByValue(absl::Span<const InterviewOption> options,
                                 const std::vector<double>& value) {
  std::vector<size_t> order(options.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (value[a] != value[b]) return value[a] > value[b];
    if (options[a].id != options[b].id) return options[a].id < options[b].id;
    return a < b;
  });
  return order;
}

}  // namespace

double Taste(uint64_t seed, absl::string_view a, absl::string_view b, double scale) {
  uint64_t h = 1469598103934665603ULL ^ seed;
  for (absl::string_view s : {a, b}) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ '/') * 1099511628211ULL;
  }
  h = engine::SplitMix64(h);
  return (static_cast<double>(h >> 11) / 9007199254740992.0 - 0.5) * 2 * scale;
}

std::vector<size_t> RankInterviewedOffers(uint64_t seed, absl::string_view candidate_id,
                                          absl::Span<const InterviewOption> eligible) {
  // The pool: the kInterviewPool best by score.
  std::vector<double> score(eligible.size());
  for (size_t i = 0; i < eligible.size(); ++i) score[i] = eligible[i].score;
  std::vector<size_t> pool = OrderByValue(eligible, score);
  if (pool.size() > static_cast<size_t>(kInterviewPool)) pool.resize(kInterviewPool);
  // The interviews: the n best of the pool by score plus taste, in that order.
  std::vector<double> value(eligible.size(), 0.0);
  for (size_t i : pool) {
    value[i] =
        eligible[i].score + Taste(seed, candidate_id, eligible[i].id, kCandidateTaste);
  }
  std::stable_sort(pool.begin(), pool.end(), [&](size_t a, size_t b) {
    if (value[a] != value[b]) return value[a] > value[b];
    return eligible[a].id < eligible[b].id;
  });
  const double u = Taste(seed, candidate_id, "interviews", 0.5) + 0.5;  // [0, 1]
  const size_t n = std::min<size_t>(
      kMinInterviews + static_cast<size_t>(u * (kMaxInterviews - kMinInterviews + 1)),
      kMaxInterviews);
  if (pool.size() > n) pool.resize(n);
  return pool;
}

std::vector<size_t> RankInterviewees(uint64_t seed, absl::string_view offer_id,
                                     absl::Span<const InterviewOption> interviewees) {
  std::vector<double> value(interviewees.size());
  for (size_t i = 0; i < interviewees.size(); ++i) {
    value[i] = interviewees[i].score +
               Taste(seed ^ kCompanyStream, offer_id, interviewees[i].id, kCompanyTaste);
  }
  return OrderByValue(interviewees, value);
}

engine::TwoSidedRankings InterviewRankings(const engine::AssignmentInstance& instance,
                                           uint64_t seed) {
  engine::TwoSidedRankings rankings;
  rankings.candidate_rankings.resize(instance.candidates.size());
  rankings.offer_rankings.resize(instance.offers.size());
  // offer -> (candidate index, pair score) of its interviewees, by candidate index.
  std::vector<std::vector<std::pair<int32_t, double>>> interviewees(
      instance.offers.size());
  std::vector<InterviewOption> options;
  for (size_t c = 0; c < instance.candidates.size(); ++c) {
    const absl::Span<const engine::ScoredEdge> edges =
        instance.graph.EdgesOf(static_cast<int32_t>(c));
    if (edges.empty()) continue;
    options.clear();
    for (const engine::ScoredEdge& e : edges) {
      options.push_back({instance.offers[e.offer].id, e.score});
    }
    std::vector<int32_t>& ranking = rankings.candidate_rankings[c].emplace();
    for (size_t i : RankInterviewedOffers(seed, instance.candidates[c].id, options)) {
      ranking.push_back(edges[i].offer);
      interviewees[edges[i].offer].emplace_back(static_cast<int32_t>(c), edges[i].score);
    }
  }
  for (size_t o = 0; o < instance.offers.size(); ++o) {
    if (interviewees[o].empty()) continue;
    options.clear();
    for (const auto& [c, score] : interviewees[o]) {
      options.push_back({instance.candidates[c].id, score});
    }
    std::vector<int32_t>& ranking = rankings.offer_rankings[o].emplace();
    for (size_t i : RankInterviewees(seed, instance.offers[o].id, options)) {
      ranking.push_back(interviewees[o][i].first);
    }
  }
  return rankings;
}

}  // namespace azubimatch::clients
