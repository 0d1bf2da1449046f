#include "clients/demo/demo_cohort.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/training_occupations.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "gtest/gtest.h"

namespace azubimatch::clients {
namespace {

namespace v1 = ::azubimatch::v1;

// Deterministic serialization of every record, in order.
std::string Serialize(const DemoCohort& cohort) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    auto write = [&](const google::protobuf::Message& m) {
      coded.WriteVarint64(m.ByteSizeLong());
      m.SerializeWithCachedSizes(&coded);
    };
    for (const auto& c : cohort.companies) write(c);
    for (const auto& o : cohort.offers) write(o);
    for (int i : cohort.offer_company_index) coded.WriteVarint32(i);
    for (const auto& c : cohort.candidates) write(c);
  }
  return out;
}

DemoCohort Generate(const DemoCohortOptions& options) {
  absl::StatusOr<DemoCohort> cohort = GenerateDemoCohort(options);
  EXPECT_TRUE(cohort.ok()) << cohort.status();
  return cohort.ok() ? *std::move(cohort) : DemoCohort{};
}

DemoCohortOptions Options(int candidates, int offers, uint64_t seed) {
  DemoCohortOptions options;
  options.candidates = candidates;
  options.offers = offers;
  options.seed = seed;
  return options;
}

bool InBadenWuerttemberg(const v1::Location& l) {
  return l.latitude() >= 47.5 && l.latitude() <= 49.8 && l.longitude() >= 7.5 &&
         l.longitude() <= 10.5;
}

// The location names a municipality of the table with its postal code and lies within
// 5 km of its centre (1° latitude = 111 km; 1° longitude = 73 km at 49° N).
void ExpectTownLocation(const v1::Location& l) {
  EXPECT_TRUE(InBadenWuerttemberg(l)) << l.ShortDebugString();
  const BwMunicipality* town = FindBwMunicipality(l.municipality());
  ASSERT_NE(town, nullptr) << l.municipality();
  EXPECT_EQ(l.postal_code(), town->postal_code);
  EXPECT_NEAR(l.latitude(), town->latitude, 5.0 / 111);
  EXPECT_NEAR(l.longitude(), town->longitude, 5.0 / 73);
}

TEST(DemoCohortTest, SameOptionsGiveByteIdenticalRecords) {
  const DemoCohortOptions options = Options(300, 80, 7);
  const std::string first = Serialize(Generate(options));
  const std::string second = Serialize(Generate(options));
  EXPECT_FALSE(first.empty());
  EXPECT_EQ(first, second);
}

TEST(DemoCohortTest, DifferentSeedsGiveDifferentCohorts) {
  const DemoCohort a = Generate(Options(50, 20, 1));
  const DemoCohort b = Generate(Options(50, 20, 2));
  EXPECT_NE(Serialize(a), Serialize(b));
  EXPECT_NE(a.candidates[0].home().latitude(), b.candidates[0].home().latitude());
}

TEST(DemoCohortTest, CountsMatchTheOptions) {
  const DemoCohort cohort = Generate(Options(123, 45, 3));
  EXPECT_EQ(cohort.candidates.size(), 123u);
  ASSERT_EQ(cohort.offers.size(), 45u);
  ASSERT_EQ(cohort.offer_company_index.size(), 45u);
  // 1–3 offers per company.
  EXPECT_GE(cohort.companies.size(), 15u);
  EXPECT_LE(cohort.companies.size(), 45u);
  std::vector<int> offers_per_company(cohort.companies.size(), 0);
  for (int c : cohort.offer_company_index) {
    ASSERT_GE(c, 0);
    ASSERT_LT(c, static_cast<int>(cohort.companies.size()));
    ++offers_per_company[c];
  }
  for (int n : offers_per_company) {
    EXPECT_GE(n, 1);  // no company without an offer
    EXPECT_LE(n, 3);
  }
}

TEST(DemoCohortTest, ZeroCountsGiveAnEmptyCohort) {
  const DemoCohort cohort = Generate(Options(0, 0, 1));
  EXPECT_TRUE(cohort.companies.empty());
  EXPECT_TRUE(cohort.offers.empty());
  EXPECT_TRUE(cohort.candidates.empty());
}

TEST(DemoCohortTest, OutOfRangeOptionsAreInvalidArgumentNamingTheField) {
  struct Case {
    DemoCohortOptions options;
    std::string field;
  };
  std::vector<Case> cases;
  cases.push_back({Options(-1, 10, 1), "candidates"});
  cases.push_back({Options(10, -5, 1), "offers"});
  cases.push_back({Options(10, 2000000, 1), "offers"});
  DemoCohortOptions year = Options(1, 1, 1);
  year.training_year = 1990;
  cases.push_back({year, "training_year"});
  DemoCohortOptions empty_prefix = Options(1, 1, 1);
  empty_prefix.external_id_prefix = "";
  cases.push_back({empty_prefix, "external_id_prefix"});
  DemoCohortOptions bad_prefix = Options(1, 1, 1);
  bad_prefix.external_id_prefix = "Demo 1";
  cases.push_back({bad_prefix, "external_id_prefix"});
  for (const Case& c : cases) {
    const absl::StatusOr<DemoCohort> cohort = GenerateDemoCohort(c.options);
    EXPECT_EQ(cohort.status().code(), absl::StatusCode::kInvalidArgument) << c.field;
    EXPECT_TRUE(absl::StartsWith(cohort.status().message(), c.field)) << cohort.status();
  }
}

TEST(DemoCohortTest, CandidateCountDoesNotChangeCompaniesOrOffers) {
  DemoCohort few = Generate(Options(5, 30, 11));
  DemoCohort many = Generate(Options(400, 30, 11));
  few.candidates.clear();
  many.candidates.clear();
  EXPECT_EQ(Serialize(few), Serialize(many));
}

TEST(DemoCohortTest, LargerCohortStartsWithTheSmallerOne) {
  const DemoCohort small = Generate(Options(20, 10, 5));
  const DemoCohort large = Generate(Options(60, 10, 5));
  ASSERT_EQ(large.candidates.size(), 60u);
  for (size_t i = 0; i < small.candidates.size(); ++i) {
    EXPECT_EQ(small.candidates[i].SerializeAsString(),
              large.candidates[i].SerializeAsString())
        << "candidate " << i;
  }
}

TEST(DemoCohortTest, ExternalIdsAreUniqueAndUseThePrefix) {
  DemoCohortOptions options = Options(150, 70, 2);
  options.external_id_prefix = "bw-test";
  const DemoCohort cohort = Generate(options);
  absl::flat_hash_set<std::string> ids;
  for (const auto& c : cohort.companies) {
    EXPECT_TRUE(absl::StartsWith(c.external_id(), "bw-test-company-")) << c.external_id();
    EXPECT_TRUE(ids.insert(c.external_id()).second) << c.external_id();
  }
  for (const auto& o : cohort.offers) {
    EXPECT_TRUE(absl::StartsWith(o.external_id(), "bw-test-offer-")) << o.external_id();
    EXPECT_TRUE(ids.insert(o.external_id()).second) << o.external_id();
  }
  for (const auto& c : cohort.candidates) {
    EXPECT_TRUE(absl::StartsWith(c.external_id(), "bw-test-cand-")) << c.external_id();
    EXPECT_TRUE(ids.insert(c.external_id()).second) << c.external_id();
  }
  EXPECT_EQ(cohort.candidates.front().external_id(), "bw-test-cand-0001");
  EXPECT_EQ(cohort.offers.back().external_id(), "bw-test-offer-0070");
}

TEST(DemoCohortTest, CompaniesArePlausible) {
  const DemoCohort cohort = Generate(Options(0, 1500, 17));
  for (const v1::Company& c : cohort.companies) {
    SCOPED_TRACE(c.external_id() + " " + c.name());
    EXPECT_FALSE(c.name().empty());
    EXPECT_LE(c.name().size(), 200u);
    EXPECT_EQ(c.name().find('{'), std::string::npos) << "unfilled name pattern";
    EXPECT_NE(c.sector(), v1::SECTOR_UNSPECIFIED);
    ExpectTownLocation(c.location());
    ASSERT_GE(c.languages_size(), 2);
    EXPECT_EQ(c.languages(0), "de");
    absl::flat_hash_set<std::string> languages(c.languages().begin(),
                                               c.languages().end());
    EXPECT_EQ(languages.size(), static_cast<size_t>(c.languages_size())) << "duplicate";
    if (c.may_train()) {
      EXPECT_NE(c.chamber(), v1::CHAMBER_UNSPECIFIED);
      EXPECT_GE(c.qualified_trainers(), 1);
      EXPECT_LE(c.qualified_trainers(), 3);
      if (c.sector() == v1::SECTOR_CRAFTS) {
        EXPECT_EQ(c.chamber(), v1::CHAMBER_HWK);
      }
    } else {
      EXPECT_EQ(c.chamber(), v1::CHAMBER_UNSPECIFIED);
      EXPECT_EQ(c.qualified_trainers(), 0);
    }
    EXPECT_FALSE(c.contact().name().empty());
    EXPECT_TRUE(absl::StrContains(c.contact().email(), "@")) << c.contact().email();
    EXPECT_TRUE(absl::EndsWith(c.contact().email(), ".example")) << c.contact().email();
    for (char ch : c.contact().email()) {
      EXPECT_TRUE(ch > ' ' && ch < 127) << c.contact().email();
    }
    EXPECT_EQ(c.status(), v1::COMPANY_STATUS_ACTIVE);
    EXPECT_TRUE(c.id().empty());
  }
}

TEST(DemoCohortTest, OffersArePlausible) {
  DemoCohortOptions options = Options(0, 1500, 19);
  options.training_year = 2031;
  const DemoCohort cohort = Generate(options);
  for (size_t i = 0; i < cohort.offers.size(); ++i) {
    const v1::TrainingOffer& o = cohort.offers[i];
    const v1::Company& company = cohort.companies[cohort.offer_company_index[i]];
    SCOPED_TRACE(o.external_id() + " " + o.occupation().title());
    const TrainingOccupation* occupation = FindTrainingOccupation(o.occupation().title());
    ASSERT_NE(occupation, nullptr);
    EXPECT_EQ(o.occupation().kldb_code(), occupation->kldb_code);
    EXPECT_EQ(o.occupation().kldb_code().size(), 5u);
    EXPECT_EQ(o.occupation().sector(), occupation->sector);
    EXPECT_GE(o.seats(), 1);
    EXPECT_LE(o.seats(), 5);
    EXPECT_EQ(o.start_date().year(), 2031);
    EXPECT_TRUE(o.start_date().month() == 8 || o.start_date().month() == 9);
    EXPECT_EQ(o.start_date().day(), 1);
    EXPECT_EQ(o.location().SerializeAsString(), company.location().SerializeAsString());
    ASSERT_GE(o.required_languages_size(), 1);
    EXPECT_LE(o.required_languages_size(), 2);
    EXPECT_EQ(o.required_languages(0).language(), "de");
    EXPECT_GE(o.required_languages(0).level(), v1::CEFR_LEVEL_B1);
    EXPECT_LE(o.required_languages(0).level(), v1::CEFR_LEVEL_C1);
    if (o.required_languages_size() == 2) {
      const std::string& other = o.required_languages(1).language();
      EXPECT_NE(other, "de");
      EXPECT_TRUE(other == "en" || other == company.languages(1)) << other;
    }
    EXPECT_EQ(o.status(), v1::OFFER_STATUS_OPEN);
    EXPECT_TRUE(o.company_id().empty());
    EXPECT_TRUE(absl::StrContains(o.title(), o.occupation().title()));
  }
}

TEST(DemoCohortTest, CandidatesArePlausible) {
  DemoCohortOptions options = Options(3000, 0, 23);
  const int year = options.training_year;
  const DemoCohort cohort = Generate(options);
  for (const v1::Candidate& c : cohort.candidates) {
    SCOPED_TRACE(c.external_id() + " " + c.ShortDebugString());
    EXPECT_FALSE(c.display_name().empty());
    ExpectTownLocation(c.home());
    EXPECT_GE(c.birth_year(), year - 21);
    EXPECT_LE(c.birth_year(), year - 16);
    EXPECT_GE(c.travel_limit_minutes(), 30);
    EXPECT_LE(c.travel_limit_minutes(), 90);
    ASSERT_NE(c.travel_mode(), v1::TRAVEL_MODE_UNSPECIFIED);
    if (c.travel_mode() == v1::TRAVEL_MODE_CAR) {
      EXPECT_GE(year - c.birth_year(), 19) << "minors do not drive";
    }
    if (c.travel_mode() == v1::TRAVEL_MODE_BICYCLE) {
      EXPECT_LE(c.travel_limit_minutes(), 45);
    }
    ASSERT_GE(c.desired_occupations_size(), 1);
    ASSERT_LE(c.desired_occupations_size(), 3);
    absl::flat_hash_set<std::string> wished_codes;
    for (const v1::Occupation& o : c.desired_occupations()) {
      const TrainingOccupation* known = FindTrainingOccupation(o.title());
      ASSERT_NE(known, nullptr) << o.title();
      EXPECT_EQ(o.kldb_code(), known->kldb_code);
      EXPECT_TRUE(wished_codes.insert(o.kldb_code()).second) << "KldB code wished twice";
    }
    EXPECT_EQ(c.desired_sectors(0), c.desired_occupations(0).sector());
    ASSERT_GE(c.languages_size(), 1);
    EXPECT_EQ(c.languages(0).language(), "de");
    absl::flat_hash_set<std::string> languages;
    int heritage = 0;
    for (const v1::LanguageSkill& l : c.languages()) {
      EXPECT_TRUE(languages.insert(l.language()).second) << "duplicate " << l.language();
      EXPECT_GE(l.level(), v1::CEFR_LEVEL_A2);
      EXPECT_LE(l.level(), v1::CEFR_LEVEL_C2);
      if (l.language() != "de" && l.language() != "en") {
        ++heritage;
        EXPECT_GE(l.level(), v1::CEFR_LEVEL_C1) << l.language();
      }
    }
    EXPECT_LE(heritage, 2);
    EXPECT_NE(c.school_certificate(), v1::SCHOOL_CERTIFICATE_UNSPECIFIED);
    EXPECT_EQ(c.available_from().year(), year);
    bool matching = false;
    bool statistics = false;
    for (const v1::Consent& consent : c.consents()) {
      matching = matching || consent.purpose() == "matching";
      statistics = statistics || consent.purpose() == "statistics";
      EXPECT_GT(consent.given_at().seconds(), 0);
      EXPECT_FALSE(consent.has_withdrawn_at());
    }
    EXPECT_TRUE(matching);
    // Country of origin only with consent to statistics, and then always.
    EXPECT_EQ(!c.country_of_origin().empty(), statistics);
    if (statistics) {
      EXPECT_EQ(c.country_of_origin().size(), 2u);
    }
    EXPECT_EQ(c.status(), v1::CANDIDATE_STATUS_ACTIVE);
  }
}

TEST(DemoCohortTest, LargeCohortHasRealisticDistributions) {
  const DemoCohort cohort = Generate(Options(20000, 4000, 29));
  // Places follow population: Stuttgart is the most frequent town on both sides.
  absl::flat_hash_map<std::string, int> homes;
  for (const auto& c : cohort.candidates) ++homes[c.home().municipality()];
  absl::flat_hash_map<std::string, int> workplaces;
  for (const auto& c : cohort.companies) ++workplaces[c.location().municipality()];
  auto most_frequent = [](const absl::flat_hash_map<std::string, int>& counts) {
    return std::max_element(
               counts.begin(), counts.end(),
               [](const auto& a, const auto& b) { return a.second < b.second; })
        ->first;
  };
  EXPECT_EQ(most_frequent(homes), "Stuttgart");
  EXPECT_EQ(most_frequent(workplaces), "Stuttgart");
  EXPECT_GT(homes["Mannheim"], homes["Wertheim"]);

  std::map<int, int> modes;
  std::map<int, int> german;
  int statistics = 0;
  for (const auto& c : cohort.candidates) {
    ++modes[c.travel_mode()];
    ++german[c.languages(0).level()];
    statistics += !c.country_of_origin().empty();
  }
  const double n = cohort.candidates.size();
  EXPECT_GT(modes[v1::TRAVEL_MODE_PUBLIC_TRANSPORT] / n, 0.65);
  EXPECT_LT(modes[v1::TRAVEL_MODE_CAR] / n, 0.15);
  EXPECT_GT(modes[v1::TRAVEL_MODE_CAR], 0);
  EXPECT_GT(modes[v1::TRAVEL_MODE_BICYCLE], 0);
  // German spreads over A2..C2 with the mode at B1 or B2.
  for (int level = v1::CEFR_LEVEL_A2; level <= v1::CEFR_LEVEL_C2; ++level) {
    EXPECT_GT(german[level], 0) << v1::CefrLevel_Name(level);
  }
  const int mode_level =
      std::max_element(german.begin(), german.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      })->first;
  EXPECT_TRUE(mode_level == v1::CEFR_LEVEL_B1 || mode_level == v1::CEFR_LEVEL_B2)
      << v1::CefrLevel_Name(mode_level);
  EXPECT_NEAR(statistics / n, 0.6, 0.05);

  std::map<int, int> seats;
  std::map<int, int> sectors;
  int august = 0;
  for (const auto& o : cohort.offers) {
    ++seats[o.seats()];
    ++sectors[o.occupation().sector()];
    august += o.start_date().month() == 8;
  }
  EXPECT_GT(seats[1], seats[2]);
  EXPECT_GT(seats[5], 0);
  EXPECT_NEAR(august / static_cast<double>(cohort.offers.size()), 0.75, 0.05);
  for (int s = v1::SECTOR_TRADE; s <= v1::SECTOR_SERVICES; ++s) {
    EXPECT_GT(sectors[s], 0) << v1::Sector_Name(s);
  }
}

TEST(DemoCohortTest, AssignCompanyIdsFillsEveryOffer) {
  DemoCohort cohort = Generate(Options(0, 25, 31));
  std::vector<std::string> ids;
  for (size_t i = 0; i < cohort.companies.size(); ++i) {
    ids.push_back("id" + std::to_string(i));
  }
  ASSERT_TRUE(AssignCompanyIds(ids, &cohort).ok());
  for (size_t i = 0; i < cohort.offers.size(); ++i) {
    EXPECT_EQ(cohort.offers[i].company_id(), ids[cohort.offer_company_index[i]]);
  }
}

TEST(DemoCohortTest, AssignCompanyIdsRejectsWrongCountAndFailedImports) {
  DemoCohort cohort = Generate(Options(0, 25, 31));
  std::vector<std::string> too_few(cohort.companies.size() - 1, "x");
  EXPECT_EQ(AssignCompanyIds(too_few, &cohort).code(),
            absl::StatusCode::kInvalidArgument);

  std::vector<std::string> ids(cohort.companies.size(), "some-id");
  const int failed = cohort.offer_company_index.back();
  ids[failed] = "";  // that company's import failed
  const absl::Status status = AssignCompanyIds(ids, &cohort);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(absl::StrContains(status.message(), cohort.companies[failed].external_id()))
      << status;
  for (const auto& o : cohort.offers) EXPECT_TRUE(o.company_id().empty()) << "unchanged";
}

}  // namespace
}  // namespace azubimatch::clients
