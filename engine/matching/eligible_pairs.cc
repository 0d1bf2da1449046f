#include "engine/matching/eligible_pairs.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "engine/base/status_macros.h"
#include "engine/matching/pair_evaluation.h"
#include "engine/matching/pool_index.h"

namespace azubimatch::engine {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDegreesPerRadian = 180.0 / kPi;
constexpr int kSectorCount = 9;
constexpr int kProgressEvery = 256;

// Offers of one occupation or sector, sorted by latitude (then index).
struct OfferList {
  std::vector<int32_t> offers;
  std::vector<double> lats;
  std::vector<GeoPoint> places;
  std::optional<OfferFactsTable> facts;  // in list order
};

void SortByLatitude(absl::Span<const OfferProfile> offers, const ScoringPolicy& policy,
                    LanguageIds& languages, OfferList& list) {
  std::sort(list.offers.begin(), list.offers.end(), [&](int32_t a, int32_t b) {
    const double la = offers[a].location.lat, lb = offers[b].location.lat;
    return la != lb ? la < lb : a < b;
  });
  list.lats.reserve(list.offers.size());
  list.places.reserve(list.offers.size());
  for (int32_t o : list.offers) {
    list.lats.push_back(offers[o].location.lat);
    list.places.push_back(offers[o].location);
  }
  list.facts.emplace(offers, list.offers, policy, languages);
}

// The region that can hold offers within reach of a candidate: a latitude window and,
// when it helps, a bound on the longitude difference. Conservative: any offer outside
// it is farther than the reach bound (see the haversine inequality below).
struct ReachWindow {
  bool bounded = false;
  double lat_lo = 0.0, lat_hi = 0.0;
  bool lon_bounded = false;
  double max_dlon_deg = 0.0;
};

ReachWindow MakeReachWindow(GeoPoint home, double reach_km) {
  ReachWindow w;
  if (!std::isfinite(reach_km)) return w;
  w.bounded = true;
  // Great-circle distance >= Earth radius * |latitude difference|.
  const double dlat_deg =
      reach_km / kEarthRadiusKm * kDegreesPerRadian * (1.0 + 1e-9) + 1e-9;
  w.lat_lo = home.lat - dlat_deg;
  w.lat_hi = home.lat + dlat_deg;
  // hav(d / R) = hav(dlat) + cos(lat1) cos(lat2) hav(dlon) >= cos(lat1) cos(lat2)
  // hav(dlon), and cos(lat2) >= cos(max |lat| in the window) for every offer in the
  // window.
  const double max_abs_lat = std::max(std::abs(w.lat_lo), std::abs(w.lat_hi));
  if (max_abs_lat >= 89.0) return w;
  const double sin_half = std::sin(std::min(reach_km / kEarthRadiusKm, kPi) / 2.0);
  const double cos_product =
      std::cos(home.lat / kDegreesPerRadian) * std::cos(max_abs_lat / kDegreesPerRadian);
  const double hav_bound = sin_half * sin_half / cos_product;
  if (!(hav_bound < 1.0)) return w;
  w.lon_bounded = true;
  w.max_dlon_deg =
      2.0 * std::asin(std::sqrt(hav_bound)) * kDegreesPerRadian * (1.0 + 1e-9) + 1e-9;
  return w;
}

bool WithinLongitude(const ReachWindow& w, double home_lon, double lon) {
  if (!w.lon_bounded) return true;
  double d = std::abs(lon - home_lon);
  if (d > 180.0) d = 360.0 - d;
  return d <= w.max_dlon_deg;
}

uint64_t PairKey(int32_t candidate, int32_t offer) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(candidate)) << 32) |
         static_cast<uint32_t>(offer);
}

// Everything BuildEligiblePairs shares across candidates.
class PairBuilder {
 public:
  PairBuilder(absl::Span<const CandidateProfile> candidates,
              absl::Span<const OfferProfile> offers, const ScoringPolicy& policy,
              const TravelTimeModel& travel, absl::flat_hash_set<uint64_t> banned)
      : candidates_(candidates),
        num_offers_(static_cast<int32_t>(offers.size())),
        prepared_(policy, /*rank_tables=*/true),
        travel_(travel),
        banned_(std::move(banned)),
        visited_by_(offers.size(), -1) {
    for (int32_t o = 0; o < num_offers_; ++o) {
      const OfferProfile& offer = offers[o];
      const int sector = static_cast<int>(MatchingSector(offer));
      by_occupation_[offer.occupation.kldb_code].offers.push_back(o);
      ++occupation_sector_count_[offer.occupation.kldb_code][sector];
      if (policy.allow_sector_match) by_sector_[sector].offers.push_back(o);
    }
    for (auto& [code, list] : by_occupation_) {
      SortByLatitude(offers, policy, languages_, list);
    }
    for (OfferList& list : by_sector_) SortByLatitude(offers, policy, languages_, list);
  }

  // Appends candidate c's edges (sorted by offer) to `edges` and returns its counts.
  CandidateExclusions AddCandidate(int32_t c, std::vector<ScoredEdge>& edges) {
    const CandidateProfile& candidate = candidates_[c];
    CandidateExclusions ex;
    const size_t first_edge = edges.size();
    languages_.FillLevels(candidate, levels_);
    const CandidateFacts facts{candidate.travel_limit_minutes, candidate.certificate,
                               candidate.available_from.days_since_epoch, levels_};
    const ReachWindow window = MakeReachWindow(
        candidate.home,
        travel_.ReachBoundKm(candidate.travel_limit_minutes, candidate.travel_mode));

    // The rank passed on is the first position of the code (or sector), as
    // FindOccupationMatch would find it.
    wished_codes_.clear();
    const auto& wishes = candidate.desired_occupations;
    for (size_t i = 0; i < wishes.size(); ++i) {
      const std::string& code = wishes[i].kldb_code;
      if (std::find(wished_codes_.begin(), wished_codes_.end(), code) !=
          wished_codes_.end()) {
        continue;
      }
      wished_codes_.push_back(code);
      auto it = by_occupation_.find(code);
      if (it == by_occupation_.end()) continue;
      ex.wished_offers += static_cast<int32_t>(it->second.offers.size());
      VisitList(c, facts, OccupationMatch{static_cast<int32_t>(i), -1}, window,
                it->second,
                /*already_counted=*/0, ex, edges);
    }
    if (prepared_.policy().allow_sector_match) {
      bool seen[kSectorCount] = {};
      const auto& sectors = candidate.desired_sectors;
      for (size_t j = 0; j < sectors.size(); ++j) {
        const int s = static_cast<int>(sectors[j]);
        if (s <= 0 || s >= kSectorCount || seen[s]) continue;
        seen[s] = true;
        // Offers of this sector in a wished occupation were counted with their
        // occupation.
        int32_t in_wished_occupation = 0;
        for (const std::string& code : wished_codes_) {
          auto it = occupation_sector_count_.find(code);
          if (it != occupation_sector_count_.end()) in_wished_occupation += it->second[s];
        }
        ex.wished_offers +=
            static_cast<int32_t>(by_sector_[s].offers.size()) - in_wished_occupation;
        VisitList(c, facts, OccupationMatch{-1, static_cast<int32_t>(j)}, window,
                  by_sector_[s], in_wished_occupation, ex, edges);
      }
    }
    ex.offers_by_reason[static_cast<int>(ExclusionCode::kOccupationNotWished)] =
        num_offers_ - ex.wished_offers;
    ex.eligible_offers = static_cast<int32_t>(edges.size() - first_edge);
    std::sort(edges.begin() + first_edge, edges.end(),
              [](const ScoredEdge& a, const ScoredEdge& b) { return a.offer < b.offer; });
    return ex;
  }

 private:
  // Visits the offers of `list` within the window. `already_counted` offers of the list
  // were counted before (through their occupation); in the window they are found marked
  // as visited, outside it they are subtracted from the travel count.
  void VisitList(int32_t c, const CandidateFacts& facts, OccupationMatch match,
                 const ReachWindow& window, const OfferList& list,
                 int32_t already_counted, CandidateExclusions& ex,
                 std::vector<ScoredEdge>& edges) {
    const CandidateProfile& candidate = candidates_[c];
    size_t lo = 0, hi = list.offers.size();
    if (window.bounded) {
      lo = std::lower_bound(list.lats.begin(), list.lats.end(), window.lat_lo) -
           list.lats.begin();
      hi = std::upper_bound(list.lats.begin(), list.lats.end(), window.lat_hi) -
           list.lats.begin();
      hi = std::max(lo, hi);
    }
    int32_t found_counted = 0;
    int32_t travel_over = 0;
    batch_positions_.clear();
    batch_points_.clear();
    for (size_t i = lo; i < hi; ++i) {
      const int32_t o = list.offers[i];
      if (visited_by_[o] == c) {
        ++found_counted;
        continue;
      }
      visited_by_[o] = c;
      if (!WithinLongitude(window, candidate.home.lon, list.places[i].lon)) {
        ++travel_over;
        continue;
      }
      batch_positions_.push_back(i);
      batch_points_.push_back(list.places[i]);
    }
    const int32_t outside = static_cast<int32_t>(list.offers.size() - (hi - lo));
    travel_over += outside - (already_counted - found_counted);
    ex.offers_by_reason[static_cast<int>(ExclusionCode::kTravelTimeOverLimit)] +=
        travel_over;

    batch_minutes_.resize(batch_points_.size());
    travel_.MinutesFrom(candidate.home, batch_points_, candidate.travel_mode,
                        absl::MakeSpan(batch_minutes_));
    for (size_t k = 0; k < batch_positions_.size(); ++k) {
      const int32_t o = list.offers[batch_positions_[k]];
      const bool banned = !banned_.empty() && banned_.contains(PairKey(c, o));
      const OfferFacts& offer = list.facts->facts(batch_positions_[k]);
      CommuteMinutes minutes{batch_minutes_[k]};
      if (offer.school_days > 0) {
        minutes.school =
            travel_.Minutes(candidate.home, offer.school, candidate.travel_mode);
      }
      const PairEvaluation e =
          EvaluateFacts(facts, offer, match, prepared_, minutes, banned);
      if (e.eligible()) {
        edges.push_back(ScoredEdge{c, o, e.score, e.travel_minutes, e.wish_rank,
                                   e.school_travel_minutes});
        continue;
      }
      for (int r = 0; r < kExclusionCodeCount; ++r) {
        if (e.failed & ConstraintBit(static_cast<ExclusionCode>(r)))
          ++ex.offers_by_reason[r];
      }
    }
  }

  absl::Span<const CandidateProfile> candidates_;
  const int32_t num_offers_;
  const PreparedPolicy prepared_;
  LanguageIds languages_;
  const TravelTimeModel& travel_;
  absl::flat_hash_set<uint64_t> banned_;
  absl::flat_hash_map<std::string, OfferList> by_occupation_;
  absl::flat_hash_map<std::string, std::array<int32_t, kSectorCount>>
      occupation_sector_count_;
  std::array<OfferList, kSectorCount> by_sector_;
  std::vector<int32_t> visited_by_;  // last candidate that visited each offer
  std::vector<std::string> wished_codes_;
  std::vector<CefrLevel> levels_;
  std::vector<size_t> batch_positions_;
  std::vector<GeoPoint> batch_points_;
  std::vector<double> batch_minutes_;
};

}  // namespace

ExclusionCode TopExclusionReason(const CandidateExclusions& exclusions) {
  ExclusionCode top = ExclusionCode::kOccupationNotWished;
  if (exclusions.wished_offers == 0) return top;
  int32_t best = 0;
  for (int r = 0; r < kExclusionCodeCount; ++r) {
    const auto code = static_cast<ExclusionCode>(r);
    if (code == ExclusionCode::kOccupationNotWished) continue;
    if (exclusions.offers_by_reason[r] > best) {
      best = exclusions.offers_by_reason[r];
      top = code;
    }
  }
  return top;
}

absl::StatusOr<EligibleGraph> BuildEligiblePairs(
    absl::Span<const CandidateProfile> candidates, absl::Span<const OfferProfile> offers,
    const ScoringPolicy& policy, const TravelTimeModel& travel,
    absl::Span<const PairIds> banned, const ProgressCallback& progress) {
  AZM_RETURN_IF_ERROR(ValidateScoringPolicy(policy));
  AZM_ASSIGN_OR_RETURN(const PoolIndex index, IndexPool(candidates, offers));
  absl::flat_hash_set<uint64_t> banned_keys;
  for (const PairIds& pair : banned) {
    const int32_t c = index.FindCandidate(pair.candidate_id);
    const int32_t o = index.FindOffer(pair.offer_id);
    if (c >= 0 && o >= 0) banned_keys.insert(PairKey(c, o));
  }

  PairBuilder builder(candidates, offers, policy, travel, std::move(banned_keys));
  EligibleGraph graph;
  const int32_t num_candidates = static_cast<int32_t>(candidates.size());
  graph.candidate_begin.reserve(num_candidates + 1);
  graph.exclusions.reserve(num_candidates);
  graph.candidate_begin.push_back(0);
  for (int32_t c = 0; c < num_candidates; ++c) {
    if (c % kProgressEvery == 0) {
      AZM_RETURN_IF_ERROR(ReportProgress(progress, "eligible pairs", c, num_candidates));
    }
    graph.exclusions.push_back(builder.AddCandidate(c, graph.edges));
    graph.candidate_begin.push_back(static_cast<int64_t>(graph.edges.size()));
  }
  AZM_RETURN_IF_ERROR(
      ReportProgress(progress, "eligible pairs", num_candidates, num_candidates));
  return graph;
}

}  // namespace azubimatch::engine
