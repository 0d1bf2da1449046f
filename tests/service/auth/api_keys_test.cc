#include "service/auth/api_keys.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "service/auth/api_key_format.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/temp_store.h"

namespace azubimatch::service {
namespace {

class ApiKeyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenTempStore(dir_);
    ASSERT_NE(store_, nullptr);
    members_ = std::make_unique<MemberStore>(store_.get());
    keys_ = std::make_unique<ApiKeyStore>(store_.get(), members_.get());
    auto member = members_->Create("Netzwerk Stuttgart");
    ASSERT_TRUE(member.ok()) << member.status();
    member_id_ = member->id();
  }

  CreatedApiKey MustCreate(const std::string& role, const std::string& member_id) {
    v1::CreateApiKeyRequest request;
    request.set_role(role);
    request.set_member_id(member_id);
    absl::StatusOr<CreatedApiKey> created = keys_->Create(request);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : CreatedApiKey{};
  }

  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<MemberStore> members_;
  std::unique_ptr<ApiKeyStore> keys_;
  std::string member_id_;
};

TEST_F(ApiKeyStoreTest, CreatedKeyAuthenticatesAsItsMemberAndRole) {
  CreatedApiKey created = MustCreate("portal", member_id_);
  EXPECT_EQ(created.info.member_id(), member_id_);
  EXPECT_EQ(created.info.role(), "portal");
  EXPECT_TRUE(created.info.has_created_at());
  EXPECT_FALSE(created.info.has_revoked_at());
  absl::StatusOr<Caller> caller = keys_->Authenticate(created.key);
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->member_id, member_id_);
  EXPECT_EQ(caller->key_id, created.info.id());
  EXPECT_EQ(caller->role, Role::kPortal);
}

TEST_F(ApiKeyStoreTest, StoreHoldsOnlyTheHashNeverTheKeyOrItsSecret) {
  CreatedApiKey created = MustCreate("officer", member_id_);
  const std::string secret = created.key.substr(created.key.rfind('_') + 1);
  int records = 0;
  ASSERT_TRUE(store_
                  ->Scan(Family::kKeys, "", "",
                         [&](std::string_view key, std::string_view value) {
                           ++records;
                           EXPECT_EQ(value.find(created.key), std::string_view::npos);
                           EXPECT_EQ(value.find(secret), std::string_view::npos);
                           v1::StoredApiKey stored;
                           EXPECT_TRUE(stored.ParseFromArray(value.data(), value.size()));
                           EXPECT_EQ(stored.key_sha256(), ApiKeyHash(created.key));
                           return true;
                         })
                  .ok());
  EXPECT_EQ(records, 1);
}

TEST_F(ApiKeyStoreTest, WrongSecretUnknownIdAndGarbageAreUnauthenticated) {
  CreatedApiKey created = MustCreate("officer", member_id_);
  std::string wrong_secret = created.key;
  wrong_secret.back() = wrong_secret.back() == 'a' ? 'b' : 'a';
  absl::StatusOr<GeneratedApiKey> unknown = GenerateApiKey();
  ASSERT_TRUE(unknown.ok());
  for (const std::string& key : {wrong_secret, unknown->key, std::string("letmein")}) {
    EXPECT_EQ(keys_->Authenticate(key).status().code(),
              absl::StatusCode::kUnauthenticated);
  }
}

TEST_F(ApiKeyStoreTest, RevocationTakesEffectForTheNextCheck) {
  CreatedApiKey admin = MustCreate("admin", "");
  CreatedApiKey officer = MustCreate("officer", member_id_);
  ASSERT_TRUE(keys_->Authenticate(officer.key).ok());
  absl::StatusOr<v1::ApiKeyInfo> revoked = keys_->Revoke(officer.info.id());
  ASSERT_TRUE(revoked.ok()) << revoked.status();
  EXPECT_TRUE(revoked->has_revoked_at());
  EXPECT_EQ(keys_->Authenticate(officer.key).status().code(),
            absl::StatusCode::kUnauthenticated);
  // Revoking again changes nothing.
  absl::StatusOr<v1::ApiKeyInfo> again = keys_->Revoke(officer.info.id());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->revoked_at().seconds(), revoked->revoked_at().seconds());
  EXPECT_EQ(again->revoked_at().nanos(), revoked->revoked_at().nanos());
  EXPECT_TRUE(keys_->Authenticate(admin.key).ok());
}

// Records are kept in memory after the first check: a wrong secret still fails against
// the kept record, and no check after Revoke returned passes, also while other threads
// keep checking the key during the revocation.
TEST_F(ApiKeyStoreTest,
       KeptRecordsStillCheckTheSecretAndRevocationWinsOverConcurrentChecks) {
  CreatedApiKey admin = MustCreate("admin", "");
  CreatedApiKey officer = MustCreate("officer", member_id_);
  ASSERT_TRUE(keys_->Authenticate(officer.key).ok());
  std::string wrong_secret = officer.key;
  wrong_secret.back() = wrong_secret.back() == 'a' ? 'b' : 'a';
  EXPECT_EQ(keys_->Authenticate(wrong_secret).status().code(),
            absl::StatusCode::kUnauthenticated);

  std::atomic<bool> revoked{false};
  std::atomic<int> passed_after_revoke{0};
  std::atomic<int> checks{0};
  std::vector<std::thread> checkers;
  for (int t = 0; t < 4; ++t) {
    checkers.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        const bool after = revoked.load();
        checks.fetch_add(1);
        if (keys_->Authenticate(officer.key).ok() && after)
          passed_after_revoke.fetch_add(1);
      }
    });
  }
  while (checks.load() < 100) std::this_thread::yield();  // the checkers are running
  ASSERT_TRUE(keys_->Revoke(officer.info.id()).ok());
  revoked.store(true);
  for (std::thread& checker : checkers) checker.join();
  EXPECT_EQ(passed_after_revoke.load(), 0);
  EXPECT_EQ(keys_->Authenticate(officer.key).status().code(),
            absl::StatusCode::kUnauthenticated);
  // A second store object over the same data (a restart) sees the revocation too.
  ApiKeyStore reopened(store_.get(), members_.get());
  EXPECT_EQ(reopened.Authenticate(officer.key).status().code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_TRUE(reopened.Authenticate(admin.key).ok());
}

TEST_F(ApiKeyStoreTest, LastActiveAdminKeyCannotBeRevoked) {
  CreatedApiKey first = MustCreate("admin", "");
  EXPECT_EQ(keys_->Revoke(first.info.id()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  CreatedApiKey second = MustCreate("admin", "");
  EXPECT_TRUE(keys_->Revoke(first.info.id()).ok());
  EXPECT_EQ(keys_->Revoke(second.info.id()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(keys_->Authenticate(second.key).ok());
}

TEST_F(ApiKeyStoreTest, CreateChecksRoleMemberAndLabel) {
  v1::CreateApiKeyRequest request;
  request.set_member_id(member_id_);
  EXPECT_EQ(keys_->Create(request).status().message(), "role: required");
  request.set_role("root");
  EXPECT_EQ(keys_->Create(request).status().code(), absl::StatusCode::kInvalidArgument);
  request.set_role("officer");
  request.clear_member_id();
  absl::Status no_member = keys_->Create(request).status();
  EXPECT_EQ(no_member.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(no_member.message(), "member_id:")) << no_member;
  request.set_member_id("nosuchmember0000");
  EXPECT_EQ(keys_->Create(request).status().code(), absl::StatusCode::kNotFound);
  request.set_member_id(member_id_);
  request.set_label(std::string(201, 'x'));
  absl::Status long_label = keys_->Create(request).status();
  EXPECT_EQ(long_label.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(long_label.message(), "label:")) << long_label;
  absl::StatusOr<std::vector<v1::ApiKeyInfo>> keys = keys_->List("");
  ASSERT_TRUE(keys.ok());
  EXPECT_TRUE(keys->empty());
}

TEST_F(ApiKeyStoreTest, ListFiltersByMember) {
  auto other = members_->Create("Netzwerk Mannheim");
  ASSERT_TRUE(other.ok());
  MustCreate("officer", member_id_);
  MustCreate("analyst", member_id_);
  MustCreate("portal", other->id());
  MustCreate("admin", "");
  auto mine = keys_->List(member_id_);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 2u);
  for (const v1::ApiKeyInfo& info : *mine) EXPECT_EQ(info.member_id(), member_id_);
  auto all = keys_->List("");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 4u);
}

TEST_F(ApiKeyStoreTest, FailingBeforeStoreHookStoresNothing) {
  v1::CreateApiKeyRequest request;
  request.set_role("admin");
  absl::Status status =
      keys_
          ->Create(request,
                   [](const CreatedApiKey&) { return absl::UnavailableError("disk"); })
          .status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  auto has_admin = keys_->HasActiveAdminKey();
  ASSERT_TRUE(has_admin.ok());
  EXPECT_FALSE(*has_admin);
}

TEST(MemberStoreTest, CreateChecksNameAndListPagesInIdOrder) {
  ScopedTempDir dir;
  std::unique_ptr<RocksDbStore> store = OpenTempStore(dir);
  ASSERT_NE(store, nullptr);
  MemberStore members(store.get());
  EXPECT_EQ(members.Create("").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(members.Create("   ").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(members.Create("a\nb").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(members.Create("\xff").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(members.Create(std::string(201, 'x')).status().code(),
            absl::StatusCode::kInvalidArgument);
  // 200 characters of two bytes each are fine.
  std::string umlauts;
  for (int i = 0; i < 200; ++i) umlauts += "\xc3\xbc";
  EXPECT_TRUE(members.Create(umlauts).ok());
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(members.Create("Mitglied").ok());
  std::vector<std::string> ids;
  std::string token;
  do {
    auto page = members.List(2, token);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->members.size(), 2u);
    for (const v1::Member& m : page->members) ids.push_back(m.id());
    token = page->next_page_token;
  } while (!token.empty());
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(members.List(-1, "").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(members.Get("nosuchmember0000").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace azubimatch::service
