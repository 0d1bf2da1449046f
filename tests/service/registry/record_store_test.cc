// RecordStore on a real RocksDB store in a temporary folder: ids, versions, upserts,
// external-id uniqueness, references, deletes, paged listings with filters, ownership,
// imports, observers and persistence.
#include "service/registry/record_store.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/registry/field_violations.h"
#include "service/registry/record_replay.h"
#include "service/registry/validation.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

Caller Officer(const std::string& member) {
  Caller caller;
  caller.member_id = member;
  caller.role = Role::kOfficer;
  return caller;
}

Caller WithRole(const std::string& member, Role role) {
  Caller caller = Officer(member);
  caller.role = role;
  return caller;
}

const absl::Time kT0 = absl::FromUnixSeconds(1735689600);  // 2025-01-01T00:00:00Z

// Every entry of every family, to check that failed writes leave no trace.
using StoreDump = std::map<std::pair<int, std::string>, std::string>;

class RecordStoreTest : public testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    records_.reset();
    store_.reset();
    StoreOptions options;
    options.path = dir_.Sub("data");
    auto store = RocksDbStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    RecordStoreOptions record_options;
    record_options.clock = [this] { return now_; };
    records_ = std::make_unique<RecordStore>(store_.get(), record_options);
  }

  StoreDump Dump() const {
    StoreDump dump;
    for (Family family : kAllFamilies) {
      EXPECT_TRUE(store_
                      ->Scan(family, "", "",
                             [&](std::string_view key, std::string_view value) {
                               dump[{static_cast<int>(family), std::string(key)}] =
                                   std::string(value);
                               return true;
                             })
                      .ok());
    }
    return dump;
  }

  v1::Company MakeCompany(const Caller& caller, const std::string& external_id = "") {
    auto company = records_->Create(caller, SampleCompany(external_id));
    EXPECT_TRUE(company.ok()) << company.status();
    return company.value_or(v1::Company());
  }

  v1::TrainingOffer MakeOffer(const Caller& caller, const std::string& company_id,
                              const std::string& external_id = "") {
    auto offer = records_->Create(caller, SampleOffer(company_id, external_id));
    EXPECT_TRUE(offer.ok()) << offer.status();
    return offer.value_or(v1::TrainingOffer());
  }

  ScopedTempDir dir_;
  absl::Time now_ = kT0;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<RecordStore> records_;
  const Caller alpha_ = Officer("member-alpha");
  const Caller beta_ = Officer("member-beta");
};

TEST_F(RecordStoreTest, CreateAssignsIdOwnerVersionAndTimes) {
  v1::Company input = SampleCompany("c-1");
  input.set_id("zzzzzzzzzzzzzzzz");
  input.set_member_id("someone-else");
  input.set_version(9);
  auto company = records_->Create(alpha_, input);
  ASSERT_TRUE(company.ok()) << company.status();
  EXPECT_TRUE(IsWellFormedRecordId(company->id())) << company->id();
  EXPECT_NE(company->id(), "zzzzzzzzzzzzzzzz");
  EXPECT_EQ(company->member_id(), "member-alpha");
  EXPECT_EQ(company->version(), 1);
  EXPECT_EQ(company->created_at().seconds(), absl::ToUnixSeconds(kT0));
  EXPECT_EQ(company->updated_at().seconds(), absl::ToUnixSeconds(kT0));
  EXPECT_EQ(company->status(), v1::COMPANY_STATUS_ACTIVE);
  EXPECT_EQ(company->name(), input.name());

  auto stored = records_->Get<v1::Company>(alpha_, company->id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->SerializeAsString(), company->SerializeAsString());
}

TEST_F(RecordStoreTest, IdsAreDistinctAndFixedLength) {
  std::set<std::string> ids;
  for (int i = 0; i < 200; ++i) ids.insert(MakeCompany(alpha_).id());
  EXPECT_THAT(ids, SizeIs(200));
  for (const std::string& id : ids) EXPECT_TRUE(IsWellFormedRecordId(id)) << id;
}

TEST_F(RecordStoreTest, UpdateReplacesRecordBumpsVersionKeepsCreatedAt) {
  const v1::Company created = MakeCompany(alpha_, "c-1");
  now_ = kT0 + absl::Hours(2);
  v1::Company change = created;
  change.set_name("Yilmaz & Söhne GmbH");
  change.clear_created_at();
  auto updated = records_->Update(alpha_, change);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->id(), created.id());
  EXPECT_EQ(updated->version(), 2);
  EXPECT_EQ(updated->name(), "Yilmaz & Söhne GmbH");
  EXPECT_EQ(updated->created_at().seconds(), absl::ToUnixSeconds(kT0));
  EXPECT_EQ(updated->updated_at().seconds(), absl::ToUnixSeconds(kT0 + absl::Hours(2)));
}

TEST_F(RecordStoreTest, UpdateWithStaleVersionFailsAndWritesNothing) {
  const v1::Company created = MakeCompany(alpha_);
  v1::Company change = created;
  change.set_name("First change");
  ASSERT_TRUE(records_->Update(alpha_, change).ok());  // now at version 2
  const StoreDump before = Dump();

  change.set_name("Second change based on version 1");
  change.set_version(1);
  auto stale = records_->Update(alpha_, change);
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(FirstViolatedField(stale.status()), "company.version");
  EXPECT_EQ(Dump(), before);

  change.set_version(2);
  auto current = records_->Update(alpha_, change);
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ(current->version(), 3);
}

TEST_F(RecordStoreTest, UpdateOfUnknownIdIsNotFound) {
  v1::Company company = SampleCompany();
  company.set_id("0000000000000000");
  EXPECT_EQ(records_->Update(alpha_, company).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(RecordStoreTest, UpsertCreatesThenReplacesByExternalId) {
  auto first = records_->Upsert(alpha_, SampleCandidate("portal-7"));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_TRUE(first->created);

  v1::Candidate change = SampleCandidate("portal-7");
  change.set_travel_limit_minutes(45);
  auto second = records_->Upsert(alpha_, change);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE(second->created);
  EXPECT_EQ(second->record.id(), first->record.id());
  EXPECT_EQ(second->record.version(), 2);
  EXPECT_EQ(second->record.travel_limit_minutes(), 45);

  v1::ListRecordsRequest all;
  auto page = records_->List<v1::Candidate>(alpha_, all);
  ASSERT_TRUE(page.ok());
  EXPECT_THAT(page->records, SizeIs(1));
}

TEST_F(RecordStoreTest, UpsertWithVersionButNoRecordFailsPrecondition) {
  v1::Candidate candidate = SampleCandidate("portal-8");
  candidate.set_version(3);
  const StoreDump before = Dump();
  EXPECT_EQ(records_->Upsert(alpha_, candidate).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Dump(), before);
}

TEST_F(RecordStoreTest, DuplicateExternalIdIsAlreadyExistsAndWritesNothing) {
  MakeCompany(alpha_, "dup");
  const StoreDump before = Dump();
  auto second = records_->Create(alpha_, SampleCompany("dup"));
  EXPECT_EQ(second.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(FirstViolatedField(second.status()), "company.external_id");
  EXPECT_EQ(Dump(), before);

  // Updating another record to take the id fails the same way.
  v1::Company other = MakeCompany(alpha_, "other");
  other.set_external_id("dup");
  EXPECT_EQ(records_->Update(alpha_, other).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(RecordStoreTest, ExternalIdsAreUniquePerMemberAndKind) {
  const v1::Company a = MakeCompany(alpha_, "shared");
  const v1::Company b = MakeCompany(beta_, "shared");
  EXPECT_NE(a.id(), b.id());
  auto candidate = records_->Create(alpha_, SampleCandidate("shared"));
  EXPECT_TRUE(candidate.ok()) << candidate.status();
}

TEST_F(RecordStoreTest, ChangingExternalIdFreesTheOldOne) {
  v1::Company company = MakeCompany(alpha_, "old");
  company.set_external_id("new");
  ASSERT_TRUE(records_->Update(alpha_, company).ok());
  EXPECT_TRUE(records_->Create(alpha_, SampleCompany("old")).ok());
  EXPECT_EQ(records_->Create(alpha_, SampleCompany("new")).status().code(),
            absl::StatusCode::kAlreadyExists);
}

TEST_F(RecordStoreTest, OfferNeedsAnExistingCompanyOfTheCaller) {
  const StoreDump before = Dump();
  auto missing = records_->Create(alpha_, SampleOffer("0000000000000000"));
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FirstViolatedField(missing.status()), "offer.company_id");
  EXPECT_EQ(Dump(), before);

  const v1::Company betas = MakeCompany(beta_);
  auto foreign = records_->Create(alpha_, SampleOffer(betas.id()));
  EXPECT_EQ(foreign.status().code(), absl::StatusCode::kNotFound);

  const v1::Company alphas = MakeCompany(alpha_);
  const v1::TrainingOffer offer = MakeOffer(alpha_, alphas.id());
  EXPECT_EQ(offer.company_id(), alphas.id());
  EXPECT_EQ(offer.member_id(), "member-alpha");
  EXPECT_EQ(offer.seats_taken(), 0);
  EXPECT_EQ(offer.status(), v1::OFFER_STATUS_OPEN);
}

TEST_F(RecordStoreTest, OfferNamesItsCompanyByExternalId) {
  const v1::Company company = MakeCompany(alpha_, "firma-42");
  v1::TrainingOffer offer = SampleOffer("");
  offer.set_company_external_id("firma-42");
  auto created = records_->Create(alpha_, offer);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->company_id(), company.id());
  EXPECT_TRUE(created->company_external_id().empty());

  offer.set_company_external_id("firma-unknown");
  auto unknown = records_->Create(alpha_, offer);
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FirstViolatedField(unknown.status()), "offer.company_external_id");

  const v1::Company other = MakeCompany(alpha_, "firma-43");
  offer.set_company_external_id("firma-42");
  offer.set_company_id(other.id());
  auto disagree = records_->Create(alpha_, offer);
  EXPECT_EQ(disagree.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstViolatedField(disagree.status()), "offer.company_external_id");
}

TEST_F(RecordStoreTest, CompanyWithOffersCannotBeDeleted) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::TrainingOffer offer = MakeOffer(alpha_, company.id());
  const StoreDump before = Dump();
  EXPECT_EQ(records_->Delete<v1::Company>(alpha_, company.id(), 0).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Dump(), before);

  ASSERT_TRUE(records_->Delete<v1::TrainingOffer>(alpha_, offer.id(), 0).ok());
  ASSERT_TRUE(records_->Delete<v1::Company>(alpha_, company.id(), 0).ok());
  EXPECT_EQ(records_->Get<v1::Company>(alpha_, company.id()).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(RecordStoreTest, MovingAnOfferToAnotherCompanyFreesTheFirst) {
  const v1::Company first = MakeCompany(alpha_);
  const v1::Company second = MakeCompany(alpha_);
  v1::TrainingOffer offer = MakeOffer(alpha_, first.id());
  offer.set_company_id(second.id());
  ASSERT_TRUE(records_->Update(alpha_, offer).ok());
  EXPECT_TRUE(records_->Delete<v1::Company>(alpha_, first.id(), 0).ok());
  EXPECT_EQ(records_->Delete<v1::Company>(alpha_, second.id(), 0).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(RecordStoreTest, DeleteChecksVersionAndRemovesIndexEntries) {
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("cand-1"));
  EXPECT_EQ(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 5).code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 1).ok());
  EXPECT_EQ(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 0).code(),
            absl::StatusCode::kNotFound);
  // The external id is free again, and no index entry is left.
  int index_entries = 0;
  ASSERT_TRUE(store_
                  ->Scan(Family::kIndex, "", "",
                         [&](std::string_view, std::string_view) {
                           ++index_entries;
                           return true;
                         })
                  .ok());
  EXPECT_EQ(index_entries, 0);
  EXPECT_TRUE(records_->Create(alpha_, SampleCandidate("cand-1")).ok());
}

TEST_F(RecordStoreTest, MalformedIdsAreInvalidArgument) {
  EXPECT_EQ(records_->Get<v1::TrainingOffer>(alpha_, "").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstViolatedField(records_->Get<v1::TrainingOffer>(alpha_, "").status()), "id");
  EXPECT_EQ(records_->Delete<v1::Candidate>(alpha_, "short", 0).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RecordStoreTest, ListPagesThroughEveryRecordInIdOrder) {
  std::set<std::string> created;
  for (int i = 0; i < 250; ++i) {
    created.insert(records_->Create(alpha_, SampleCandidate())->id());
  }
  for (int i = 0; i < 30; ++i) records_->Create(beta_, SampleCandidate()).IgnoreError();

  std::vector<std::string> listed;
  std::vector<size_t> page_sizes;
  v1::ListRecordsRequest request;
  do {
    auto page = records_->List<v1::Candidate>(alpha_, request);
    ASSERT_TRUE(page.ok()) << page.status();
    page_sizes.push_back(page->records.size());
    for (const auto& c : page->records) listed.push_back(c.id());
    request.set_page_token(page->next_page_token);
  } while (!request.page_token().empty());

  EXPECT_THAT(page_sizes, ElementsAre(100, 100, 50));
  EXPECT_EQ(listed, std::vector<std::string>(created.begin(), created.end()));
}

TEST_F(RecordStoreTest, ListEndsWithoutAnEmptyPage) {
  for (int i = 0; i < 4; ++i) MakeCompany(alpha_);
  v1::ListRecordsRequest request;
  request.set_page_size(2);
  auto first = records_->List<v1::Company>(alpha_, request);
  ASSERT_TRUE(first.ok());
  EXPECT_THAT(first->records, SizeIs(2));
  ASSERT_FALSE(first->next_page_token.empty());
  request.set_page_token(first->next_page_token);
  auto second = records_->List<v1::Company>(alpha_, request);
  ASSERT_TRUE(second.ok());
  EXPECT_THAT(second->records, SizeIs(2));
  EXPECT_TRUE(second->next_page_token.empty());
}

TEST_F(RecordStoreTest, ListFiltersByOccupationMunicipalityStatusCompanyAndExternalId) {
  const v1::Company first = MakeCompany(alpha_);
  const v1::Company second = MakeCompany(alpha_);
  MakeOffer(alpha_, first.id(), "o-1");
  v1::TrainingOffer cook = SampleOffer(second.id(), "o-2");
  cook.mutable_occupation()->set_kldb_code("29302");
  cook.mutable_location()->set_municipality("Heilbronn");
  cook.set_status(v1::OFFER_STATUS_CLOSED);
  ASSERT_TRUE(records_->Create(alpha_, cook).ok());

  auto ids = [&](const v1::ListRecordsRequest& request) {
    std::vector<std::string> external_ids;
    auto page = records_->List<v1::TrainingOffer>(alpha_, request);
    EXPECT_TRUE(page.ok()) << page.status();
    if (page.ok()) {
      for (const auto& o : page->records) external_ids.push_back(o.external_id());
    }
    return external_ids;
  };
  v1::ListRecordsRequest request;
  request.set_kldb_code("29302");
  EXPECT_THAT(ids(request), ElementsAre("o-2"));
  request.Clear();
  request.set_municipality("Stuttgart");
  EXPECT_THAT(ids(request), ElementsAre("o-1"));
  request.Clear();
  request.set_status(v1::OFFER_STATUS_OPEN);
  EXPECT_THAT(ids(request), ElementsAre("o-1"));
  request.Clear();
  request.set_company_id(second.id());
  EXPECT_THAT(ids(request), ElementsAre("o-2"));
  request.Clear();
  request.set_external_id("o-1");
  EXPECT_THAT(ids(request), ElementsAre("o-1"));

  // Candidates match a code among their desired occupations.
  records_->Create(alpha_, SampleCandidate("k-1")).IgnoreError();
  v1::ListRecordsRequest by_code;
  by_code.set_kldb_code("29302");  // the sample's second wish
  EXPECT_THAT(records_->List<v1::Candidate>(alpha_, by_code)->records, SizeIs(1));
  by_code.set_kldb_code("81302");
  EXPECT_THAT(records_->List<v1::Candidate>(alpha_, by_code)->records, IsEmpty());
}

TEST_F(RecordStoreTest, ListRefusesForeignOrBrokenPageTokens) {
  for (int i = 0; i < 3; ++i) MakeCompany(alpha_);
  v1::ListRecordsRequest request;
  request.set_page_size(1);
  auto page = records_->List<v1::Company>(alpha_, request);
  ASSERT_TRUE(page.ok());
  request.set_page_token(page->next_page_token);
  auto as_offers = records_->List<v1::TrainingOffer>(alpha_, request);
  EXPECT_EQ(as_offers.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstViolatedField(as_offers.status()), "page_token");
  request.set_page_token("not a token!");
  EXPECT_EQ(records_->List<v1::Company>(alpha_, request).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RecordStoreTest, OtherMembersCompaniesAndCandidatesDoNotExistForTheCaller) {
  const v1::Company company = MakeCompany(alpha_, "c-1");
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("k-1"));
  const StoreDump before = Dump();

  EXPECT_EQ(records_->Get<v1::Company>(beta_, company.id()).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(records_->Get<v1::Candidate>(beta_, candidate.id()).status().code(),
            absl::StatusCode::kNotFound);
  v1::Candidate change = candidate;
  change.set_display_name("taken over");
  EXPECT_EQ(records_->Update(beta_, change).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(records_->Delete<v1::Company>(beta_, company.id(), 0).code(),
            absl::StatusCode::kNotFound);
  EXPECT_THAT(records_->List<v1::Company>(beta_, {})->records, IsEmpty());
  EXPECT_THAT(records_->List<v1::Candidate>(beta_, {})->records, IsEmpty());
  // The same message as for an id that never existed: nothing leaks.
  auto unknown = records_->Get<v1::Candidate>(beta_, "0000000000000000");
  auto foreign = records_->Get<v1::Candidate>(beta_, candidate.id());
  EXPECT_EQ(std::string(foreign.status().message()).size(),
            std::string(unknown.status().message()).size());
  EXPECT_EQ(Dump(), before);
}

TEST_F(RecordStoreTest, OffersAreVisibleNetworkWideButChangedOnlyByTheirMember) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::TrainingOffer offer = MakeOffer(alpha_, company.id());
  auto seen = records_->Get<v1::TrainingOffer>(beta_, offer.id());
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_THAT(records_->List<v1::TrainingOffer>(beta_, {})->records, SizeIs(1));

  v1::TrainingOffer change = offer;
  change.set_seats(9);
  EXPECT_EQ(records_->Update(beta_, change).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(records_->Delete<v1::TrainingOffer>(beta_, offer.id(), 0).code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_F(RecordStoreTest, AdminsSeeEverythingAndAnalystsNoPersonalData) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate());
  Caller admin;
  admin.role = Role::kAdmin;
  EXPECT_TRUE(records_->Get<v1::Candidate>(admin, candidate.id()).ok());
  auto admin_company = records_->Get<v1::Company>(admin, company.id());
  ASSERT_TRUE(admin_company.ok());
  EXPECT_EQ(admin_company->contact().email(), "ausbildung@yilmaz.example");

  // An admin without member must name the owner of what it creates.
  auto ownerless = records_->Create(admin, SampleCompany());
  EXPECT_EQ(FirstViolatedField(ownerless.status()), "company.member_id");
  v1::Company on_behalf = SampleCompany();
  on_behalf.set_member_id("member-gamma");
  EXPECT_EQ(records_->Create(admin, on_behalf)->member_id(), "member-gamma");

  const Caller analyst = WithRole("member-alpha", Role::kAnalyst);
  EXPECT_EQ(records_->Get<v1::Candidate>(analyst, candidate.id()).status().code(),
            absl::StatusCode::kPermissionDenied);
  auto analyst_company = records_->Get<v1::Company>(analyst, company.id());
  ASSERT_TRUE(analyst_company.ok());
  EXPECT_FALSE(analyst_company->has_contact());
  EXPECT_EQ(records_->Create(analyst, SampleCompany()).status().code(),
            absl::StatusCode::kPermissionDenied);
}

TEST_F(RecordStoreTest, ImportWritesValidRecordsAndReportsEachBadOne) {
  std::vector<v1::ImportRequest> batch(6);
  *batch[0].mutable_company() = SampleCompany("firma-1");
  v1::TrainingOffer offer = SampleOffer("");
  offer.set_company_external_id("firma-1");  // imported just before, same batch
  *batch[1].mutable_offer() = offer;
  v1::Candidate bad = SampleCandidate("k-bad");
  bad.set_travel_limit_minutes(500);
  *batch[2].mutable_candidate() = bad;
  // batch[3] holds no record.
  *batch[4].mutable_company() = SampleCompany("firma-1");  // same external id: replaces
  *batch[5].mutable_candidate() = SampleCandidate();

  auto outcomes = records_->Import(alpha_, batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status();
  ASSERT_THAT(*outcomes, SizeIs(6));
  EXPECT_TRUE((*outcomes)[0].status.ok());
  EXPECT_TRUE((*outcomes)[0].created);
  EXPECT_TRUE((*outcomes)[1].status.ok()) << (*outcomes)[1].status;
  EXPECT_EQ((*outcomes)[2].status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstViolatedField((*outcomes)[2].status), "candidate.travel_limit_minutes");
  EXPECT_TRUE((*outcomes)[2].id.empty());
  EXPECT_EQ(FirstViolatedField((*outcomes)[3].status), "record");
  EXPECT_TRUE((*outcomes)[4].status.ok());
  EXPECT_FALSE((*outcomes)[4].created);
  EXPECT_EQ((*outcomes)[4].id, (*outcomes)[0].id);
  EXPECT_TRUE((*outcomes)[5].created);

  auto company = records_->Get<v1::Company>(alpha_, (*outcomes)[0].id);
  ASSERT_TRUE(company.ok());
  EXPECT_EQ(company->version(), 2);
  EXPECT_EQ(records_->Get<v1::TrainingOffer>(alpha_, (*outcomes)[1].id)->company_id(),
            company->id());
  EXPECT_THAT(records_->List<v1::Candidate>(alpha_, {})->records, SizeIs(1));
}

// Records every notification as text.
class RecordingObserver final : public RecordObserver {
 public:
  void OnCompanyChanged(const v1::Company* before, const v1::Company* after) override {
    Add("company", before, after);
  }
  void OnOfferChanged(const v1::TrainingOffer* before,
                      const v1::TrainingOffer* after) override {
    Add("offer", before, after);
  }
  void OnCandidateChanged(const v1::Candidate* before, const v1::Candidate* after) override {
    Add("candidate", before, after);
  }
  std::vector<std::string> events;

 private:
  template <typename R>
  void Add(const std::string& kind, const R* before, const R* after) {
    events.push_back(kind + " " + (before ? "v" + std::to_string(before->version()) : "-") +
                     "->" + (after ? "v" + std::to_string(after->version()) : "-"));
  }
};

TEST_F(RecordStoreTest, ObserversSeeEverySuccessfulWriteInOrder) {
  const v1::Company existing = MakeCompany(alpha_);
  RecordingObserver observer;
  ASSERT_TRUE(records_->Subscribe(&observer).ok());
  EXPECT_THAT(observer.events, ElementsAre("company -->v1"));  // the replay

  const v1::TrainingOffer offer = MakeOffer(alpha_, existing.id());
  v1::TrainingOffer change = offer;
  change.set_seats(3);
  ASSERT_TRUE(records_->Update(alpha_, change).ok());
  change.set_seats(0);
  EXPECT_FALSE(records_->Update(alpha_, change).ok());  // invalid: no notification
  ASSERT_TRUE(records_->Delete<v1::TrainingOffer>(alpha_, offer.id(), 0).ok());
  ASSERT_TRUE(records_->AdjustSeatsTaken(MakeOffer(alpha_, existing.id()).id(), 1).ok());
  EXPECT_THAT(observer.events,
              ElementsAre("company -->v1", "offer -->v1", "offer v1->v2", "offer v2->-",
                          "offer -->v1", "offer v1->v2"));
  records_->Unsubscribe(&observer);
  MakeCompany(alpha_);
  EXPECT_THAT(observer.events, SizeIs(6));
}

// More records than one replay batch: the replay (read and parsed on another thread)
// hands every record over in the store's order, companies before offers before
// candidates; the counting subscription starts from the same totals.
TEST_F(RecordStoreTest, ReplayOverManyBatchesKeepsTheStoreOrder) {
  const v1::Company company = MakeCompany(alpha_);
  const int offers = static_cast<int>(2 * kReplayBatchSize + 17);
  std::vector<v1::ImportRequest> batch;
  for (int i = 0; i < offers; ++i) {
    *batch.emplace_back().mutable_offer() = SampleOffer(company.id());
  }
  ASSERT_TRUE(records_->Import(alpha_, batch).ok());

  struct OrderObserver final : RecordObserver {
    void OnCompanyChanged(const v1::Company*, const v1::Company* after) override {
      kinds.push_back('c');
      ids.push_back(after->id());
    }
    void OnOfferChanged(const v1::TrainingOffer*, const v1::TrainingOffer* after) override {
      kinds.push_back('o');
      ids.push_back(after->id());
    }
    std::string kinds;
    std::vector<std::string> ids;
  } observer;
  ASSERT_TRUE(records_->Subscribe(&observer).ok());
  ASSERT_EQ(observer.kinds, "c" + std::string(offers, 'o'));
  EXPECT_TRUE(std::is_sorted(observer.ids.begin() + 1, observer.ids.end()));
  records_->Unsubscribe(&observer);

  RecordStore::Totals totals;
  RecordingObserver counting;
  ASSERT_TRUE(records_
                  ->SubscribeCounting(&counting,
                                      [&](const RecordStore::Totals& t) { totals = t; })
                  .ok());
  EXPECT_EQ(totals.companies, 1);
  EXPECT_EQ(totals.offers, offers);
  EXPECT_EQ(totals.candidates, 0);
  EXPECT_THAT(counting.events, SizeIs(0));  // no replay
  MakeCompany(alpha_);
  EXPECT_THAT(counting.events, ElementsAre("company -->v1"));
  records_->Unsubscribe(&counting);
}

// A stored record that does not parse stops the replay with DataLoss naming it.
TEST_F(RecordStoreTest, ReplayNamesARecordThatDoesNotParse) {
  MakeCompany(alpha_);
  WriteBatch broken;
  broken.Put(Family::kCandidates, "zzzzzzzzzzzzzzzz", std::string("\xff\xff\xff", 3));
  ASSERT_TRUE(store_->Write(broken).ok());
  RecordingObserver observer;
  const absl::Status status = records_->Subscribe(&observer);
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr("zzzzzzzzzzzzzzzz"));
}

TEST_F(RecordStoreTest, SeatsTakenStaysWithinSeats) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::TrainingOffer offer = MakeOffer(alpha_, company.id());  // 2 seats
  EXPECT_EQ(records_->AdjustSeatsTaken(offer.id(), -1).status().code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(records_->AdjustSeatsTaken(offer.id(), 2).ok());
  EXPECT_EQ(records_->AdjustSeatsTaken(offer.id(), 1).status().code(),
            absl::StatusCode::kFailedPrecondition);

  auto current = records_->Get<v1::TrainingOffer>(alpha_, offer.id());
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->seats_taken(), 2);
  v1::TrainingOffer change = *current;
  change.set_seats(1);
  EXPECT_EQ(records_->Update(alpha_, change).status().code(),
            absl::StatusCode::kFailedPrecondition);
  change.set_seats(3);
  change.set_seats_taken(0);  // output only: the stored count stays
  EXPECT_EQ(records_->Update(alpha_, change)->seats_taken(), 2);
}

TEST_F(RecordStoreTest, OfferWithSeatsTakenCannotBeDeletedUntilTheyAreFreed) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::TrainingOffer offer = MakeOffer(alpha_, company.id());
  ASSERT_TRUE(records_->AdjustSeatsTaken(offer.id(), 1).ok());
  const absl::Status refused = records_->Delete<v1::TrainingOffer>(alpha_, offer.id(), 0);
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(refused.message()), HasSubstr("seats taken"));
  EXPECT_TRUE(records_->Get<v1::TrainingOffer>(alpha_, offer.id()).ok());  // nothing written
  ASSERT_TRUE(records_->AdjustSeatsTaken(offer.id(), -1).ok());
  EXPECT_TRUE(records_->Delete<v1::TrainingOffer>(alpha_, offer.id(), 0).ok());
}

// A delete guard that keeps data of its own under "guarded/<id>" in the index family:
// it refuses to delete a record while `refuse` is set, and otherwise removes its entry
// in the delete's batch and notes, after the commit, whether the record was gone.
class KeyedDeleteGuard final : public RecordDeleteGuard {
 public:
  static std::string KeyOf(std::string_view id) {
    return absl::StrCat("guarded/", std::string(id));
  }

  absl::Status CheckDelete(RecordKind kind, std::string_view id, const KvStore& store,
                           DeleteEffects* effects) override {
    consulted.push_back(absl::StrCat(RecordKindName(kind), " ", std::string(id)));
    if (refuse) {
      return WithField(absl::FailedPreconditionError("id: guarded; release it first"),
                       "id");
    }
    effects->writes.Delete(Family::kIndex, KeyOf(id));
    effects->after_commit.push_back([&store, this, id = std::string(id)] {
      record_gone_after_commit =
          absl::IsNotFound(store.Get(Family::kCandidates, id).status());
    });
    return absl::OkStatus();
  }

  bool refuse = false;
  std::vector<std::string> consulted;
  bool record_gone_after_commit = false;
};

TEST_F(RecordStoreTest, DeleteGuardRefusalWritesNothingAndNotifiesNobody) {
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("cand-1"));
  KeyedDeleteGuard guard;
  guard.refuse = true;
  records_->AddDeleteGuard(&guard);
  RecordingObserver observer;
  ASSERT_TRUE(records_->Subscribe(&observer).ok());
  const StoreDump before = Dump();
  const absl::Status refused = records_->Delete<v1::Candidate>(alpha_, candidate.id(), 0);
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(FirstViolatedField(refused), "id");
  EXPECT_THAT(guard.consulted, ElementsAre("candidate " + candidate.id()));
  EXPECT_EQ(Dump(), before);
  EXPECT_THAT(observer.events, ElementsAre("candidate -->v1"));  // the replay only
  records_->Unsubscribe(&observer);
  records_->RemoveDeleteGuard(&guard);
}

TEST_F(RecordStoreTest, DeleteGuardWritesCommitWithTheDelete) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("cand-1"));
  WriteBatch guarded;
  guarded.Put(Family::kIndex, KeyedDeleteGuard::KeyOf(candidate.id()), "x");
  ASSERT_TRUE(store_->Write(guarded).ok());
  KeyedDeleteGuard guard;
  records_->AddDeleteGuard(&guard);
  ASSERT_TRUE(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 0).ok());
  EXPECT_EQ(store_->Get(Family::kIndex, KeyedDeleteGuard::KeyOf(candidate.id()))
                .status()
                .code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(guard.record_gone_after_commit);
  // Every kind is offered to the guard; a removed guard is not consulted.
  ASSERT_TRUE(records_->Delete<v1::Company>(alpha_, company.id(), 0).ok());
  EXPECT_THAT(guard.consulted,
              ElementsAre("candidate " + candidate.id(), "company " + company.id()));
  records_->RemoveDeleteGuard(&guard);
  const v1::Candidate other = *records_->Create(alpha_, SampleCandidate("cand-2"));
  guard.refuse = true;
  EXPECT_TRUE(records_->Delete<v1::Candidate>(alpha_, other.id(), 0).ok());
  EXPECT_THAT(guard.consulted, SizeIs(2));
}

TEST_F(RecordStoreTest, DeleteRefusedForAnotherReasonDoesNotConsultTheGuards) {
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("cand-1"));
  KeyedDeleteGuard guard;
  records_->AddDeleteGuard(&guard);
  EXPECT_EQ(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 7).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(records_->Delete<v1::Candidate>(beta_, candidate.id(), 0).code(),
            absl::StatusCode::kNotFound);
  EXPECT_THAT(guard.consulted, IsEmpty());
  records_->RemoveDeleteGuard(&guard);
}

TEST_F(RecordStoreTest, SeatChangeForADeletedCandidateWritesNothing) {
  const v1::Company company = MakeCompany(alpha_);
  const v1::TrainingOffer offer = MakeOffer(alpha_, company.id());
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("cand-1"));
  WriteBatch placement;
  placement.Put(Family::kPlacements, "placement0000001", "accepted");
  ASSERT_TRUE(records_->AdjustSeatsTaken(offer.id(), +1, placement, candidate.id()).ok());
  ASSERT_TRUE(records_->AdjustSeatsTaken(offer.id(), -1).ok());
  // The candidate is deleted between a caller's check and its write.
  ASSERT_TRUE(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 0).ok());
  WriteBatch late;
  late.Put(Family::kPlacements, "placement0000002", "accepted");
  const StoreDump before = Dump();
  const absl::StatusOr<v1::TrainingOffer> refused =
      records_->AdjustSeatsTaken(offer.id(), +1, late, candidate.id());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FirstViolatedField(refused.status()), "candidate_id");
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr(candidate.id()));
  EXPECT_EQ(Dump(), before);
  EXPECT_EQ(records_->Get<v1::TrainingOffer>(alpha_, offer.id())->seats_taken(), 0);
  EXPECT_EQ(records_->AdjustSeatsTaken(offer.id(), +1, late, "not-an-id").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RecordStoreTest, WriteForCandidateWritesOnlyWhileTheCandidateExists) {
  const v1::Candidate candidate = *records_->Create(alpha_, SampleCandidate("cand-1"));
  WriteBatch batch;
  batch.Put(Family::kPlacements, "placement0000001", "rejected");
  ASSERT_TRUE(records_->WriteForCandidate(candidate.id(), batch).ok());
  EXPECT_EQ(*store_->Get(Family::kPlacements, "placement0000001"), "rejected");
  ASSERT_TRUE(records_->Delete<v1::Candidate>(alpha_, candidate.id(), 0).ok());
  WriteBatch late;
  late.Put(Family::kPlacements, "placement0000002", "rejected");
  const absl::Status refused = records_->WriteForCandidate(candidate.id(), late);
  EXPECT_EQ(refused.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FirstViolatedField(refused), "candidate_id");
  EXPECT_EQ(store_->Get(Family::kPlacements, "placement0000002").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(RecordStoreTest, RecordsAndIndexesSurviveReopening) {
  const v1::Company company = MakeCompany(alpha_, "c-1");
  const v1::TrainingOffer offer = MakeOffer(alpha_, company.id(), "o-1");
  Reopen();
  auto stored = records_->Get<v1::TrainingOffer>(alpha_, offer.id());
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(stored->SerializeAsString(), offer.SerializeAsString());
  EXPECT_EQ(records_->Create(alpha_, SampleCompany("c-1")).status().code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(records_->Delete<v1::Company>(alpha_, company.id(), 0).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(RecordStoreTest, ConcurrentUpsertsOfOneExternalIdMakeOneRecord) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        EXPECT_TRUE(records_->Upsert(alpha_, SampleCandidate("same")).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  auto page = records_->List<v1::Candidate>(alpha_, {});
  ASSERT_TRUE(page.ok());
  ASSERT_THAT(page->records, SizeIs(1));
  EXPECT_EQ(page->records[0].version(), 100);
}

}  // namespace
}  // namespace azubimatch::service
