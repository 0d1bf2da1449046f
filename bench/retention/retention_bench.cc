// retention_bench: retention over 100,000 started placements (target: at most 1 s).
//
//   BM_EngineRetention          engine::ComputeRetention over 100,000 spells
//   BM_EngineGroupedRetention   the same in 40 groups with the log-rank test
//   BM_ServiceRetention/by      ReportsService::Retention on a RocksDB store holding
//                               100,000 placements with their lifecycle history: scan,
//                               parse, visibility, grouping (none, member, occupation
//                               through the matching index), Kaplan–Meier, log-rank
//
// The cohort is generated with a fixed seed: 5 yearly start cohorts (1 August
// 2020..2024), read as of 2025-08-01; each placement ends early with probability 0.25 (a
// third of those in the 4-month probation), else passes probation and completes after
// three years if that lies before as_of. 20 members, 40 offers (occupations). Each
// benchmark checks the known number of started placements inside the timed loop.
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "azubimatch/v1/reports.pb.h"
#include "benchmark/benchmark.h"
#include "engine/analytics/retention.h"
#include "engine/matching/travel_time.h"
#include "service/matching/matching_index.h"
#include "service/reports/reports_service.h"
#include "service/store/rocksdb_store.h"

namespace azubimatch {
namespace {

constexpr int kPlacements = 100000;
constexpr int kMembers = 20;
constexpr int kOffers = 40;
const absl::CivilDay kAsOf(2025, 8, 1);

struct Generated {
  absl::CivilDay started;
  std::optional<absl::CivilDay> passed, completed, ended;
  int member, offer;
};

std::vector<Generated> Generate() {
  std::mt19937_64 random(20251207);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<Generated> out;
  for (int i = 0; i < kPlacements; ++i) {
    Generated g;
    g.started = absl::CivilDay(2020 + i % 5, 8, 1) + static_cast<int>(unit(random) * 30);
    g.member = static_cast<int>(unit(random) * kMembers);
    g.offer = static_cast<int>(unit(random) * kOffers);
    const bool ends = unit(random) < 0.25;
    const bool in_probation = unit(random) < 1.0 / 3;
    const absl::CivilDay probation = g.started + 122;
    if (ends && in_probation) {
      g.ended = g.started + static_cast<int>(unit(random) * 121);
    } else {
      g.passed = probation;
      if (ends)
        g.ended = probation + static_cast<int>(unit(random) * 900);
      else
        g.completed = g.started + 3 * 365;
    }
    out.push_back(g);
  }
  return out;
}

// Started on or before as_of: every generated placement.
constexpr int kStartedAsOf = kPlacements;

void BM_EngineRetention(benchmark::State& state) {
  std::vector<engine::TrainingSpell> spells;
  for (const Generated& g : Generate())
    spells.push_back({g.started, g.passed, g.completed, g.ended});
  for (auto _ : state) {
    engine::RetentionFigures f =
        engine::ComputeRetention(spells, kAsOf, engine::kDefaultRetentionDays);
    if (f.started != kStartedAsOf) state.SkipWithError("wrong number started");
    benchmark::DoNotOptimize(f);
  }
}
BENCHMARK(BM_EngineRetention)->Unit(benchmark::kMillisecond);

void BM_EngineGroupedRetention(benchmark::State& state) {
  std::vector<engine::TrainingSpell> spells;
  std::vector<std::string> groups;
  for (const Generated& g : Generate()) {
    spells.push_back({g.started, g.passed, g.completed, g.ended});
    groups.push_back(absl::StrFormat("%05d", 10000 + g.offer));
  }
  for (auto _ : state) {
    engine::GroupedRetention r = engine::ComputeGroupedRetention(
        spells, groups, kAsOf, engine::kDefaultRetentionDays, 5);
    if (!r.log_rank.has_value() || r.log_rank->degrees_of_freedom != kOffers - 1) {
      state.SkipWithError("wrong log-rank test");
    }
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_EngineGroupedRetention)->Unit(benchmark::kMillisecond);

v1::Date DateOf(absl::CivilDay day) {
  v1::Date d;
  d.set_year(static_cast<int32_t>(day.year()));
  d.set_month(day.month());
  d.set_day(day.day());
  return d;
}

// A RocksDB store in a temporary folder holding the generated placements, and a matching
// index that knows the offers (for grouping by occupation).
class ServiceFixture {
 public:
  ServiceFixture() : index_(&travel_) {
    dir_ = std::filesystem::temp_directory_path() /
           absl::StrFormat("retention_bench_%d", static_cast<int>(::getpid()));
    std::filesystem::remove_all(dir_);
    service::StoreOptions options;
    options.path = dir_.string();
    options.sync_writes = false;  // a bulk load of test data
    store_ = *service::RocksDbStore::Open(options);
    v1::Company company;
    company.set_id("company000000000");
    company.set_sector(v1::SECTOR_TRADE);
    index_.OnCompanyChanged(nullptr, &company);
    for (int o = 0; o < kOffers; ++o) {
      v1::TrainingOffer offer;
      offer.set_id(absl::StrFormat("offer%011d", o));
      offer.set_company_id(company.id());
      offer.set_seats(100000);
      offer.mutable_occupation()->set_kldb_code(absl::StrFormat("%05d", 10000 + o));
      offer.mutable_occupation()->set_sector(static_cast<v1::Sector>(1 + o % 8));
      *offer.mutable_start_date() = DateOf(absl::CivilDay(2020, 8, 1));
      index_.OnOfferChanged(nullptr, &offer);
    }
    service::WriteBatch batch;
    int i = 0;
    for (const Generated& g : Generate()) {
      v1::Placement p;
      p.set_id(absl::StrFormat("p%015d", i++));
      p.set_member_id(absl::StrFormat("member%02d", g.member));
      p.set_candidate_id(absl::StrFormat("c%015d", i));
      p.set_offer_id(absl::StrFormat("offer%011d", g.offer));
      auto step = [&p](v1::PlacementStatus status, absl::CivilDay day) {
        v1::PlacementEvent* e = p.add_history();
        e->set_status(status);
        *e->mutable_date() = DateOf(day);
        e->mutable_recorded_at()->set_seconds(1765000000);
        p.set_status(status);
      };
      step(v1::PLACEMENT_STATUS_ACCEPTED, g.started - 90);
      step(v1::PLACEMENT_STATUS_CONTRACT_SIGNED, g.started - 60);
      step(v1::PLACEMENT_STATUS_STARTED, g.started);
      if (g.passed) step(v1::PLACEMENT_STATUS_PROBATION_PASSED, *g.passed);
      if (g.completed) step(v1::PLACEMENT_STATUS_COMPLETED, *g.completed);
      if (g.ended) step(v1::PLACEMENT_STATUS_ENDED_EARLY, *g.ended);
      batch.Put(service::Family::kPlacements, p.id(), p.SerializeAsString());
    }
    if (!store_->Write(batch).ok()) std::abort();
    reports_ = std::make_unique<service::ReportsService>(store_.get(), &index_, nullptr);
  }
  ~ServiceFixture() {
    reports_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  const service::ReportsService& reports() const { return *reports_; }

 private:
  std::filesystem::path dir_;
  engine::GreatCircleTravelTime travel_;
  service::MatchingIndex index_;
  std::unique_ptr<service::RocksDbStore> store_;
  std::unique_ptr<service::ReportsService> reports_;
};

void BM_ServiceRetention(benchmark::State& state) {
  static ServiceFixture* fixture = new ServiceFixture();
  service::Caller analyst;
  analyst.member_id = "member00";
  analyst.role = service::Role::kAnalyst;
  v1::GetRetentionRequest request;
  *request.mutable_as_of() = DateOf(kAsOf);
  request.set_by(static_cast<v1::RetentionDimension>(state.range(0)));
  for (auto _ : state) {
    absl::StatusOr<v1::RetentionReport> report =
        fixture->reports().Retention(analyst, request);
    if (!report.ok() || report->overall().started() != kStartedAsOf) {
      state.SkipWithError("wrong report");
    }
    benchmark::DoNotOptimize(report);
  }
}
BENCHMARK(BM_ServiceRetention)
    ->ArgName("by")
    ->Arg(v1::RETENTION_DIMENSION_UNSPECIFIED)
    ->Arg(v1::RETENTION_DIMENSION_MEMBER)
    ->Arg(v1::RETENTION_DIMENSION_OCCUPATION)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

}  // namespace
}  // namespace azubimatch

BENCHMARK_MAIN();
