#include "service/auth/bootstrap.h"

#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "gtest/gtest.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/temp_store.h"

namespace azubimatch::service {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

mode_t ModeOf(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

class BootstrapTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenTempStore(dir_, "db");
    ASSERT_NE(store_, nullptr);
    members_ = std::make_unique<MemberStore>(store_.get());
    keys_ = std::make_unique<ApiKeyStore>(store_.get(), members_.get());
  }

  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<MemberStore> members_;
  std::unique_ptr<ApiKeyStore> keys_;
};

TEST_F(BootstrapTest, FreshStoreGetsAnAdminKeyInAFileOfMode0600HoldingOnlyTheKey) {
  // Even with a permissive umask the file is 0600.
  mode_t old_umask = ::umask(0);
  absl::StatusOr<BootstrapResult> result = BootstrapAdminKey(keys_.get(), dir_.path());
  ::umask(old_umask);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_TRUE(result->created);
  EXPECT_EQ(result->key_file, dir_.Sub("admin.key"));
  EXPECT_EQ(ModeOf(result->key_file), 0600);
  std::string contents = ReadAll(result->key_file);
  ASSERT_FALSE(contents.empty());
  EXPECT_EQ(contents.back(), '\n');
  std::string key = contents.substr(0, contents.size() - 1);
  EXPECT_EQ(key.find('\n'), std::string::npos);
  absl::StatusOr<Caller> caller = keys_->Authenticate(key);
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->role, Role::kAdmin);
  EXPECT_EQ(caller->key_id, result->key_id);
  EXPECT_TRUE(caller->member_id.empty());
}

TEST_F(BootstrapTest, StoreWithAnAdminKeyKeepsItsFileAndCreatesNothing) {
  absl::StatusOr<BootstrapResult> first = BootstrapAdminKey(keys_.get(), dir_.path());
  ASSERT_TRUE(first.ok() && first->created);
  const std::string contents = ReadAll(first->key_file);
  absl::StatusOr<BootstrapResult> second = BootstrapAdminKey(keys_.get(), dir_.path());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_FALSE(second->created);
  EXPECT_EQ(ReadAll(first->key_file), contents);
  auto keys = keys_->List("");
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->size(), 1u);
}

TEST_F(BootstrapTest, StaleWorldReadableKeyFileIsReplacedByAFresh0600One) {
  const std::string path = dir_.Sub("admin.key");
  {
    std::ofstream stale(path);
    stale << "azm_stale\n";
  }
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  absl::StatusOr<BootstrapResult> result = BootstrapAdminKey(keys_.get(), dir_.path());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->created);
  EXPECT_EQ(ModeOf(path), 0600);
  std::string contents = ReadAll(path);
  EXPECT_NE(contents, "azm_stale\n");
  EXPECT_TRUE(keys_->Authenticate(contents.substr(0, contents.size() - 1)).ok());
}

TEST_F(BootstrapTest, UnwritableFolderFailsAndStoresNoKey) {
  const std::string blocked = dir_.Sub("blocked");
  // A file where the folder should be: the key file cannot be created under it.
  { std::ofstream file(blocked); }
  absl::StatusOr<BootstrapResult> result = BootstrapAdminKey(keys_.get(), blocked);
  EXPECT_FALSE(result.ok());
  auto has_admin = keys_->HasActiveAdminKey();
  ASSERT_TRUE(has_admin.ok());
  EXPECT_FALSE(*has_admin);
}

}  // namespace
}  // namespace azubimatch::service
