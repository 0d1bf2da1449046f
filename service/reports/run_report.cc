#include "service/reports/run_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/matching/metrics.h"

namespace azubimatch::service {
namespace {

enum Dimension {
  kMunicipality,
  kOccupation,
  kSector,
  kSchoolCertificate,
  kGermanLevel,
  kOrigin,
  kHeritageLanguage,
  kMember,
  kDimensionCount,
};

constexpr std::array<absl::string_view, kDimensionCount> kDimensionNames = {
    "municipality", "occupation",        "sector", "school_certificate",
    "german_level", "origin", "heritage_language", "member"};

constexpr absl::string_view kUnknown = "unknown";      // candidate no longer registered
constexpr absl::string_view kNotStated = "not stated";  // attribute empty

struct Group {
  int32_t candidates = 0;
  int32_t placed = 0;
  double score_sum = 0.0;
  std::vector<double> commutes;
};

using Groups = absl::flat_hash_map<std::string, Group>;

std::string OrNotStated(absl::string_view value) {
  return value.empty() ? std::string(kNotStated) : std::string(value);
}

std::string CefrName(v1::CefrLevel level) {
  if (level == v1::CEFR_LEVEL_UNSPECIFIED) return "none";
  std::string name = v1::CefrLevel_Name(level);  // "CEFR_LEVEL_B1"
  return name.substr(name.rfind('_') + 1);
}

// The group of a candidate in each dimension; empty where the candidate is not counted.
std::array<std::string, kDimensionCount> GroupNames(bool known, const CandidateFacts& f) {
  std::array<std::string, kDimensionCount> names;
  if (!known) {
    for (int d = 0; d < kDimensionCount; ++d) {
      if (d != kOrigin && d != kHeritageLanguage) names[d] = std::string(kUnknown);
    }
    return names;
  }
  names[kMunicipality] = OrNotStated(f.municipality);
  names[kOccupation] = OrNotStated(f.occupation);
  names[kSector] = v1::Sector_Name(f.sector);
  names[kSchoolCertificate] = v1::SchoolCertificate_Name(f.school_certificate);
  names[kGermanLevel] = CefrName(f.german_level);
  if (f.statistics_consent) {
    names[kOrigin] = OrNotStated(f.origin);
    names[kHeritageLanguage] =
        f.heritage_language.empty() ? std::string("none") : std::string(f.heritage_language);
  }
  names[kMember] = OrNotStated(f.member_id);
  return names;
}

void AddBin(v1::Histogram* histogram, std::string label, double lower, double upper) {
  v1::HistogramBin* bin = histogram->add_bins();
  bin->set_label(std::move(label));
  bin->set_lower(lower);
  bin->set_upper(upper);
}

void InitHistograms(v1::RunReport* report) {
  v1::Histogram* score = report->mutable_score();
  score->set_name("score");
  for (int i = 0; i < 10; ++i) {
    AddBin(score, absl::StrFormat("%.1f-%.1f", i / 10.0, (i + 1) / 10.0), i / 10.0,
           (i + 1) / 10.0);
  }
  v1::Histogram* commute = report->mutable_commute_minutes();
  commute->set_name("commute_minutes");
  for (int i = 0; i < 12; ++i) {
    AddBin(commute, absl::StrCat(i * 10, "-", (i + 1) * 10), i * 10, (i + 1) * 10);
  }
  AddBin(commute, "120+", 120, 120);
  v1::Histogram* rank = report->mutable_wish_rank();
  rank->set_name("wish_rank");
  for (int i = 1; i <= 4; ++i) AddBin(rank, absl::StrCat(i), i, i + 1);
  AddBin(rank, "5+", 5, 5);
  AddBin(rank, "sector", 0, 0);
}

void Count(v1::Histogram* histogram, int bin) {
  v1::HistogramBin* b = histogram->mutable_bins(bin);
  b->set_count(b->count() + 1);
}

void CountPlacement(const v1::RunPlacement& p, v1::RunReport* report) {
  const double score = std::isfinite(p.score()) ? p.score() : 0.0;
  Count(report->mutable_score(), std::clamp(static_cast<int>(std::floor(score * 10)), 0, 9));
  const double minutes = std::isfinite(p.travel_minutes()) ? p.travel_minutes() : 0.0;
  Count(report->mutable_commute_minutes(),
        std::clamp(static_cast<int>(std::floor(minutes / 10)), 0, 12));
  const int rank = p.choice_rank();
  Count(report->mutable_wish_rank(), rank <= 0 ? 5 : std::min(rank, 5) - 1);
}

v1::Breakdown ToBreakdown(absl::string_view dimension, Groups groups) {
  v1::Breakdown breakdown;
  breakdown.set_dimension(std::string(dimension));
  std::vector<std::pair<std::string, Group>> sorted(std::make_move_iterator(groups.begin()),
                                                    std::make_move_iterator(groups.end()));
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  int32_t covered = 0;
  for (auto& [name, group] : sorted) {
    covered += group.candidates;
    v1::GroupRow* row = breakdown.add_rows();
    row->set_group(name);
    if (group.candidates < kMinGroupSize) {
      row->set_suppressed(true);
      continue;
    }
    row->set_candidates(group.candidates);
    row->set_placed(group.placed);
    row->set_placement_rate(static_cast<double>(group.placed) / group.candidates);
    row->set_mean_score(group.placed == 0 ? 0.0 : group.score_sum / group.placed);
    std::sort(group.commutes.begin(), group.commutes.end());
    row->set_commute_median_min(engine::InterpolatedQuantile(group.commutes, 0.5));
  }
  breakdown.set_candidates_covered(covered);
  return breakdown;
}

}  // namespace

v1::RunReport BuildRunReport(const v1::Run& run, const CandidateFactsLookup& facts) {
  v1::RunReport report;
  report.set_run_id(run.id());
  report.set_mode(run.mode());
  report.set_label(run.request().label());
  *report.mutable_created_at() = run.created_at();
  *report.mutable_metrics() = run.metrics();
  report.set_eligible_pairs(run.eligible_pairs());
  report.set_min_group_size(kMinGroupSize);
  InitHistograms(&report);

  std::array<Groups, kDimensionCount> groups;
  auto add = [&](absl::string_view candidate_id, const v1::RunPlacement* placement) {
    CandidateFacts f;
    const bool known = facts(candidate_id, &f);
    const std::array<std::string, kDimensionCount> names = GroupNames(known, f);
    for (int d = 0; d < kDimensionCount; ++d) {
      if (names[d].empty()) continue;
      Group& group = groups[d][names[d]];
      ++group.candidates;
      if (placement == nullptr) continue;
      ++group.placed;
      group.score_sum += placement->score();
      group.commutes.push_back(placement->travel_minutes());
    }
  };
  for (const v1::RunPlacement& placement : run.placements()) {
    CountPlacement(placement, &report);
    add(placement.candidate_id(), &placement);
  }
  for (const v1::UnmatchedCandidate& unmatched : run.unmatched()) {
    add(unmatched.candidate_id(), nullptr);
  }
  for (int d = 0; d < kDimensionCount; ++d) {
    *report.add_breakdowns() = ToBreakdown(kDimensionNames[d], std::move(groups[d]));
  }
  return report;
}

}  // namespace azubimatch::service
