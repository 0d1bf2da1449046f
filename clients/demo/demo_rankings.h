// Rankings on both sides of a demo cohort, as after interviews (issue 11): every
// candidate is interviewed for a handful of its eligible offers and ranks them; every
// offer ranks the candidates it interviewed. Used by `matchctl demo --rankings` (through
// SuggestOffers and Preferences.SetRanking) and by bench/cohort_assign --rankings and
// tests (on the engine's eligible pairs), with the same rule:
//   - a candidate is interviewed among its kInterviewPool best-scoring eligible offers,
//     by the n best of them by pair score plus its private taste, n from 5 to 20 (all
//     when fewer), and ranks them in that order;
//   - an offer ranks its interviewees by pair score plus the company's private taste.
// Tastes are uniform, drawn from the seed and the two ids (Taste; matchctl passes the
// records' external ids, so that a cohort gets the same rankings on every server): in [-0.1, 0.1] for
// candidates, [-0.15, 0.15] for companies, from another stream of the seed, so that the
// two sides mostly agree with the score and disagree with each other often enough for
// the stable matchings to differ.
//
// Thread safety: pure functions. Complexity: RankInterviewedOffers and
// RankInterviewees O(n log n) for n options; InterviewRankings O(E log E) for E
// eligible pairs. Ties (equal values) go to the smaller id, so results are deterministic.
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_RANKINGS_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_RANKINGS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/two_sided_instance.h"

namespace azubimatch::clients {

// The best-scoring eligible offers a candidate is interviewed among.
inline constexpr int kInterviewPool = 40;
// How many offers a candidate is interviewed for (when it has that many).
inline constexpr int kMinInterviews = 5;
inline constexpr int kMaxInterviews = 20;

// One partner a side may rank: its id and the pair's score.
struct InterviewOption {
  absl::string_view id;
  double score = 0.0;
};

// A number in [-scale, scale] from the seed and two ids (FNV-1a, then SplitMix64).
double Taste(uint64_t seed, absl::string_view a, absl::string_view b, double scale);

// The offers candidate `candidate_id` was interviewed for, most preferred first, as
// indices into `eligible` (its eligible offers; only the kInterviewPool best by score
// count, see the file comment).
std::vector<size_t> RankInterviewedOffers(uint64_t seed, absl::string_view candidate_id,
                                          absl::Span<const InterviewOption> eligible);

// Offer `offer_id`'s ranking of its interviewees, most preferred first, as indices into
// `interviewees`.
std::vector<size_t> RankInterviewees(uint64_t seed, absl::string_view offer_id,
                                     absl::Span<const InterviewOption> interviewees);

// Both sides' explicit rankings for the whole instance by the rule above, for
// engine::RunTwoSidedAssignment: every candidate with an eligible offer ranks its
// interviews, every interviewing offer its interviewees; the others keep no ranking.
engine::TwoSidedRankings InterviewRankings(const engine::AssignmentInstance& instance,
                                           uint64_t seed);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_RANKINGS_H_
