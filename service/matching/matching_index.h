// MatchingIndex: the in-memory view of the registry that suggestions, explanations and
// assignment runs read: every candidate and offer as an engine profile (offers completed
// with their company's sector, languages and status), looked up by id, by occupation and
// by sector in spatial grids, plus the placements that bind pairs (accepted or a later
// seat-holding step: the pair is locked and the candidate placed; rejected or ended
// early: the pair is banned).
//
// Keeping in step: the index is a RecordObserver. MatchingService subscribes it to the
// RecordStore (which first replays every stored record, then reports every committed
// change in commit order), and reports placement changes itself after each committed
// placement write (OnPlacementChanged), having loaded the stored placements at start.
//
// Structures (C candidates, O offers, W wishes per candidate):
//   candidates_, offers_, companies_   id -> entry, hash maps (candidates_ and offers_
//                                      node maps: an entry keeps its address while
//                                      present, and the grid entries point to it)
//   offers_by_occupation_              KldB code -> SpatialGrid of the offers
//   offers_by_sector_                  matching sector -> SpatialGrid (sector matches)
//   candidates_by_occupation_          KldB code -> SpatialGrid of the candidates wishing
//                                      it, each with its reach in km (travel model)
//                                      and its CandidateGate in the tag
//   candidates_by_sector_              desired sector -> SpatialGrid of the candidates
//   company_offers_                    company id -> its offers (a company change
//                                      re-derives their profiles)
//   held_                              candidate id -> its seat-holding placement
//   banned_                            (candidate id, offer id) -> id of the rejected or
//                                      ended-early placement
//   language_ids_                      language code -> small id, for the OfferGate
//                                      packed into the tag of each offer grid entry
// Memory O(C * W + O). Updates: a candidate O(W) expected (grid erasure is O(cell
// size)); an offer O(1) expected; a company O(its offers). Lookups O(1) expected.
//
// Thread safety: one absl::Mutex as a reader/writer lock. Observer calls and
// OnPlacementChanged take it exclusively; readers hold a Reader (shared) for as long as
// they use what it returns. Lock order: a Reader must never be held while calling the
// RecordStore or the PlacementBook (their writes call back into the index).
#ifndef AZUBIMATCH_SERVICE_MATCHING_MATCHING_INDEX_H_
#define AZUBIMATCH_SERVICE_MATCHING_MATCHING_INDEX_H_

#include <array>
#include <functional>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/node_hash_map.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/records.pb.h"
#include "engine/matching/model.h"
#include "engine/matching/travel_time.h"
#include "service/matching/proto_conversion.h"
#include "service/matching/spatial_grid.h"
#include "service/registry/record_observer.h"

namespace azubimatch::service {

struct CandidateEntry {
  engine::CandidateProfile profile;
  std::string member_id;
  std::string municipality;  // of the home
  v1::CandidateStatus status = v1::CANDIDATE_STATUS_ACTIVE;
  // For aggregate statistics only: whether the candidate holds the "statistics" consent,
  // and only then (else empty) the country of origin and the first listed language
  // other than German.
  bool statistics_consent = false;
  std::string statistics_origin;
  std::string statistics_heritage_language;
};

struct OfferEntry {
  engine::OfferProfile profile;  // seats_free = seats - seats_taken
  std::string member_id;
  std::string municipality;  // of the place of work
  v1::OfferStatus status = v1::OFFER_STATUS_OPEN;
  int32_t seats = 0;
  int32_t seats_taken = 0;
};

// The facts of an offer that decide a pair's constraints besides its occupation, travel
// time and ban, small enough for the tag of the offer's grid entries (Pack, Unpack), so
// that a search decides most pairs without reading the offer. Languages are the
// index's small ids (Reader::FillLanguageLevels). `school_days` is the offer's
// SchoolDaysPerWeek, 0 when it names no vocational school; the school's place is the
// entry's aux_point, and its travel time must be within the limit too. When the offer's
// required languages do not fit (more than kMaxLanguages, an id past kMaxLanguageId, a
// level past C2), `complete` is false and the offer itself must be read.
struct OfferGate {
  static constexpr int kMaxLanguages = 2;
  static constexpr int kMaxLanguageId = 63;

  int32_t start_day = 0;  // Date::days_since_epoch of the start
  engine::SchoolCertificate min_certificate = engine::SchoolCertificate::kNone;
  bool bookable = false;  // open, with a free seat
  bool complete = false;  // the required languages are all below
  int32_t school_days = 0;  // engine::SchoolDaysPerWeek, 0..kTrainingDaysPerWeek
  int language_count = 0;
  std::array<int, kMaxLanguages> language_ids{};
  std::array<engine::CefrLevel, kMaxLanguages> levels{};

  uint64_t Pack() const;
  static OfferGate Unpack(uint64_t tag);
};

// The facts of a candidate that bound its pairs' scores from its grid entries, small
// enough for their tag (Pack, Unpack), so that a search bounds a whole grid cell of
// candidates from the cell's own memory (suggestions.cc) and reads only the candidates
// of cells that may hold one of the k best. `rank` is the 0-based position of the
// grid's key among the candidate's wishes (occupation grids) or desired sectors (sector
// grids), saturated at 255; `limit_minutes` the travel limit rounded up, kNoLimit when
// it does not fit (an upper bound either way); `active` whether the status is ACTIVE
// (a held placement is not in the gate: it is read from the index).
struct CandidateGate {
  static constexpr uint16_t kNoLimit = 0xffff;

  int32_t available_day = 0;  // Date::days_since_epoch of available_from
  uint16_t limit_minutes = 0;
  engine::SchoolCertificate certificate = engine::SchoolCertificate::kNone;
  engine::TravelMode travel_mode = engine::TravelMode::kPublicTransport;
  uint8_t rank = 0;
  bool active = false;

  // An upper bound of the travel limit in minutes (+infinity for kNoLimit).
  double LimitAtMost() const;

  uint64_t Pack() const;
  static CandidateGate Unpack(uint64_t tag);
};

// What the active entries of one cell of a candidate grid carry, for a bound of the
// scores of all their pairs: the best rank, the best certificate, the latest
// availability and per travel mode the largest limit (LimitAtMost; 0: no entry of that
// mode). Kept in the cell's SpatialGrid::CellSummary (Pack, Unpack).
struct CandidateCellFacts {
  bool any = false;  // an active entry
  int best_rank = 255;
  engine::SchoolCertificate best_certificate = engine::SchoolCertificate::kNone;
  int32_t latest_available_day = 0;
  std::array<uint16_t, engine::kTravelModeCount> max_limit_minutes{};

  // Folds one entry of a candidate grid in (inactive entries change nothing). The
  // result does not depend on the order of the entries; the facts of no entry, packed,
  // are all zero (a SpatialGrid::FactsFold starts there).
  void Add(const SpatialGrid::Entry& entry);

  std::array<uint64_t, 2> Pack() const;
  static CandidateCellFacts Unpack(const std::array<uint64_t, 2>& facts);
};

// A placement that holds a seat (ACCEPTED, CONTRACT_SIGNED, STARTED, PROBATION_PASSED).
struct HeldPlacement {
  std::string placement_id;
  std::string offer_id;
};

// True for the statuses in which a placement holds its seat and locks its pair.
bool HoldsSeat(v1::PlacementStatus status);

// True for the statuses in which a placement bans its pair from later runs and
// suggestions until it is withdrawn: REJECTED and ENDED_EARLY.
bool BansPair(v1::PlacementStatus status);

class MatchingIndex final : public RecordObserver {
 public:
  // `travel` gives the candidates' reach for the grids; it must outlive the index.
  explicit MatchingIndex(const engine::TravelTimeModel* travel);

  MatchingIndex(const MatchingIndex&) = delete;
  MatchingIndex& operator=(const MatchingIndex&) = delete;

  void OnCompanyChanged(const v1::Company* before, const v1::Company* after) override;
  void OnOfferChanged(const v1::TrainingOffer* before,
                      const v1::TrainingOffer* after) override;
  void OnCandidateChanged(const v1::Candidate* before, const v1::Candidate* after) override;

  // A placement was created (before null), changed, or deleted (after null).
  void OnPlacementChanged(const v1::Placement* before, const v1::Placement* after);

  // Shared access for as long as the Reader lives.
  class ABSL_SCOPED_LOCKABLE Reader {
   public:
    explicit Reader(const MatchingIndex& index) ABSL_SHARED_LOCK_FUNCTION(index.mu_)
        : index_(index) {
      index_.mu_.ReaderLock();
    }
    ~Reader() ABSL_UNLOCK_FUNCTION() { index_.mu_.ReaderUnlock(); }
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    // nullptr when unknown.
    const CandidateEntry* FindCandidate(absl::string_view id) const;
    const OfferEntry* FindOffer(absl::string_view id) const;

    // The indexed record behind an entry of a grid returned by OffersOf* (OfferOf) or
    // CandidatesOf* (CandidateOf), without a lookup by id. REQUIRES: the entry comes
    // from a grid of that kind, read under this Reader.
    static const OfferEntry& OfferOf(const SpatialGrid::Entry& entry) {
      return *static_cast<const OfferEntry*>(entry.payload);
    }
    static const CandidateEntry& CandidateOf(const SpatialGrid::Entry& entry) {
      return *static_cast<const CandidateEntry*>(entry.payload);
    }
    // The gate of the offer behind an entry of an OffersOf* grid.
    static OfferGate GateOf(const SpatialGrid::Entry& entry) {
      return OfferGate::Unpack(entry.tag);
    }
    // The gate of the candidate behind an entry of a CandidatesOf* grid.
    static CandidateGate CandidateGateOf(const SpatialGrid::Entry& entry) {
      return CandidateGate::Unpack(entry.tag);
    }
    // The facts of a cell of a CandidatesOf* grid.
    static CandidateCellFacts CandidateCellOf(const SpatialGrid::CellSummary& summary) {
      return CandidateCellFacts::Unpack(summary.facts);
    }
    // The candidate's level of every language with an id of the index (kNone for the
    // others), the first listing of a language counting, as engine::LevelOf.
    void FillLanguageLevels(
        const engine::CandidateProfile& candidate,
        std::array<engine::CefrLevel, OfferGate::kMaxLanguageId + 1>* levels) const;

    // Grids; nullptr when nothing is indexed under the key.
    const SpatialGrid* OffersOfOccupation(absl::string_view kldb_code) const;
    const SpatialGrid* OffersOfSector(engine::Sector sector) const;
    const SpatialGrid* CandidatesOfOccupation(absl::string_view kldb_code) const;
    const SpatialGrid* CandidatesOfSector(engine::Sector sector) const;

    // The seat-holding placement of the candidate; nullptr when it has none.
    const HeldPlacement* HeldPlacementOf(absl::string_view candidate_id) const;
    // False when no pair is banned (IsBanned is then false for every pair).
    bool AnyBanned() const { return !index_.banned_.empty(); }
    // True when the pair has a placement that bans it (BansPair: rejected, ended early).
    bool IsBanned(absl::string_view candidate_id, absl::string_view offer_id) const;

    // Every entry, in no particular order.
    void ForEachCandidate(
        const std::function<void(const CandidateEntry& entry)>& visit) const;
    void ForEachOffer(const std::function<void(const OfferEntry& entry)>& visit) const;
    // Every banned pair as (candidate id, offer id).
    void ForEachBannedPair(
        const std::function<void(const std::string& candidate_id,
                                 const std::string& offer_id)>& visit) const;

    size_t candidate_count() const { return index_.candidates_.size(); }
    size_t offer_count() const { return index_.offers_.size(); }

   private:
    const MatchingIndex& index_;
  };

 private:
  using PairKey = std::pair<std::string, std::string>;

  void AddOffer(const v1::TrainingOffer& offer) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void RemoveOffer(const std::string& id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void AddCandidate(const v1::Candidate& candidate) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void RemoveCandidate(const std::string& id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // `entry` must be the one stored in offers_ (the grids keep its address).
  void IndexOffer(const OfferEntry& entry) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void UnindexOffer(const OfferEntry& entry) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  OfferGate GateFor(const engine::OfferProfile& offer) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const engine::TravelTimeModel* const travel_;
  mutable absl::Mutex mu_;
  absl::flat_hash_map<std::string, CompanyFacts> companies_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, absl::flat_hash_set<std::string>> company_offers_
      ABSL_GUARDED_BY(mu_);
  absl::node_hash_map<std::string, OfferEntry> offers_ ABSL_GUARDED_BY(mu_);
  absl::node_hash_map<std::string, CandidateEntry> candidates_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, SpatialGrid> offers_by_occupation_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, SpatialGrid> candidates_by_occupation_
      ABSL_GUARDED_BY(mu_);
  std::array<SpatialGrid, 9> offers_by_sector_ ABSL_GUARDED_BY(mu_);
  std::array<SpatialGrid, 9> candidates_by_sector_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, HeldPlacement> held_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<PairKey, std::string> banned_ ABSL_GUARDED_BY(mu_);
  // Small ids of the languages offers require, for their gates; never shrinks.
  absl::flat_hash_map<std::string, int> language_ids_ ABSL_GUARDED_BY(mu_);
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_MATCHING_INDEX_H_
