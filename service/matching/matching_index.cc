#include "service/matching/matching_index.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/matching/pair_evaluation.h"
#include "service/registry/validation.h"

namespace azubimatch::service {
namespace {

size_t SectorSlot(engine::Sector sector) { return static_cast<size_t>(sector); }

const SpatialGrid* NonEmpty(const SpatialGrid& grid) {
  return grid.size() == 0 ? nullptr : &grid;
}

void FoldCandidateCell(const SpatialGrid::Entry& entry, std::array<uint64_t, 2>* facts);

const SpatialGrid* GridOf(const absl::flat_hash_map<std::string, SpatialGrid>& grids,
                          absl::string_view key) {
  auto it = grids.find(key);
  return it == grids.end() ? nullptr : &it->second;
}

}  // namespace

bool HoldsSeat(v1::PlacementStatus status) {
  return status == v1::PLACEMENT_STATUS_ACCEPTED ||
         status == v1::PLACEMENT_STATUS_CONTRACT_SIGNED ||
         status == v1::PLACEMENT_STATUS_STARTED ||
         status == v1::PLACEMENT_STATUS_PROBATION_PASSED;
}

bool BansPair(v1::PlacementStatus status) {
  return status == v1::PLACEMENT_STATUS_REJECTED ||
         status == v1::PLACEMENT_STATUS_ENDED_EARLY;
}

MatchingIndex::MatchingIndex(const engine::TravelTimeModel* travel) : travel_(travel) {
  for (SpatialGrid& grid : candidates_by_sector_) {
    grid = SpatialGrid(SpatialGrid::kDefaultCellDegrees, &FoldCandidateCell);
  }
}

void MatchingIndex::OnCompanyChanged(const v1::Company* before, const v1::Company* after) {
  absl::MutexLock lock(&mu_);
  const std::string& id = after != nullptr ? after->id() : before->id();
  if (after == nullptr) {
    companies_.erase(id);
  } else {
    companies_[id] = ToCompanyFacts(*after);
  }
  // Re-derive the profiles of the company's offers (sector, languages, open).
  auto offers = company_offers_.find(id);
  if (offers == company_offers_.end()) return;
  const CompanyFacts* facts = after != nullptr ? &companies_[id] : nullptr;
  for (const std::string& offer_id : offers->second) {
    auto it = offers_.find(offer_id);
    if (it == offers_.end()) continue;
    OfferEntry& entry = it->second;
    UnindexOffer(entry);
    entry.profile.company_sector =
        facts != nullptr ? facts->sector : engine::Sector::kUnspecified;
    entry.profile.company_languages =
        facts != nullptr ? facts->languages : std::vector<std::string>();
    entry.profile.open =
        entry.status == v1::OFFER_STATUS_OPEN && (facts == nullptr || facts->active);
    IndexOffer(entry);
  }
}

void MatchingIndex::OnOfferChanged(const v1::TrainingOffer* before,
                                   const v1::TrainingOffer* after) {
  absl::MutexLock lock(&mu_);
  if (before != nullptr) RemoveOffer(before->id());
  if (after != nullptr) AddOffer(*after);
}

void MatchingIndex::OnCandidateChanged(const v1::Candidate* before,
                                       const v1::Candidate* after) {
  absl::MutexLock lock(&mu_);
  if (before != nullptr) RemoveCandidate(before->id());
  if (after != nullptr) AddCandidate(*after);
}

void MatchingIndex::OnPlacementChanged(const v1::Placement* before,
                                       const v1::Placement* after) {
  absl::MutexLock lock(&mu_);
  if (before != nullptr) {
    if (HoldsSeat(before->status())) {
      auto it = held_.find(before->candidate_id());
      if (it != held_.end() && it->second.placement_id == before->id()) held_.erase(it);
    }
    if (BansPair(before->status())) {
      auto it = banned_.find(PairKey(before->candidate_id(), before->offer_id()));
      if (it != banned_.end() && it->second == before->id()) banned_.erase(it);
    }
  }
  if (after != nullptr) {
    if (HoldsSeat(after->status())) {
      held_[after->candidate_id()] = HeldPlacement{after->id(), after->offer_id()};
    }
    if (BansPair(after->status())) {
      banned_[PairKey(after->candidate_id(), after->offer_id())] = after->id();
    }
  }
}

void MatchingIndex::AddOffer(const v1::TrainingOffer& offer) {
  auto company = companies_.find(offer.company_id());
  OfferEntry entry;
  entry.profile =
      ToOfferProfile(offer, company != companies_.end() ? &company->second : nullptr);
  entry.member_id = offer.member_id();
  entry.municipality = offer.location().municipality();
  entry.status = offer.status();
  entry.seats = offer.seats();
  entry.seats_taken = offer.seats_taken();
  company_offers_[offer.company_id()].insert(offer.id());
  OfferEntry& stored = offers_[offer.id()];
  stored = std::move(entry);
  IndexOffer(stored);
}

void MatchingIndex::RemoveOffer(const std::string& id) {
  auto it = offers_.find(id);
  if (it == offers_.end()) return;
  UnindexOffer(it->second);
  auto company = company_offers_.find(it->second.profile.company_id);
  if (company != company_offers_.end()) {
    company->second.erase(id);
    if (company->second.empty()) company_offers_.erase(company);
  }
  offers_.erase(it);
}

uint64_t OfferGate::Pack() const {
  // Bits 0-31 start_day, 32-35 min_certificate, 36-39 school_days, 40 bookable, 41
  // complete, 42-43 language_count, then per language 6 bits of id and 3 of level
  // (44-61).
  uint64_t tag = static_cast<uint32_t>(start_day);
  tag |= uint64_t(static_cast<int>(min_certificate) & 15) << 32;
  tag |= uint64_t(school_days & 15) << 36;
  tag |= uint64_t{bookable} << 40;
  tag |= uint64_t{complete} << 41;
  tag |= uint64_t(language_count & 3) << 42;
  for (int i = 0; i < kMaxLanguages; ++i) {
    tag |= uint64_t(language_ids[i] & 63) << (44 + 9 * i);
    tag |= uint64_t(static_cast<int>(levels[i]) & 7) << (50 + 9 * i);
  }
  return tag;
}

OfferGate OfferGate::Unpack(uint64_t tag) {
  OfferGate gate;
  gate.start_day = static_cast<int32_t>(static_cast<uint32_t>(tag));
  gate.min_certificate = static_cast<engine::SchoolCertificate>((tag >> 32) & 15);
  gate.school_days = static_cast<int32_t>((tag >> 36) & 15);
  gate.bookable = (tag >> 40) & 1;
  gate.complete = (tag >> 41) & 1;
  gate.language_count = static_cast<int>((tag >> 42) & 3);
  for (int i = 0; i < kMaxLanguages; ++i) {
    gate.language_ids[i] = static_cast<int>((tag >> (44 + 9 * i)) & 63);
    gate.levels[i] = static_cast<engine::CefrLevel>((tag >> (50 + 9 * i)) & 7);
  }
  return gate;
}

double CandidateGate::LimitAtMost() const {
  return limit_minutes == kNoLimit ? std::numeric_limits<double>::infinity()
                                   : static_cast<double>(limit_minutes);
}

uint64_t CandidateGate::Pack() const {
  // Bits 0-31 available_day, 32-47 limit_minutes, 48-51 certificate, 52-53 travel_mode,
  // 54-61 rank, 62 active.
  uint64_t tag = static_cast<uint32_t>(available_day);
  tag |= uint64_t{limit_minutes} << 32;
  tag |= uint64_t(static_cast<int>(certificate) & 15) << 48;
  tag |= uint64_t(static_cast<int>(travel_mode) & 3) << 52;
  tag |= uint64_t{rank} << 54;
  tag |= uint64_t{active} << 62;
  return tag;
}

CandidateGate CandidateGate::Unpack(uint64_t tag) {
  CandidateGate gate;
  gate.available_day = static_cast<int32_t>(static_cast<uint32_t>(tag));
  gate.limit_minutes = static_cast<uint16_t>((tag >> 32) & 0xffff);
  gate.certificate = static_cast<engine::SchoolCertificate>((tag >> 48) & 15);
  gate.travel_mode = static_cast<engine::TravelMode>((tag >> 52) & 3);
  gate.rank = static_cast<uint8_t>((tag >> 54) & 0xff);
  gate.active = (tag >> 62) & 1;
  return gate;
}

void CandidateCellFacts::Add(const SpatialGrid::Entry& entry) {
  const CandidateGate gate = CandidateGate::Unpack(entry.tag);
  if (!gate.active) return;
  if (!any) *this = CandidateCellFacts{.any = true, .best_rank = gate.rank,
                                       .best_certificate = gate.certificate,
                                       .latest_available_day = gate.available_day};
  latest_available_day = std::max(latest_available_day, gate.available_day);
  best_rank = std::min<int>(best_rank, gate.rank);
  best_certificate = std::max(best_certificate, gate.certificate);
  uint16_t& limit = max_limit_minutes[static_cast<int>(gate.travel_mode)];
  limit = std::max(limit, gate.limit_minutes);
}

std::array<uint64_t, 2> CandidateCellFacts::Pack() const {
  // Word 0: bits 0-31 latest_available_day, 32-39 best_rank, 40-43 best_certificate,
  // 44 any. Word 1: 16 bits of max_limit_minutes per travel mode.
  std::array<uint64_t, 2> facts{};
  facts[0] = static_cast<uint32_t>(latest_available_day);
  facts[0] |= uint64_t(best_rank & 0xff) << 32;
  facts[0] |= uint64_t(static_cast<int>(best_certificate) & 15) << 40;
  facts[0] |= uint64_t{any} << 44;
  for (int m = 0; m < engine::kTravelModeCount; ++m) {
    facts[1] |= uint64_t{max_limit_minutes[m]} << (16 * m);
  }
  return facts;
}

CandidateCellFacts CandidateCellFacts::Unpack(const std::array<uint64_t, 2>& facts) {
  CandidateCellFacts cell;
  cell.latest_available_day = static_cast<int32_t>(static_cast<uint32_t>(facts[0]));
  cell.best_rank = static_cast<int>((facts[0] >> 32) & 0xff);
  cell.best_certificate = static_cast<engine::SchoolCertificate>((facts[0] >> 40) & 15);
  cell.any = (facts[0] >> 44) & 1;
  for (int m = 0; m < engine::kTravelModeCount; ++m) {
    cell.max_limit_minutes[m] = static_cast<uint16_t>((facts[1] >> (16 * m)) & 0xffff);
  }
  return cell;
}

namespace {

// The FactsFold of the candidate grids.
void FoldCandidateCell(const SpatialGrid::Entry& entry, std::array<uint64_t, 2>* facts) {
  CandidateCellFacts cell = CandidateCellFacts::Unpack(*facts);
  cell.Add(entry);
  *facts = cell.Pack();
}

// A candidate grid: its cells keep CandidateCellFacts.
SpatialGrid& CandidateGrid(absl::flat_hash_map<std::string, SpatialGrid>& grids,
                           absl::string_view key) {
  return grids.try_emplace(key, SpatialGrid::kDefaultCellDegrees, &FoldCandidateCell)
      .first->second;
}

// The gate of a candidate's entry in the grid of its wish or sector at `rank`.
CandidateGate CandidateGateFor(const CandidateEntry& entry, size_t rank) {
  const engine::CandidateProfile& p = entry.profile;
  CandidateGate gate;
  gate.available_day = p.available_from.days_since_epoch;
  const double limit = std::ceil(p.travel_limit_minutes);
  gate.limit_minutes = limit >= 0.0 && limit < CandidateGate::kNoLimit
                           ? static_cast<uint16_t>(limit)
                           : CandidateGate::kNoLimit;
  gate.certificate = p.certificate;
  gate.travel_mode = p.travel_mode;
  gate.rank = static_cast<uint8_t>(std::min<size_t>(rank, 255));
  gate.active = entry.status == v1::CANDIDATE_STATUS_ACTIVE;
  return gate;
}

}  // namespace

OfferGate MatchingIndex::GateFor(const engine::OfferProfile& offer) {
  OfferGate gate;
  gate.start_day = offer.start_date.days_since_epoch;
  gate.min_certificate = offer.min_certificate;
  gate.bookable = offer.open && offer.seats_free > 0;
  gate.school_days = engine::SchoolDaysPerWeek(offer);
  gate.complete = offer.required_languages.size() <= OfferGate::kMaxLanguages;
  for (const engine::LanguageSkill& skill : offer.required_languages) {
    if (!gate.complete) break;
    auto [it, added] = language_ids_.try_emplace(skill.language,
                                                 static_cast<int>(language_ids_.size()));
    const int level = static_cast<int>(skill.level);
    if (it->second > OfferGate::kMaxLanguageId || level < 0 || level > 7) {
      gate.complete = false;
      break;
    }
    gate.language_ids[gate.language_count] = it->second;
    gate.levels[gate.language_count] = skill.level;
    ++gate.language_count;
  }
  if (!gate.complete) gate.language_count = 0;
  return gate;
}

void MatchingIndex::IndexOffer(const OfferEntry& entry) {
  const engine::OfferProfile& p = entry.profile;
  const uint64_t tag = GateFor(p).Pack();
  const engine::GeoPoint school =
      p.vocational_school.has_value() ? p.vocational_school->location : engine::GeoPoint{};
  offers_by_occupation_[p.occupation.kldb_code].Insert(p.id, p.location, 0.0, &entry, tag,
                                                       school);
  offers_by_sector_[SectorSlot(engine::MatchingSector(p))].Insert(p.id, p.location, 0.0,
                                                                  &entry, tag, school);
}

void MatchingIndex::UnindexOffer(const OfferEntry& entry) {
  const engine::OfferProfile& p = entry.profile;
  auto grid = offers_by_occupation_.find(p.occupation.kldb_code);
  if (grid != offers_by_occupation_.end()) {
    grid->second.Erase(p.id, p.location);
    if (grid->second.size() == 0) offers_by_occupation_.erase(grid);
  }
  offers_by_sector_[SectorSlot(engine::MatchingSector(p))].Erase(p.id, p.location);
}

void MatchingIndex::AddCandidate(const v1::Candidate& candidate) {
  CandidateEntry& entry = candidates_[candidate.id()];
  entry.profile = ToCandidateProfile(candidate);
  entry.member_id = candidate.member_id();
  entry.municipality = candidate.home().municipality();
  entry.status = candidate.status();
  entry.statistics_origin.clear();
  entry.statistics_heritage_language.clear();
  entry.statistics_consent = HoldsConsent(candidate, kStatisticsConsentPurpose);
  if (entry.statistics_consent) {
    entry.statistics_origin = candidate.country_of_origin();
    for (const v1::LanguageSkill& skill : candidate.languages()) {
      if (skill.language() != "de") {
        entry.statistics_heritage_language = skill.language();
        break;
      }
    }
  }
  const engine::CandidateProfile& p = entry.profile;
  const double reach = travel_->ReachBoundKm(p.travel_limit_minutes, p.travel_mode);
  // Each code and sector once, at its first (best) rank.
  std::vector<absl::string_view> codes;
  for (size_t r = 0; r < p.desired_occupations.size(); ++r) {
    const std::string& code = p.desired_occupations[r].kldb_code;
    if (std::find(codes.begin(), codes.end(), code) != codes.end()) continue;
    codes.push_back(code);
    CandidateGrid(candidates_by_occupation_, code)
        .Insert(p.id, p.home, reach, &entry, CandidateGateFor(entry, r).Pack());
  }
  std::vector<engine::Sector> sectors;
  for (size_t r = 0; r < p.desired_sectors.size(); ++r) {
    const engine::Sector sector = p.desired_sectors[r];
    if (std::find(sectors.begin(), sectors.end(), sector) != sectors.end()) continue;
    sectors.push_back(sector);
    candidates_by_sector_[SectorSlot(sector)].Insert(p.id, p.home, reach, &entry,
                                                     CandidateGateFor(entry, r).Pack());
  }
}

void MatchingIndex::RemoveCandidate(const std::string& id) {
  auto it = candidates_.find(id);
  if (it == candidates_.end()) return;
  const engine::CandidateProfile& p = it->second.profile;
  for (const engine::Occupation& wish : p.desired_occupations) {
    auto grid = candidates_by_occupation_.find(wish.kldb_code);
    if (grid == candidates_by_occupation_.end()) continue;
    grid->second.Erase(p.id, p.home);
    if (grid->second.size() == 0) candidates_by_occupation_.erase(grid);
  }
  for (engine::Sector sector : p.desired_sectors) {
    candidates_by_sector_[SectorSlot(sector)].Erase(p.id, p.home);
  }
  candidates_.erase(it);
}

const CandidateEntry* MatchingIndex::Reader::FindCandidate(absl::string_view id) const {
  auto it = index_.candidates_.find(id);
  return it == index_.candidates_.end() ? nullptr : &it->second;
}

const OfferEntry* MatchingIndex::Reader::FindOffer(absl::string_view id) const {
  auto it = index_.offers_.find(id);
  return it == index_.offers_.end() ? nullptr : &it->second;
}

const SpatialGrid* MatchingIndex::Reader::OffersOfOccupation(
    absl::string_view kldb_code) const {
  return GridOf(index_.offers_by_occupation_, kldb_code);
}

const SpatialGrid* MatchingIndex::Reader::OffersOfSector(engine::Sector sector) const {
  return NonEmpty(index_.offers_by_sector_[SectorSlot(sector)]);
}

const SpatialGrid* MatchingIndex::Reader::CandidatesOfOccupation(
    absl::string_view kldb_code) const {
  return GridOf(index_.candidates_by_occupation_, kldb_code);
}

const SpatialGrid* MatchingIndex::Reader::CandidatesOfSector(engine::Sector sector) const {
  return NonEmpty(index_.candidates_by_sector_[SectorSlot(sector)]);
}

const HeldPlacement* MatchingIndex::Reader::HeldPlacementOf(
    absl::string_view candidate_id) const {
  auto it = index_.held_.find(candidate_id);
  return it == index_.held_.end() ? nullptr : &it->second;
}

void MatchingIndex::Reader::FillLanguageLevels(
    const engine::CandidateProfile& candidate,
    std::array<engine::CefrLevel, OfferGate::kMaxLanguageId + 1>* levels) const {
  levels->fill(engine::CefrLevel::kNone);
  // In reverse, so that the first listing of a language wins.
  for (auto it = candidate.languages.rbegin(); it != candidate.languages.rend(); ++it) {
    auto id = index_.language_ids_.find(it->language);
    if (id != index_.language_ids_.end() && id->second <= OfferGate::kMaxLanguageId) {
      (*levels)[id->second] = it->level;
    }
  }
}

bool MatchingIndex::Reader::IsBanned(absl::string_view candidate_id,
                                     absl::string_view offer_id) const {
  if (index_.banned_.empty()) return false;  // spares building the key
  return index_.banned_.contains(
      PairKey(std::string(candidate_id), std::string(offer_id)));
}

void MatchingIndex::Reader::ForEachCandidate(
    const std::function<void(const CandidateEntry& entry)>& visit) const {
  for (const auto& [id, entry] : index_.candidates_) visit(entry);
}

void MatchingIndex::Reader::ForEachOffer(
    const std::function<void(const OfferEntry& entry)>& visit) const {
  for (const auto& [id, entry] : index_.offers_) visit(entry);
}

void MatchingIndex::Reader::ForEachBannedPair(
    const std::function<void(const std::string& candidate_id, const std::string& offer_id)>&
        visit) const {
  for (const auto& [pair, placement_id] : index_.banned_) visit(pair.first, pair.second);
}

}  // namespace azubimatch::service
