// The rotations of a two-sided market and their precedence order (Irving and Leather
// 1986; Gusfield and Irving, "The Stable Marriage Problem", 1989), the structure behind
// best_stable.h: every stable matching is the candidate-optimal one with the rotations
// of exactly one closed subset of the poset eliminated, and every closed subset gives a
// stable matching (a bijection).
//
// Seats. The many-to-one market is reduced to one-to-one in the standard way (ibid.):
// offer o becomes seats (o, 0), (o, 1), ..., each with o's list; a candidate's list
// names o's seats in seat order where it named o. In every stable
// matching of the seat market an offer's candidates sit in its seats in the offer's
// order of preference (seat 0 the most preferred), so stable matchings of the two
// markets correspond one to one and the pair scores agree. Seats beyond the number of
// candidates an offer accepts are never taken and are left out.
//
// Rotations are found by walking the "next" pointers of the seat market from the
// candidate-optimal matching (deferred acceptance with seats ordered as above): each
// candidate has a pointer along its list, s(c) = the first seat after its own whose
// holder is worse for the seat than c, next(c) = the holder of s(c); a cycle on the
// stack of the walk is an exposed rotation and is eliminated at once (every candidate
// moves to s(c)). A candidate whose pointer meets a free seat or its list's end, or
// whose next is such a candidate, keeps its partner for good. The walk ends at the
// candidate-pessimal matching, having found every rotation exactly once.
//
// Precedence arcs (their transitive closure is the rotation poset; ibid.):
//   type 1: the previous rotation that moved c precedes every later rotation moving c;
//   type 2: when c skips a seat w on its move in rotation R, the rotation that moved w
//           from a holder worse than c to one better than c precedes R.
//
// Thread safety: pure functions.
// Complexity: O(P log S + L' + R) time for P pairs, L' = sum over offers o of
// (seats kept at o) * (candidates o accepts) entries of the seat market, and R moves in
// all rotations (R <= L'); memory O(L' + P). There are at most L' rotations and O(L')
// precedence arcs.
#ifndef AZUBIMATCH_ENGINE_MATCHING_STABLE_ROTATIONS_H_
#define AZUBIMATCH_ENGINE_MATCHING_STABLE_ROTATIONS_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/max_weight_closure.h"
#include "engine/matching/progress.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

// One candidate's move when a rotation is eliminated.
struct RotationMove {
  int32_t candidate = 0;
  int64_t from_pair = 0;  // index into market.pairs: the pair before the rotation
  int32_t from_seat = 0;  // 0-based seat of the offer before the rotation
  int64_t to_pair = 0;    // the pair after it (a less preferred offer, or another seat)
  int32_t to_seat = 0;
};

struct Rotation {
  // In cyclic order: moves[i].candidate takes the seat held by moves[i + 1].candidate.
  std::vector<RotationMove> moves;
  // Change in total weight when eliminated: sum over moves of
  // OptimalWeight(score of to_pair) - OptimalWeight(score of from_pair).
  int64_t weight = 0;
};

struct RotationPoset {
  TwoSidedMatching candidate_optimal;
  // In the order found, which is an order of elimination (a linear extension).
  std::vector<Rotation> rotations;
  // {from, to}: rotation `from` can only be eliminated after rotation `to`; indices into
  // `rotations`, to < from. No duplicates within a rotation's arcs.
  std::vector<ClosureArc> precedences;
};

// Errors: Cancelled when progress says so.
absl::StatusOr<RotationPoset> BuildRotationPoset(const TwoSidedMarket& market,
                                                 const ProgressCallback& progress = {});

// The stable matching reached from poset.candidate_optimal by eliminating the rotations
// with eliminate[r] != 0. REQUIRES: that set is closed under the precedences.
// O(C + moves of the eliminated rotations).
TwoSidedMatching EliminateRotations(const RotationPoset& poset,
                                    absl::Span<const uint8_t> eliminate);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_STABLE_ROTATIONS_H_
