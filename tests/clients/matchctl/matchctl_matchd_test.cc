// matchctl against a real in-process matchd (service/server) on 127.0.0.1:0 over a
// RocksDB folder in a temporary directory: CSV import with company references by
// external_id, errors mapped to lines, listing, get, add, delete, re-import as update,
// field violations of real validation, and the demo cohort.
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/server/server.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/clients/matchctl/matchctl_runner.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

// The values of every "id":"..." in `json`, in order.
std::vector<std::string> Ids(const std::string& json) {
  static const std::regex kId("\"id\":\"([0-9a-z]*)\"");
  std::vector<std::string> ids;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), kId);
       it != std::sregex_iterator(); ++it) {
    ids.push_back((*it)[1]);
  }
  return ids;
}

constexpr char kCompaniesCsv[] =
    "external_id,name,sector,latitude,longitude,postal_code,municipality,languages,may_"
    "train,"
    "chamber,qualified_trainers,contact_name,contact_email\n"
    "c-1,Yilmaz Lebensmittel GmbH,trade,48.7758,9.1829,70173,Stuttgart,de;tr,yes,ihk,2,"
    "Aylin Yilmaz,ausbildung@yilmaz.example\n"
    "c-2,\"Salon Rossi, Inh. G. "
    "Rossi\",crafts,49.4875,8.4660,68159,Mannheim,de;it,yes,hwk,1,"
    "Giulia Rossi,info@rossi.example\n";

constexpr char kOffersCsv[] =
    "external_id;company_external_id;kldb_code;occupation_title;sector;seats;start_date;"
    "latitude;longitude;postal_code;municipality;min_certificate;required_languages\n"
    "o-1;c-1;62102;Kaufmann/-frau im "
    "Einzelhandel;trade;2;01.09.2025;48,7758;9,1829;70173;"
    "Stuttgart;hauptschulabschluss;de:B1\n"
    "o-2;c-2;82302;Friseur/in;crafts;0;2025-08-01;49,4875;8,466;68159;Mannheim;none;"
    "\"de:B1;it:A2\"\n"  // line 3: no seats
    "o-3;c-9;82302;Friseur/"
    "in;crafts;1;2025-08-01;49,4875;8,466;68159;Mannheim;none;de:B1\n"
    "o-4;c-2;82302;Friseur/in;crafts;1;2025-08-01;49,4875;8,466;68159;Mannheim;none;"
    "\"de:B1;it:A2\"\n";

class MatchctlMatchdTest : public testing::Test {
 protected:
  void SetUp() override {
    service::ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.sync_writes = false;
    options.log_requests = false;
    auto server = service::Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    ASSERT_TRUE(server_->Start().ok());
    officer_ = service::NewMemberKey(*server_, "Matchctl test", "officer");
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
  }

  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = dir_.Sub(name);
    std::ofstream(path) << text;
    return path;
  }

  // Runs matchctl as the test's officer.
  CtlResult RunCtl(std::vector<std::string> args) {
    args.insert(args.begin(), {"--server", server_->bound_address(), "--api-key", officer_.key});
    return matchctl::RunCtl(args);
  }

  service::ScopedTempDir dir_;
  std::unique_ptr<service::Server> server_;
  service::MemberKey officer_;
};

TEST_F(MatchctlMatchdTest, CallsWithoutAValidKeyAreRefusedWithExitCode1) {
  CtlResult result = matchctl::RunCtl({"--server", server_->bound_address(), "list", "offers"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("UNAUTHENTICATED"));
  result = matchctl::RunCtl({"--server", server_->bound_address(), "--api-key",
                             "azm_not_a_key", "list", "offers"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("UNAUTHENTICATED"));
  // The same call with the officer's key goes through.
  EXPECT_EQ(RunCtl({"list", "offers"}).code, 0);
}

TEST_F(MatchctlMatchdTest, ImportListGetAndDeleteThroughTheRealServer) {
  const std::string companies = WriteFile("companies.csv", kCompaniesCsv);
  CtlResult result = RunCtl({"import", "companies", companies});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out,
              HasSubstr("2 companies read, 2 received by the server: 2 created, "
                        "0 updated, 0 failed"));

  const std::string offers = WriteFile("offers.csv", kOffersCsv);
  result = RunCtl({"import", "offers", offers, "--json"});
  EXPECT_EQ(result.code, 1) << result.err;
  EXPECT_THAT(result.out,
              HasSubstr("\"records\":4,\"received\":4,\"created\":2,\"updated\":0,"
                        "\"failed\":2"));
  EXPECT_THAT(result.out, HasSubstr("{\"line\":3,\"external_id\":\"o-2\",\"code\":"
                                    "\"INVALID_ARGUMENT\""));
  EXPECT_THAT(result.out,
              HasSubstr("{\"line\":4,\"external_id\":\"o-3\",\"code\":\"NOT_FOUND\""));

  result = RunCtl({"list", "offers", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::vector<std::string> offer_ids = Ids(result.out);
  ASSERT_EQ(offer_ids.size(), 2u);
  EXPECT_THAT(result.out, HasSubstr("\"version\":1,"));
  EXPECT_THAT(result.out, HasSubstr("\"seats\":2,"));

  result = RunCtl({"list", "companies"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Salon Rossi, Inh. G. Rossi"));
  EXPECT_THAT(result.out, testing::EndsWith("\n2 companies\n"));

  result = RunCtl({"list", "offers", "--municipality", "Mannheim", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(Ids(result.out).size(), 1u);

  result = RunCtl({"get", "offer", offer_ids[0], "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out, testing::StartsWith("{\"id\":\"" + offer_ids[0] + "\","));

  result = RunCtl({"delete", "offer", offer_ids[0], "--version", "2"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("FAILED_PRECONDITION"));
  result = RunCtl({"delete", "offer", offer_ids[0], "--version", "1"});
  ASSERT_EQ(result.code, 0) << result.err;
  result = RunCtl({"get", "offer", offer_ids[0]});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("matchctl: NOT_FOUND: "));

  // The same companies again: updated by external_id, not duplicated.
  result = RunCtl({"import", "companies", companies});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("0 created, 2 updated, 0 failed"));
}

TEST_F(MatchctlMatchdTest, AddShowsTheServersFieldViolations) {
  CtlResult result =
      RunCtl({"add", "company", "--name", "X", "--latitude", "95", "--json"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.out, IsEmpty());
  EXPECT_THAT(result.err, HasSubstr("matchctl: INVALID_ARGUMENT: "));
  EXPECT_THAT(result.err, HasSubstr("\n  company.sector: "));
  EXPECT_THAT(result.err, HasSubstr("\n  company.location.latitude: "));

  result = RunCtl({"add",
                   "company",
                   "--name",
                   "Demir Bau",
                   "--sector",
                   "crafts",
                   "--latitude",
                   "48.4",
                   "--longitude",
                   "9.99",
                   "--postal-code",
                   "89073",
                   "--municipality",
                   "Ulm",
                   "--languages",
                   "de;tr",
                   "--may-train",
                   "ja",
                   "--chamber",
                   "hwk",
                   "--external-id",
                   "c-ulm",
                   "--upsert",
                   "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\"created\":true}"));
  EXPECT_THAT(result.out, HasSubstr("\"municipality\":\"Ulm\""));
}

TEST_F(MatchctlMatchdTest, DemoCohortIsImportedAndASecondRunUpdatesIt) {
  CtlResult result =
      RunCtl({"demo", "--candidates", "30", "--offers", "12", "--seed", "7", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\"offers\":{\"received\":12,\"created\":12,"));
  EXPECT_THAT(result.out, HasSubstr("\"candidates\":{\"received\":30,\"created\":30,"
                                    "\"updated\":0,\"failed\":0}"));
  result = RunCtl({"list", "candidates", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(Ids(result.out).size(), 30u);

  result = RunCtl({"demo", "--candidates", "30", "--offers", "12", "--seed", "7"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("candidates        30        0       30       0"));
}

}  // namespace
}  // namespace azubimatch::matchctl
