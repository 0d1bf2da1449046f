#include "engine/matching/deferred_acceptance.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::engine {
namespace {

constexpr int64_t kProgressEvery = 1 << 18;

struct Held {
  double priority;
  uint64_t tie_break;
  int32_t candidate;
  int64_t proposal;
};

// True when the offer prefers `a` to `b`.
bool Prefers(const Held& a, const Held& b) {
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.tie_break != b.tie_break) return a.tie_break > b.tie_break;
  return a.candidate < b.candidate;
}

absl::Status CheckProblem(const DeferredAcceptanceProblem& p) {
  const int64_t num_offers = static_cast<int64_t>(p.capacities.size());
  for (int64_t o = 0; o < num_offers; ++o) {
    if (p.capacities[o] < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("capacities[", o, "] must be >= 0, got ", p.capacities[o]));
    }
  }
  if (p.list_begin.empty() || p.list_begin.front() != 0 ||
      p.list_begin.back() != static_cast<int64_t>(p.proposals.size())) {
    return absl::InvalidArgumentError(
        "list_begin must start at 0 and end at proposals.size()");
  }
  for (size_t c = 0; c + 1 < p.list_begin.size(); ++c) {
    if (p.list_begin[c] > p.list_begin[c + 1]) {
      return absl::InvalidArgumentError(
          absl::StrCat("list_begin[", c + 1, "] is smaller than list_begin[", c, "]"));
    }
  }
  for (size_t i = 0; i < p.proposals.size(); ++i) {
    if (p.proposals[i].offer < 0 || p.proposals[i].offer >= num_offers) {
      return absl::InvalidArgumentError(absl::StrCat(
          "proposals[", i, "].offer ", p.proposals[i].offer, " is out of range"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<int64_t>> RunDeferredAcceptance(
    const DeferredAcceptanceProblem& problem, const ProgressCallback& progress) {
  AZM_RETURN_IF_ERROR(CheckProblem(problem));
  const int32_t num_candidates = static_cast<int32_t>(problem.list_begin.size() - 1);
  const int64_t total = static_cast<int64_t>(problem.proposals.size());

  // held[o] is a heap whose top is the offer's least preferred held proposal.
  std::vector<std::vector<Held>> held(problem.capacities.size());
  std::vector<int64_t> next(problem.list_begin.begin(), problem.list_begin.end() - 1);
  std::vector<int32_t> free_candidates;
  free_candidates.reserve(num_candidates);
  for (int32_t c = num_candidates - 1; c >= 0; --c) free_candidates.push_back(c);

  int64_t made = 0;
  while (!free_candidates.empty()) {
    const int32_t c = free_candidates.back();
    free_candidates.pop_back();
    const int64_t end = problem.list_begin[c + 1];
    while (next[c] < end) {
      const int64_t index = next[c]++;
      if (++made % kProgressEvery == 0) {
        AZM_RETURN_IF_ERROR(ReportProgress(progress, "deferred acceptance", made, total));
      }
      const Proposal& p = problem.proposals[index];
      const int32_t capacity = problem.capacities[p.offer];
      if (capacity == 0) continue;
      std::vector<Held>& heap = held[p.offer];
      const Held proposal{p.priority, p.tie_break, c, index};
      if (static_cast<int32_t>(heap.size()) < capacity) {
        heap.push_back(proposal);
        std::push_heap(heap.begin(), heap.end(), Prefers);
        break;
      }
      if (!Prefers(proposal, heap.front())) continue;
      std::pop_heap(heap.begin(), heap.end(), Prefers);
      free_candidates.push_back(heap.back().candidate);
      heap.back() = proposal;
      std::push_heap(heap.begin(), heap.end(), Prefers);
      break;
    }
  }
  AZM_RETURN_IF_ERROR(ReportProgress(progress, "deferred acceptance", total, total));

  std::vector<int64_t> result(num_candidates, -1);
  for (const std::vector<Held>& heap : held) {
    for (const Held& h : heap) result[h.candidate] = h.proposal;
  }
  return result;
}

}  // namespace azubimatch::engine
