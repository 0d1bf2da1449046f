#include "service/matching/suggestions.h"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "engine/base/status_macros.h"
#include "engine/matching/pair_evaluation.h"
#include "engine/matching/scoring.h"
#include "service/matching/proto_conversion.h"
#include "service/matching/request_validation.h"
#include "service/matching/visible_records.h"
#include "service/registry/access_policy.h"

namespace azubimatch::service {
namespace {

// Rounding allowance between a score bound (summed here in another order) and the score
// EvaluateFacts sums: far above the few ulps they can differ by, far below any
// difference of scores that matters.
constexpr double kBoundSlack = 1e-9;

// The constraints EvaluateFacts checks besides the occupation and a ban, decided the
// same way from the same facts: true when the pair passes them all. Cheaper than
// scoring: no language interning, no component values.
bool PassesConstraints(const engine::CandidateProfile& c, const engine::OfferProfile& o,
                       const engine::ScoringPolicy& policy, engine::CommuteMinutes minutes) {
  if (!engine::WithinLimit(minutes, engine::SchoolDaysPerWeek(o), c.travel_limit_minutes)) {
    return false;
  }
  if (!o.open || o.seats_free <= 0) return false;
  if (o.start_date.days_since_epoch < c.available_from.days_since_epoch) return false;
  if (policy.certificate_is_hard &&
      static_cast<int>(o.min_certificate) > static_cast<int>(c.certificate)) {
    return false;
  }
  for (const engine::LanguageSkill& required : o.required_languages) {
    if (static_cast<int>(engine::LevelOf(c.languages, required.language)) <
        static_cast<int>(required.level)) {
      return false;
    }
  }
  return true;
}

// A candidate's level per language id of the index.
using LanguageLevels = std::array<engine::CefrLevel, OfferGate::kMaxLanguageId + 1>;

// PassesConstraints decided from the offer's gate, for a complete gate: `levels` from
// MatchingIndex::Reader::FillLanguageLevels of the candidate. The travel time is
// checked by the caller.
bool PassesGate(const engine::CandidateProfile& c, const OfferGate& gate,
                const LanguageLevels& levels, const engine::ScoringPolicy& policy) {
  if (!gate.bookable) return false;
  if (gate.start_day < c.available_from.days_since_epoch) return false;
  if (policy.certificate_is_hard &&
      static_cast<int>(gate.min_certificate) > static_cast<int>(c.certificate)) {
    return false;
  }
  for (int i = 0; i < gate.language_count; ++i) {
    if (static_cast<int>(levels[gate.language_ids[i]]) < static_cast<int>(gate.levels[i])) {
      return false;
    }
  }
  return true;
}

// Upper bounds of the scores of eligible pairs before they are scored: the occupation
// value and the travel times (place of work and school) are known by then, so the
// commute value is exact, the language value is bounded by taking
// a shared company language for granted, the other components are computed by the
// formulas of pair_evaluation.h.
class ScoreBound {
 public:
  explicit ScoreBound(const engine::ScoringPolicy& policy)
      : policy_(policy), weights_(engine::NormalizedWeights(policy)) {}

  // The language requirement fit of pair_evaluation.h: the lowest fit over the
  // requirements; `have` and `need` give the candidate's and the required level of
  // each of the `count` requirements.
  template <typename Have, typename Need>
  double RequirementFit(int count, const Have& have, const Need& need) const {
    double fit = 1.0;
    for (int i = 0; i < count; ++i) {
      fit = std::min(fit, engine::RequirementFit(policy_, have(i), need(i)));
    }
    return fit;
  }

  // At least the score of an eligible pair of `c` and an offer with these facts, whose
  // occupation value is `occupation`, language requirement fit `requirement_fit`,
  // travel times `minutes` and `school_days` at its school, up to kBoundSlack.
  double Max(double occupation, double requirement_fit, const engine::CandidateProfile& c,
             engine::SchoolCertificate min_certificate, int32_t start_day,
             engine::CommuteMinutes minutes, int32_t school_days) const {
    // A shared company language is taken for granted.
    const double language = engine::LanguageFit(policy_, requirement_fit, /*shared=*/true);
    const double commute = engine::CommuteFit(engine::WeeklyMinutes(minutes, school_days),
                                              c.travel_limit_minutes);
    const double certificate = engine::CertificateFit(
        policy_, static_cast<int>(min_certificate) - static_cast<int>(c.certificate));
    const double start = engine::StartDateFit(
        policy_, int64_t{start_day} - int64_t{c.available_from.days_since_epoch});
    return Sum(occupation, language, commute, certificate, start);
  }

  // At least the score of every eligible pair of the offer `o` (`school_days` a week at
  // its school) and an active candidate of a grid cell with facts `cell` and bounding
  // box `box` (`occupation` the best occupation value among them);
  // nullopt when none of them can reach the offer (and its school) within its limit.
  // Each component is bounded on its own: the occupation by the best rank, the
  // language as in Max, the commute from the nearest point of the cell's bounding box
  // (TravelTimeModel::MinutesAtLeast) and the largest limit of each travel mode, the
  // certificate by the best one, the start date by the latest availability.
  std::optional<double> CellMax(const CandidateCellFacts& cell,
                                const SpatialGrid::CellSummary& box, double occupation,
                                const engine::OfferProfile& o, int32_t school_days,
                                const engine::TravelTimeModel& travel) const {
    const double work_km =
        engine::GreatCircleKmToBoxAtLeast(o.location, box.south_west, box.north_east);
    const double school_km = school_days > 0 ? engine::GreatCircleKmToBoxAtLeast(
                                                   o.vocational_school->location,
                                                   box.south_west, box.north_east)
                                             : 0.0;
    double commute = -1.0;  // no travel mode within reach
    for (int m = 0; m < engine::kTravelModeCount; ++m) {
      if (cell.max_limit_minutes[m] == 0) continue;  // no entry of this mode
      const double limit =
          CandidateGate{.limit_minutes = cell.max_limit_minutes[m]}.LimitAtMost();
      const auto mode = static_cast<engine::TravelMode>(m);
      engine::CommuteMinutes fastest{travel.MinutesAtLeast(work_km, mode), 0.0};
      if (school_days > 0) fastest.school = travel.MinutesAtLeast(school_km, mode);
      if (!engine::WithinLimit(fastest, school_days, limit)) continue;
      commute = std::max(
          commute,
          engine::CommuteFit(engine::WeeklyMinutes(fastest, school_days), limit));
    }
    if (commute < 0.0) return std::nullopt;
    const double language = engine::LanguageFit(policy_, 1.0, /*shared=*/true);
    const double certificate =
        engine::CertificateFit(policy_, static_cast<int>(o.min_certificate) -
                                            static_cast<int>(cell.best_certificate));
    const int64_t wait =
        int64_t{o.start_date.days_since_epoch} - int64_t{cell.latest_available_day};
    const double start = wait < 0 ? 1.0 : engine::StartDateFit(policy_, wait);
    return Sum(occupation, language, commute, certificate, start);
  }

  // At least the score of the pair of the offer `o` and the candidate of a grid entry
  // whose gate is `gate`, `minutes` away (`school_days` a week at the school), when the
  // occupation value is at most `occupation`; nullopt when the gate alone shows the
  // pair is not eligible (out of reach, starting before the candidate is available,
  // certificate below a hard minimum).
  std::optional<double> EntryMax(const CandidateGate& gate, double occupation,
                                 const engine::OfferProfile& o,
                                 engine::CommuteMinutes minutes,
                                 int32_t school_days) const {
    const double limit = gate.LimitAtMost();
    if (!engine::WithinLimit(minutes, school_days, limit)) return std::nullopt;
    const int missing =
        static_cast<int>(o.min_certificate) - static_cast<int>(gate.certificate);
    if (missing > 0 && policy_.certificate_is_hard) return std::nullopt;
    const int64_t wait =
        int64_t{o.start_date.days_since_epoch} - int64_t{gate.available_day};
    if (wait < 0) return std::nullopt;
    return Sum(occupation, engine::LanguageFit(policy_, 1.0, /*shared=*/true),
               engine::CommuteFit(engine::WeeklyMinutes(minutes, school_days), limit),
               engine::CertificateFit(policy_, missing),
               engine::StartDateFit(policy_, wait));
  }

 private:
  double Sum(double occupation, double language, double commute, double certificate,
             double start) const {
    using engine::ComponentId;
    return W(ComponentId::kOccupation) * occupation + W(ComponentId::kLanguage) * language +
           W(ComponentId::kCommute) * commute + W(ComponentId::kCertificate) * certificate +
           W(ComponentId::kStartDate) * start;
  }

  double W(engine::ComponentId id) const { return weights_[static_cast<int>(id)]; }

  const engine::ScoringPolicy& policy_;
  const std::array<double, engine::kComponentCount> weights_;
};

// An eligible pair found while searching, before ranking.
struct Found {
  double score;
  const std::string* id;  // of the ranked side: offer id or candidate id
  const CandidateEntry* candidate;
  const OfferEntry* offer;
};

// Score descending, then id ascending: a total order.
bool RanksBefore(const Found& a, const Found& b) {
  if (a.score != b.score) return a.score > b.score;
  return *a.id < *b.id;
}

// An eligible pair not scored yet.
struct Pending {
  double bound;  // at least its score
  engine::CommuteMinutes minutes;
  const CandidateEntry* candidate;
  const OfferEntry* offer;
};

// The buffers of one search, kept by each thread from call to call so that a search
// allocates no memory of its own while it examines pairs; trimmed after a search that
// made them large.
struct SearchBuffers {
  static constexpr size_t kKeptPending = size_t{1} << 14;

  std::vector<Pending> pending;
  std::vector<Found> best;

  static SearchBuffers& OfThisThread() {
    thread_local SearchBuffers buffers;
    buffers.pending.clear();
    buffers.best.clear();
    return buffers;
  }
  void Trim() {
    if (pending.capacity() > kKeptPending) std::vector<Pending>().swap(pending);
  }
};

// Counts the pairs examined and the eligible ones, and ranks the eligible ones. Only
// the pairs that may still enter the k best are scored: eligible pairs wait in a heap
// with an upper bound of their score, and ScoreDownTo and Finish score them best bound
// first until the k-th best score found exceeds every bound left. Pairs of equal score
// are all scored (ties go by id), so the k best are exactly those of scoring every
// pair. A search may skip pairs it has not examined whose bound Excludes.
class PairCollector {
 public:
  PairCollector(const engine::ScoringPolicy& policy,
                const engine::TravelTimeModel& travel, bool rank_by_offer, int k)
      : policy_(policy),
        travel_(travel),
        bound_(policy),
        rank_by_offer_(rank_by_offer),
        keep_(static_cast<size_t>(std::max(k, 0))),
        buffers_(SearchBuffers::OfThisThread()),
        pending_(buffers_.pending) {}
  ~PairCollector() { buffers_.Trim(); }

  // The pair was examined and failed a constraint.
  void AddExcluded() { ++considered_; }

  // Examines the pair of an occupation that matches with value `occupation` (a wish or
  // a sector match), `minutes` apart (MinutesToOffer). `banned` is asked only of pairs
  // that pass every other constraint.
  template <typename Banned>
  void Add(const CandidateEntry& candidate, const OfferEntry& offer, double occupation,
           engine::CommuteMinutes minutes, const Banned& banned) {
    ++considered_;
    const engine::CandidateProfile& c = candidate.profile;
    const engine::OfferProfile& o = offer.profile;
    if (!PassesConstraints(c, o, policy_, minutes) || banned()) return;
    const auto& required = o.required_languages;
    const double fit = bound_.RequirementFit(
        static_cast<int>(required.size()),
        [&](int i) {
          return static_cast<int>(engine::LevelOf(c.languages, required[i].language));
        },
        [&](int i) { return static_cast<int>(required[i].level); });
    AddEligible(candidate, offer,
                bound_.Max(occupation, fit, c, o.min_certificate,
                           o.start_date.days_since_epoch, minutes,
                           engine::SchoolDaysPerWeek(o)),
                minutes);
  }

  // Examines a pair of an occupation that matches with value `occupation`, within the
  // travel time limit (place of work and school, `school_days` a week there), whose
  // offer's complete gate passed (PassesGate with `levels`).
  template <typename Banned>
  void AddPassed(const CandidateEntry& candidate, const OfferEntry& offer,
                 const OfferGate& gate, const LanguageLevels& levels, double occupation,
                 engine::CommuteMinutes minutes, int32_t school_days,
                 const Banned& banned) {
    ++considered_;
    const engine::CandidateProfile& c = candidate.profile;
    if (banned()) return;
    const double fit = bound_.RequirementFit(
        gate.language_count,
        [&](int i) { return static_cast<int>(levels[gate.language_ids[i]]); },
        [&](int i) { return static_cast<int>(gate.levels[i]); });
    AddEligible(candidate, offer,
                bound_.Max(occupation, fit, c, gate.min_certificate, gate.start_day, minutes,
                           school_days),
                minutes);
  }

  const ScoreBound& bound() const { return bound_; }

  // True when a pair whose score is at most `bound` cannot enter the k best: k pairs
  // scoring more are found.
  bool Excludes(double bound) const {
    const std::vector<Found>& best = buffers_.best;
    return best.size() == keep_ && (keep_ == 0 || bound < best.front().score);
  }

  // Scores the waiting pairs whose bound is at least `threshold`, best bound first,
  // as long as they may enter the k best.
  void ScoreDownTo(double threshold) {
    std::vector<Found>& best = buffers_.best;  // a heap, the worst of the best in front
    while (!pending_.empty()) {
      const Pending p = pending_.front();
      if (p.bound < threshold || Excludes(p.bound)) return;
      std::pop_heap(pending_.begin(), pending_.end(), LowerBoundFirst);
      pending_.pop_back();
      const engine::CandidateProfile& c = p.candidate->profile;
      const engine::OfferProfile& o = p.offer->profile;
      const engine::PairEvaluation e =
          engine::EvaluatePair(c, o, policy_, p.minutes, /*banned=*/false);
      if (!e.eligible()) continue;  // not reached: PassesConstraints decides alike
      const Found found{e.score, rank_by_offer_ ? &o.id : &c.id, p.candidate, p.offer};
      if (best.size() == keep_) {
        if (!RanksBefore(found, best.front())) continue;
        std::pop_heap(best.begin(), best.end(), RanksBefore);
        best.pop_back();
      }
      best.push_back(found);
      std::push_heap(best.begin(), best.end(), RanksBefore);
    }
  }

  // The k best, explained, into `response`.
  void Finish(v1::SuggestionsResponse* response) {
    response->set_considered(considered_);
    response->set_eligible(eligible_);
    ScoreDownTo(-std::numeric_limits<double>::infinity());
    std::vector<Found>& best = buffers_.best;
    std::sort_heap(best.begin(), best.end(), RanksBefore);
    for (const Found& found : best) {
      const engine::CandidateProfile& c = found.candidate->profile;
      const engine::OfferProfile& o = found.offer->profile;
      const engine::Explanation explanation =
          engine::Explain(c, o, policy_, travel_, /*banned=*/false);
      v1::Suggestion* suggestion = response->add_suggestions();
      suggestion->set_candidate_id(c.id);
      suggestion->set_offer_id(o.id);
      suggestion->set_score(explanation.score);
      suggestion->set_travel_minutes(explanation.travel_minutes);
      AppendComponents(c, o, policy_, explanation, suggestion->mutable_components());
    }
  }

 private:
  // Best bound first: a heap, as usually only a few pairs are taken from it.
  static bool LowerBoundFirst(const Pending& a, const Pending& b) {
    return a.bound < b.bound;
  }

  void AddEligible(const CandidateEntry& candidate, const OfferEntry& offer, double bound,
                   engine::CommuteMinutes minutes) {
    ++eligible_;
    pending_.push_back(Pending{bound + kBoundSlack, minutes, &candidate, &offer});
    std::push_heap(pending_.begin(), pending_.end(), LowerBoundFirst);
  }

  const engine::ScoringPolicy& policy_;
  const engine::TravelTimeModel& travel_;
  const ScoreBound bound_;
  const bool rank_by_offer_;
  const size_t keep_;
  SearchBuffers& buffers_;
  std::vector<Pending>& pending_;
  int64_t considered_ = 0;
  int64_t eligible_ = 0;
};

// The value of an occupation match (a wish rank or a sector rank), as EvaluateFacts
// gives it; nullopt without a match.
std::optional<double> OccupationValue(const engine::PreparedPolicy& prepared,
                                      engine::OccupationMatch match) {
  if (match.wish_rank >= 0) return prepared.WishValue(match.wish_rank);
  if (match.sector_rank >= 0) return prepared.SectorValue(match.sector_rank);
  return std::nullopt;
}

std::string StatusName(v1::CandidateStatus status) {
  std::string name(v1::CandidateStatus_Name(status));
  const std::string prefix = "CANDIDATE_STATUS_";
  if (name.rfind(prefix, 0) == 0) name.erase(0, prefix.size());
  return absl::AsciiStrToLower(name);
}

}  // namespace

std::optional<std::string> CandidateUnavailable(const CandidateEntry& candidate,
                                                const HeldPlacement* held) {
  if (held != nullptr) {
    return absl::StrCat("candidate already holds placement ", held->placement_id,
                        " at offer ", held->offer_id);
  }
  if (candidate.status != v1::CANDIDATE_STATUS_ACTIVE) {
    return absl::StrCat("candidate is not looking (status ", StatusName(candidate.status),
                        ")");
  }
  return std::nullopt;
}

Suggester::Suggester(const MatchingIndex* index, const engine::TravelTimeModel* travel,
                     engine::ScoringPolicy policy)
    : index_(index), travel_(travel), policy_(std::move(policy)) {}

absl::StatusOr<v1::SuggestionsResponse> Suggester::SuggestOffers(
    const Caller& caller, const v1::SuggestOffersRequest& request) const {
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(policy_, request.policy());
  const engine::PreparedPolicy prepared(policy, /*rank_tables=*/true);
  MatchingIndex::Reader reader(*index_);
  AZM_ASSIGN_OR_RETURN(const CandidateEntry* candidate,
                       FindVisibleCandidate(reader, caller, request.candidate_id(),
                                            "candidate_id"));
  v1::SuggestionsResponse response;
  if (CandidateUnavailable(*candidate, reader.HeldPlacementOf(candidate->profile.id))) {
    return response;
  }
  const engine::CandidateProfile& c = candidate->profile;
  const double reach = travel_->ReachBoundKm(c.travel_limit_minutes, c.travel_mode);
  PairCollector collector(policy, *travel_, /*rank_by_offer=*/true,
                          EffectiveK(request.k()));
  LanguageLevels levels;
  reader.FillLanguageLevels(c, &levels);
  const auto banned = [&](const OfferEntry& offer) {
    return reader.AnyBanned() && reader.IsBanned(c.id, offer.profile.id);
  };
  // Each offer is examined once: an offer lies in the grid of its occupation and in
  // that of its matching sector, and both are searched with the same radius, so the
  // sector grids skip the offers of wished occupations (found in their own grid), and
  // a wish listed twice is searched once. In a wish grid the occupation value is the
  // wish's, the kldb_code filter holds (the grid is skipped otherwise), and the gate
  // decides the other constraints: most offers are not read at all.
  double wish_value = 0.0;
  const SpatialGrid::Visitor visit_wish = [&](const SpatialGrid::Entry& entry) {
    const OfferEntry& offer = MatchingIndex::Reader::OfferOf(entry);
    if (!request.municipality().empty() && offer.municipality != request.municipality()) {
      return;
    }
    const OfferGate gate = MatchingIndex::Reader::GateOf(entry);
    if (gate.complete && !PassesGate(c, gate, levels, policy)) {
      collector.AddExcluded();  // without computing the travel time
      return;
    }
    // entry.point is the offer's place of work and entry.aux_point its vocational
    // school's (the index inserts them so): the offer need not be read for them.
    engine::CommuteMinutes minutes{travel_->Minutes(c.home, entry.point, c.travel_mode)};
    if (!(minutes.work <= c.travel_limit_minutes)) {
      collector.AddExcluded();
      return;
    }
    const int32_t school_days = gate.school_days;
    if (school_days > 0) {
      minutes.school = travel_->Minutes(c.home, entry.aux_point, c.travel_mode);
      if (!(minutes.school <= c.travel_limit_minutes)) {
        collector.AddExcluded();
        return;
      }
    }
    if (!gate.complete) {
      collector.Add(*candidate, offer, wish_value, minutes, [&] { return banned(offer); });
      return;
    }
    collector.AddPassed(*candidate, offer, gate, levels, wish_value, minutes, school_days,
                        [&] { return banned(offer); });
  };
  const SpatialGrid::Visitor visit_sector = [&](const SpatialGrid::Entry& entry) {
    const OfferEntry& offer = MatchingIndex::Reader::OfferOf(entry);
    const engine::OfferProfile& o = offer.profile;
    if (!request.kldb_code().empty() && o.occupation.kldb_code != request.kldb_code()) {
      return;
    }
    if (!request.municipality().empty() && offer.municipality != request.municipality()) {
      return;
    }
    const engine::OccupationMatch match = engine::FindOccupationMatch(c, o, policy);
    if (match.wish_rank >= 0) return;
    const engine::CommuteMinutes minutes = engine::MinutesToOffer(*travel_, c, o);
    const std::optional<double> occupation = OccupationValue(prepared, match);
    if (!occupation.has_value()) {
      collector.AddExcluded();
      return;
    }
    collector.Add(*candidate, offer, *occupation, minutes, [&] { return banned(offer); });
  };
  for (size_t r = 0; r < c.desired_occupations.size(); ++r) {
    const std::string& code = c.desired_occupations[r].kldb_code;
    if (!request.kldb_code().empty() && code != request.kldb_code()) continue;
    const bool listed_before =
        std::any_of(c.desired_occupations.begin(), c.desired_occupations.begin() + r,
                    [&](const engine::Occupation& wish) { return wish.kldb_code == code; });
    if (listed_before) continue;
    if (const SpatialGrid* grid = reader.OffersOfOccupation(code)) {
      wish_value = prepared.WishValue(static_cast<int32_t>(r));
      grid->ForEachNear(c.home, reach, visit_wish);
    }
  }
  if (policy.allow_sector_match) {
    for (size_t j = 0; j < c.desired_sectors.size(); ++j) {
      const engine::Sector sector = c.desired_sectors[j];
      if (std::find(c.desired_sectors.begin(), c.desired_sectors.begin() + j, sector) !=
          c.desired_sectors.begin() + j) {
        continue;
      }
      if (const SpatialGrid* grid = reader.OffersOfSector(sector)) {
        grid->ForEachNear(c.home, reach, visit_sector);
      }
    }
  }
  collector.Finish(&response);
  return response;
}

absl::StatusOr<v1::SuggestionsResponse> Suggester::SuggestCandidates(
    const Caller& caller, const v1::SuggestCandidatesRequest& request) const {
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(policy_, request.policy());
  const engine::PreparedPolicy prepared(policy, /*rank_tables=*/true);
  MatchingIndex::Reader reader(*index_);
  AZM_ASSIGN_OR_RETURN(const OfferEntry* offer,
                       FindOfferEntry(reader, request.offer_id(), "offer_id"));
  AZM_RETURN_IF_ERROR(CheckMayReadKind(caller, RecordKind::kCandidate));
  v1::SuggestionsResponse response;
  const engine::OfferProfile& o = offer->profile;
  PairCollector collector(policy, *travel_, /*rank_by_offer=*/false,
                          EffectiveK(request.k()));
  // With sector matches a candidate may be in both grids: each is examined once.
  const bool sector_grid = policy.allow_sector_match;
  absl::flat_hash_set<const CandidateEntry*> seen;
  // Examines the candidate of `entry`, `minutes` from the offer (as MinutesToOffer gives
  // them: the entry's point is the candidate's home, its gate's mode the candidate's).
  const auto examine = [&](const SpatialGrid::Entry& entry,
                           engine::CommuteMinutes minutes) {
    const CandidateEntry* candidate = &MatchingIndex::Reader::CandidateOf(entry);
    if (sector_grid && !seen.insert(candidate).second) return;
    if (!MaySeeCandidatesOf(caller, candidate->member_id)) return;
    if (!request.municipality().empty() &&
        candidate->municipality != request.municipality()) {
      return;
    }
    if (CandidateUnavailable(*candidate, reader.HeldPlacementOf(entry.id))) return;
    const engine::CandidateProfile& c = candidate->profile;
    const std::optional<double> occupation =
        OccupationValue(prepared, engine::FindOccupationMatch(c, o, policy));
    if (!occupation.has_value()) {
      collector.AddExcluded();
      return;
    }
    collector.Add(*candidate, *offer, *occupation, minutes, [&] {
      return reader.AnyBanned() && reader.IsBanned(entry.id, o.id);
    });
  };
  // The cells of both grids within the largest reach, each with a bound of its pairs'
  // scores (from its entries' CandidateGates, without reading a candidate), best bound
  // first; cells none of whose candidates can reach the offer are left out. A cell is
  // opened only while its bound can still beat the k-th best score found, so most
  // candidates are never read. The bound of a sector grid's cell takes its sector
  // ranks: a candidate who also wishes the occupation is bounded by its cell in the
  // occupation grid, which is opened or passed over by the same rule.
  struct Cell {
    double bound;
    engine::GeoPoint south_west;  // of the cell's entries: tells cells apart
    bool sector;
    absl::Span<const SpatialGrid::Entry> entries;
  };
  thread_local std::vector<Cell> cells;  // kept from call to call: no allocation
  cells.clear();
  const int32_t school_days = engine::SchoolDaysPerWeek(o);
  const auto add_cells = [&](const SpatialGrid* grid, bool sector) {
    if (grid == nullptr) return;
    grid->ForEachCellNear(o.location, grid->max_reach_km(),
                          [&](absl::Span<const SpatialGrid::Entry> entries,
                              const SpatialGrid::CellSummary& summary) {
                            const CandidateCellFacts facts =
                                MatchingIndex::Reader::CandidateCellOf(summary);
                            if (!facts.any) return;
                            const double occupation =
                                sector ? prepared.SectorValue(facts.best_rank)
                                       : prepared.WishValue(facts.best_rank);
                            const std::optional<double> bound = collector.bound().CellMax(
                                facts, summary, occupation, o, school_days, *travel_);
                            if (bound.has_value())
                              cells.push_back(
                                  {*bound + kBoundSlack, summary.south_west, sector, entries});
                          });
  };
  add_cells(reader.CandidatesOfOccupation(o.occupation.kldb_code), /*sector=*/false);
  if (sector_grid) add_cells(reader.CandidatesOfSector(engine::MatchingSector(o)), true);
  // Equal bounds (many cells share their facts) by the south-west corner of the
  // entries, which lies inside the cell, then grid: the same cells are opened on every
  // run, without comparing strings.
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
    if (a.bound != b.bound) return a.bound > b.bound;
    if (a.south_west.lat != b.south_west.lat) return a.south_west.lat < b.south_west.lat;
    if (a.south_west.lon != b.south_west.lon) return a.south_west.lon < b.south_west.lon;
    return a.sector < b.sector;
  });
  // In an opened cell each entry is bounded again from its own gate and travel time
  // before its candidate is read: an inactive candidate, one the gate shows ineligible,
  // or one whose bound cannot beat the k-th best is passed over. A sector grid's entry
  // takes the best occupation value (the candidate may wish the occupation too).
  for (const Cell& cell : cells) {
    collector.ScoreDownTo(cell.bound);
    if (collector.Excludes(cell.bound)) break;
    for (const SpatialGrid::Entry& entry : cell.entries) {
      const CandidateGate gate = MatchingIndex::Reader::CandidateGateOf(entry);
      if (!gate.active) continue;
      engine::CommuteMinutes minutes{
          travel_->Minutes(entry.point, o.location, gate.travel_mode), 0.0};
      if (school_days > 0) {
        minutes.school = travel_->Minutes(entry.point, o.vocational_school->location,
                                          gate.travel_mode);
      }
      const double occupation = cell.sector ? 1.0 : prepared.WishValue(gate.rank);
      const std::optional<double> bound =
          collector.bound().EntryMax(gate, occupation, o, minutes, school_days);
      if (!bound.has_value() || collector.Excludes(*bound + kBoundSlack)) continue;
      examine(entry, minutes);
    }
  }
  collector.Finish(&response);
  return response;
}

absl::StatusOr<v1::Explanation> Suggester::Explain(const Caller& caller,
                                                   const v1::ExplainRequest& request) const {
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(policy_, request.policy());
  MatchingIndex::Reader reader(*index_);
  AZM_ASSIGN_OR_RETURN(const CandidateEntry* candidate,
                       FindVisibleCandidate(reader, caller, request.candidate_id(),
                                            "candidate_id"));
  AZM_ASSIGN_OR_RETURN(const OfferEntry* offer,
                       FindOfferEntry(reader, request.offer_id(), "offer_id"));
  const engine::Explanation explanation =
      engine::Explain(candidate->profile, offer->profile, policy, *travel_,
                      reader.IsBanned(candidate->profile.id, offer->profile.id));
  v1::Explanation out =
      ToProtoExplanation(candidate->profile, offer->profile, policy, explanation);
  if (std::optional<std::string> unavailable = CandidateUnavailable(
          *candidate, reader.HeldPlacementOf(candidate->profile.id))) {
    out.set_eligible(false);
    v1::Exclusion* reason = out.add_reasons();
    reason->set_code(v1::EXCLUSION_CODE_CANDIDATE_INACTIVE);
    reason->set_text(*std::move(unavailable));
  }
  return out;
}

}  // namespace azubimatch::service
