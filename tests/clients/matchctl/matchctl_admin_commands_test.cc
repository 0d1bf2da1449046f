// matchctl's member, key and audit commands against matchd's services with access
// control, in process.
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "clients/matchctl/run_matchctl.h"
#include "gtest/gtest.h"
#include "tests/service/admin/authenticated_server.h"

namespace azubimatch::service {
namespace {

struct MatchctlRun {
  int exit_code;
  std::string out, err;
};

class MatchctlAdminCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server_.ok()); }

  MatchctlRun Matchctl(std::vector<std::string> args, const std::string& key) {
    std::istringstream in;
    std::ostringstream out, err;
    matchctl::MatchctlIo io;
    io.in = &in;
    io.out = &out;
    io.err = &err;
    io.environment["AZUBIMATCH_SERVER"] = server_.address();
    if (!key.empty()) io.environment["AZUBIMATCH_API_KEY"] = key;
    int code = matchctl::RunMatchctl(args, io);
    return {code, out.str(), err.str()};
  }

  // The string value of "field" in a one-line JSON object.
  static std::string JsonString(const std::string& json, const std::string& field) {
    const std::string marker = "\"" + field + "\":\"";
    size_t begin = json.find(marker);
    if (begin == std::string::npos) return "";
    begin += marker.size();
    return json.substr(begin, json.find('"', begin) - begin);
  }

  AuthenticatedServer server_;
};

TEST_F(MatchctlAdminCommandsTest, MemberAndKeyCreationPrintIdsAndTheKeyOnce) {
  MatchctlRun member = Matchctl({"member", "create", "Netzwerk Reutlingen", "--json"},
                                server_.admin_key());
  ASSERT_EQ(member.exit_code, 0) << member.err;
  const std::string member_id = JsonString(member.out, "id");
  ASSERT_EQ(member_id.size(), 16u) << member.out;

  MatchctlRun key = Matchctl({"key", "create", "--member", member_id, "--role", "officer",
                              "--label", "Büro", "--json"},
                             server_.admin_key());
  ASSERT_EQ(key.exit_code, 0) << key.err;
  const std::string key_id = JsonString(key.out, "id");
  const std::string officer_key = JsonString(key.out, "key");
  EXPECT_TRUE(absl::StartsWith(officer_key, "azm_" + key_id + "_")) << key.out;

  MatchctlRun list =
      Matchctl({"key", "list", "--member", member_id}, server_.admin_key());
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(absl::StrContains(list.out, key_id)) << list.out;
  EXPECT_FALSE(absl::StrContains(list.out, officer_key)) << list.out;

  MatchctlRun members = Matchctl({"member", "list", "--json"}, server_.admin_key());
  ASSERT_EQ(members.exit_code, 0) << members.err;
  EXPECT_TRUE(absl::StartsWith(members.out, "{\"members\":[")) << members.out;
  EXPECT_TRUE(absl::StrContains(members.out, member_id));

  // The officer key works for the registry but not for administration: exit 1.
  EXPECT_EQ(Matchctl({"list", "offers"}, officer_key).exit_code, 0);
  MatchctlRun refused = Matchctl({"member", "list"}, officer_key);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(refused.err, "PERMISSION_DENIED")) << refused.err;
}

TEST_F(MatchctlAdminCommandsTest, RevokedKeyIsRefusedByTheNextCommand) {
  std::string member_id = server_.NewMember("Netzwerk Ludwigsburg");
  CreatedApiKey key = server_.NewKey(member_id, "portal");
  ASSERT_EQ(Matchctl({"list", "companies"}, key.key).exit_code, 0);
  MatchctlRun revoke = Matchctl({"key", "revoke", key.info.id()}, server_.admin_key());
  ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
  EXPECT_TRUE(absl::StrContains(revoke.out, "revoked")) << revoke.out;
  MatchctlRun refused = Matchctl({"list", "companies"}, key.key);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(absl::StrContains(refused.err, "UNAUTHENTICATED")) << refused.err;
  EXPECT_EQ(Matchctl({"list", "companies"}, "").exit_code, 1);
}

TEST_F(MatchctlAdminCommandsTest, AuditShowsEntriesAndAnIntactChain) {
  ASSERT_EQ(Matchctl({"member", "create", "Netzwerk Sindelfingen"}, server_.admin_key())
                .exit_code,
            0);
  MatchctlRun audit = Matchctl({"audit", "--json"}, server_.admin_key());
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_TRUE(absl::StrContains(audit.out, "\"chain_intact\":true")) << audit.out;
  EXPECT_TRUE(absl::StrContains(audit.out, "/azubimatch.v1.Admin/CreateMember"))
      << audit.out;
  MatchctlRun table =
      Matchctl({"audit", "--after", "0", "--limit", "10"}, server_.admin_key());
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_TRUE(absl::StrContains(table.out, "hash chain intact")) << table.out;
  EXPECT_EQ(Matchctl({"audit", "--limit", "0"}, server_.admin_key()).exit_code, 2);
  EXPECT_EQ(Matchctl({"key", "frobnicate"}, server_.admin_key()).exit_code, 2);
  EXPECT_EQ(Matchctl({"key", "create", "--member", "x"}, server_.admin_key()).exit_code,
            2);
}

}  // namespace
}  // namespace azubimatch::service
