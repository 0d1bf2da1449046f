#include "engine/matching/stable_rotations.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/two_sided_stable.h"

namespace azubimatch::engine {
namespace {

constexpr int32_t kNoRotation = -1;
constexpr int32_t kFreeSeatRank = std::numeric_limits<int32_t>::max();

enum class WalkState : uint8_t { kLive, kOnStack, kFixed };

// The seat market and the state of the walk.
class RotationWalk {
 public:
  explicit RotationWalk(const TwoSidedMarket& market) : market_(market) {}

  void Build(const TwoSidedMatching& candidate_optimal);
  absl::Status Run(const ProgressCallback& progress);

  RotationPoset TakePoset(TwoSidedMatching candidate_optimal) {
    return RotationPoset{std::move(candidate_optimal), std::move(rotations_),
                         std::move(arcs_)};
  }

 private:
  // Advances c's pointer to s(c); false when c is fixed for good (a free seat or the
  // end of its list).
  bool FindNextSeat(int32_t c);
  void FixStack();
  void Push(int32_t c) {
    stack_index_[c] = static_cast<int32_t>(stack_.size());
    stack_.push_back(c);
    state_[c] = WalkState::kOnStack;
  }
  void Eliminate(size_t stack_from);

  const TwoSidedMarket& market_;
  std::vector<int32_t> seat_begin_;     // per offer, size offers + 1
  std::vector<int32_t> offer_of_seat_;  // per seat
  // Seat-market lists: entries of candidate c are [entry_begin_[c], entry_begin_[c+1]).
  std::vector<int64_t> entry_begin_;
  std::vector<int64_t> entry_pair_;
  std::vector<int32_t> entry_seat_;
  std::vector<int64_t> pair_entry_;   // first entry (seat 0) of each pair
  std::vector<int64_t> label_begin_;  // per seat: start of its labels (one per position)
  std::vector<int32_t> crossed_by_;   // label: rotation that moved the seat past a rank
  std::vector<int32_t> seat_holder_;  // candidate or -1
  std::vector<int32_t> seat_rank_;    // offer position of the holder, or kFreeSeatRank
  std::vector<int64_t> position_;     // entry of c's current seat, -1 when unmatched
  std::vector<int64_t> pointer_;      // search position for s(c)
  std::vector<WalkState> state_;
  std::vector<int32_t> last_rotation_;  // per candidate
  std::vector<int32_t> arc_stamp_;      // per rotation: last rotation that linked it
  std::vector<int64_t> pair_weight_;
  std::vector<int32_t> stack_;
  std::vector<int32_t> stack_index_;  // per candidate on the stack: its index there
  std::vector<Rotation> rotations_;
  std::vector<ClosureArc> arcs_;
};

void RotationWalk::Build(const TwoSidedMatching& candidate_optimal) {
  const int32_t num_offers = market_.num_offers();
  const int32_t num_candidates = market_.num_candidates();
  seat_begin_.assign(num_offers + 1, 0);
  for (int32_t o = 0; o < num_offers; ++o) {
    const int64_t accepted = market_.offer_begin[o + 1] - market_.offer_begin[o];
    seat_begin_[o + 1] = seat_begin_[o] + static_cast<int32_t>(std::min<int64_t>(
                                              market_.seats[o], accepted));
  }
  const int32_t num_seats = seat_begin_.back();
  offer_of_seat_.resize(num_seats);
  label_begin_.resize(num_seats + 1);
  label_begin_[0] = 0;
  for (int32_t o = 0; o < num_offers; ++o) {
    const int64_t accepted = market_.offer_begin[o + 1] - market_.offer_begin[o];
    for (int32_t s = seat_begin_[o]; s < seat_begin_[o + 1]; ++s) {
      offer_of_seat_[s] = o;
      label_begin_[s + 1] = label_begin_[s] + accepted;
    }
  }
  crossed_by_.assign(label_begin_.back(), kNoRotation);

  entry_begin_.resize(num_candidates + 1);
  entry_begin_[0] = 0;
  pair_entry_.resize(market_.pairs.size());
  for (int32_t c = 0; c < num_candidates; ++c) {
    int64_t entries = entry_begin_[c];
    for (int64_t p = market_.candidate_begin[c]; p < market_.candidate_begin[c + 1];
         ++p) {
      const int32_t o = market_.pairs[p].offer;
      pair_entry_[p] = entries;
      entries += seat_begin_[o + 1] - seat_begin_[o];
    }
    entry_begin_[c + 1] = entries;
  }
  entry_pair_.resize(entry_begin_.back());
  entry_seat_.resize(entry_begin_.back());
  for (size_t p = 0; p < market_.pairs.size(); ++p) {
    const int32_t o = market_.pairs[p].offer;
    int64_t e = pair_entry_[p];
    for (int32_t s = seat_begin_[o]; s < seat_begin_[o + 1]; ++s, ++e) {
      entry_pair_[e] = static_cast<int64_t>(p);
      entry_seat_[e] = s;
    }
  }
  pair_weight_.resize(market_.pairs.size());
  for (size_t p = 0; p < market_.pairs.size(); ++p) {
    pair_weight_[p] = OptimalWeight(market_.pairs[p].score);
  }

  // The candidate-optimal matching in the seat market: each offer's candidates take its
  // seats in the offer's order.
  seat_holder_.assign(num_seats, -1);
  seat_rank_.assign(num_seats, kFreeSeatRank);
  position_.assign(num_candidates, -1);
  std::vector<int32_t> taken(num_offers, 0);
  for (int32_t o = 0; o < num_offers; ++o) {
    for (int64_t p : market_.OfferPairsOf(o)) {
      const int32_t c = market_.pairs[p].candidate;
      if (candidate_optimal.pair_of_candidate[c] != p) continue;
      const int32_t j = taken[o]++;
      const int32_t s = seat_begin_[o] + j;
      seat_holder_[s] = c;
      seat_rank_[s] = market_.offer_position[p];
      position_[c] = pair_entry_[p] + j;
    }
  }
  pointer_.resize(num_candidates);
  state_.resize(num_candidates);
  for (int32_t c = 0; c < num_candidates; ++c) {
    pointer_[c] = position_[c] + 1;
    state_[c] = position_[c] < 0 ? WalkState::kFixed : WalkState::kLive;
  }
  last_rotation_.assign(num_candidates, kNoRotation);
  stack_index_.assign(num_candidates, -1);
}

bool RotationWalk::FindNextSeat(int32_t c) {
  const int64_t end = entry_begin_[c + 1];
  for (int64_t& e = pointer_[c]; e < end; ++e) {
    const int32_t s = entry_seat_[e];
    // A free seat takes c whenever c is worse off; c can never move past it.
    if (seat_holder_[s] < 0) return false;
    if (market_.offer_position[entry_pair_[e]] < seat_rank_[s]) return true;
    // The seat's holder only gets better for the seat: skipping it is for good.
  }
  return false;
}

void RotationWalk::FixStack() {
  for (int32_t c : stack_) state_[c] = WalkState::kFixed;
  stack_.clear();
}

void RotationWalk::Eliminate(size_t stack_from) {
  const int32_t r = static_cast<int32_t>(rotations_.size());
  arc_stamp_.push_back(kNoRotation);
  Rotation rotation;
  auto add_arc = [&](int32_t before) {
    if (before == kNoRotation || arc_stamp_[before] == r) return;
    arc_stamp_[before] = r;
    arcs_.push_back(ClosureArc{r, before});
  };
  // Arcs first, against the labels as they were before this rotation.
  for (size_t i = stack_from; i < stack_.size(); ++i) {
    const int32_t c = stack_[i];
    add_arc(last_rotation_[c]);                                 // type 1
    for (int64_t e = position_[c] + 1; e < pointer_[c]; ++e) {  // type 2
      const int32_t s = entry_seat_[e];
      add_arc(crossed_by_[label_begin_[s] + market_.offer_position[entry_pair_[e]]]);
    }
  }
  for (size_t i = stack_from; i < stack_.size(); ++i) {
    const int32_t c = stack_[i];
    const int64_t from = position_[c];
    const int64_t to = pointer_[c];
    const int32_t s = entry_seat_[to];
    const int32_t new_rank = market_.offer_position[entry_pair_[to]];
    for (int32_t rank = new_rank + 1; rank < seat_rank_[s]; ++rank) {
      crossed_by_[label_begin_[s] + rank] = r;
    }
    seat_holder_[s] = c;
    seat_rank_[s] = new_rank;
    const int32_t from_seat = entry_seat_[from];
    rotation.moves.push_back(RotationMove{
        c, entry_pair_[from], from_seat - seat_begin_[offer_of_seat_[from_seat]],
        entry_pair_[to], s - seat_begin_[offer_of_seat_[s]]});
    rotation.weight += pair_weight_[entry_pair_[to]] - pair_weight_[entry_pair_[from]];
    position_[c] = to;
    pointer_[c] = to + 1;
    last_rotation_[c] = r;
    state_[c] = WalkState::kLive;
  }
  stack_.resize(stack_from);
  rotations_.push_back(std::move(rotation));
}

absl::Status RotationWalk::Run(const ProgressCallback& progress) {
  const int32_t num_candidates = market_.num_candidates();
  for (int32_t start = 0; start < num_candidates; ++start) {
    if (start % 4096 == 0) {
      AZM_RETURN_IF_ERROR(ReportProgress(progress, "rotations", start, num_candidates));
    }
    while (state_[start] == WalkState::kLive) {
      Push(start);
      while (!stack_.empty()) {
        const int32_t c = stack_.back();
        if (!FindNextSeat(c)) {
          FixStack();
          break;
        }
        const int32_t next = seat_holder_[entry_seat_[pointer_[c]]];
        if (state_[next] == WalkState::kFixed) {
          FixStack();
          break;
        }
        if (state_[next] == WalkState::kOnStack) {
          Eliminate(stack_index_[next]);
          continue;
        }
        Push(next);
      }
    }
  }
  return ReportProgress(progress, "rotations", num_candidates, num_candidates);
}

}  // namespace

absl::StatusOr<RotationPoset> BuildRotationPoset(const TwoSidedMarket& market,
                                                 const ProgressCallback& progress) {
  AZM_ASSIGN_OR_RETURN(TwoSidedMatching candidate_optimal,
                       CandidateProposingStable(market, progress));
  RotationWalk walk(market);
  walk.Build(candidate_optimal);
  AZM_RETURN_IF_ERROR(walk.Run(progress));
  return walk.TakePoset(std::move(candidate_optimal));
}

TwoSidedMatching EliminateRotations(const RotationPoset& poset,
                                    absl::Span<const uint8_t> eliminate) {
  TwoSidedMatching matching = poset.candidate_optimal;
  for (size_t r = 0; r < poset.rotations.size(); ++r) {
    if (!eliminate[r]) continue;
    for (const RotationMove& move : poset.rotations[r].moves) {
      matching.pair_of_candidate[move.candidate] = move.to_pair;
    }
  }
  return matching;
}

}  // namespace azubimatch::engine
