#include "engine/matching/seeded_tie_breaking.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "engine/matching/tie_break.h"

namespace azubimatch::engine {
namespace {

std::vector<uint64_t> IndexHashes(size_t n) {
  std::vector<uint64_t> hashes(n);
  for (size_t i = 0; i < n; ++i) hashes[i] = SplitMix64(static_cast<uint64_t>(i));
  return hashes;
}

absl::Status CheckEntries(absl::Span<const TiedEntry> entries, size_t partners,
                          const char* field, size_t index) {
  const char* partner_field =
      std::string_view(field) == "candidate_lists" ? "offer" : "partner";
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].partner < 0 || static_cast<size_t>(entries[i].partner) >= partners) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, "[", index, "][", i, "].", partner_field, " ",
                       entries[i].partner, " is out of range"));
    }
    if (std::isnan(entries[i].preference)) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, "[", index, "][", i, "].preference is NaN"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<uint64_t> DrawLottery(uint64_t seed, uint64_t salt,
                                  absl::Span<const uint64_t> id_hashes) {
  std::vector<uint64_t> lottery(id_hashes.size());
  for (size_t i = 0; i < id_hashes.size(); ++i)
    lottery[i] = LotteryNumber(seed, salt, id_hashes[i]);
  return lottery;
}

std::vector<int32_t> StrictOrder(absl::Span<const TiedEntry> entries,
                                 absl::Span<const uint64_t> lottery) {
  std::vector<int32_t> order(entries.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    const TiedEntry& x = entries[a];
    const TiedEntry& y = entries[b];
    if (x.preference != y.preference) return x.preference > y.preference;
    if (lottery[x.partner] != lottery[y.partner])
      return lottery[x.partner] > lottery[y.partner];
    if (x.partner != y.partner) return x.partner < y.partner;
    return a < b;
  });
  return order;
}

absl::StatusOr<TwoSidedMarketInput> BreakTiesBySeed(const TiedMarketInput& tied,
                                                    uint64_t seed) {
  const size_t num_candidates = tied.candidate_lists.size();
  const size_t num_offers = tied.seats.size();
  if (tied.offer_lists.size() != num_offers) {
    return absl::InvalidArgumentError(absl::StrCat(
        "offer_lists has ", tied.offer_lists.size(), " entries, seats has ", num_offers));
  }
  if (!tied.candidate_id_hashes.empty() &&
      tied.candidate_id_hashes.size() != num_candidates) {
    return absl::InvalidArgumentError(
        "candidate_id_hashes must be empty or one per candidate");
  }
  if (!tied.offer_id_hashes.empty() && tied.offer_id_hashes.size() != num_offers) {
    return absl::InvalidArgumentError("offer_id_hashes must be empty or one per offer");
  }
  const std::vector<uint64_t> candidate_lottery =
      DrawLottery(seed, kCandidateLotterySalt,
                  tied.candidate_id_hashes.empty() ? IndexHashes(num_candidates)
                                                   : tied.candidate_id_hashes);
  const std::vector<uint64_t> offer_lottery = DrawLottery(
      seed, kOfferLotterySalt,
      tied.offer_id_hashes.empty() ? IndexHashes(num_offers) : tied.offer_id_hashes);

  TwoSidedMarketInput out;
  out.seats = tied.seats;
  out.candidate_lists.resize(num_candidates);
  std::vector<TiedEntry> entries;
  for (size_t c = 0; c < num_candidates; ++c) {
    const std::vector<TiedCandidateEntry>& list = tied.candidate_lists[c];
    entries.clear();
    for (const TiedCandidateEntry& e : list)
      entries.push_back(TiedEntry{e.offer, e.preference});
    if (absl::Status s = CheckEntries(entries, num_offers, "candidate_lists", c);
        !s.ok()) {
      return s;
    }
    for (int32_t i : StrictOrder(entries, offer_lottery)) {
      out.candidate_lists[c].push_back(
          CandidateChoice{list[i].offer, list[i].score, list[i].eligible});
    }
  }
  out.offer_lists.resize(num_offers);
  for (size_t o = 0; o < num_offers; ++o) {
    const std::vector<TiedEntry>& list = tied.offer_lists[o];
    if (absl::Status s = CheckEntries(list, num_candidates, "offer_lists", o); !s.ok()) {
      return s;
    }
    for (int32_t i : StrictOrder(list, candidate_lottery)) {
      out.offer_lists[o].push_back(list[i].partner);
    }
  }
  return out;
}

}  // namespace azubimatch::engine
