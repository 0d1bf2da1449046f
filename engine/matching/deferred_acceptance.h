// Candidate-proposing deferred acceptance (Gale and Shapley 1962) with capacities: the
// many-to-one stable matching that every candidate likes best among all stable
// matchings (Roth and Sotomayor 1990, Thm. 5.16).
//
// Candidates propose down their lists; an offer holds its `capacity` most preferred
// proposals so far and rejects the rest. Preferences must be strict: a candidate's
// list is its order; an offer ranks proposals by (priority, tie_break) descending, and
// finally by the smaller candidate index, so it is always strict. The result does not
// depend on the order in which free candidates propose.
//
// Thread safety: pure function.
// Complexity: O(P log K) time for P proposals in all lists and K the largest capacity;
// O(P) memory. Each proposal is made at most once.
#ifndef AZUBIMATCH_ENGINE_MATCHING_DEFERRED_ACCEPTANCE_H_
#define AZUBIMATCH_ENGINE_MATCHING_DEFERRED_ACCEPTANCE_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/matching/progress.h"

namespace azubimatch::engine {

// One entry of a candidate's list.
struct Proposal {
  int32_t offer = 0;
  double priority = 0.0;   // how much the offer wants this candidate; higher first
  uint64_t tie_break = 0;  // among equal priorities, higher first
};

struct DeferredAcceptanceProblem {
  std::vector<int32_t> capacities;  // seats per offer, >= 0
  // Candidate c's list, most preferred first, is
  // proposals[list_begin[c] .. list_begin[c + 1]); list_begin.size() = candidates + 1.
  std::vector<int64_t> list_begin;
  std::vector<Proposal> proposals;
};

// For every candidate, the index into problem.proposals of the proposal it holds in the
// end, or -1. Errors: InvalidArgument for an inconsistent problem (list_begin not
// ascending from 0 to proposals.size(), an offer index out of range, a negative
// capacity); Cancelled when progress (proposals made, proposals) says so.
absl::StatusOr<std::vector<int64_t>> RunDeferredAcceptance(
    const DeferredAcceptanceProblem& problem, const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_DEFERRED_ACCEPTANCE_H_
