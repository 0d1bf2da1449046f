// ErasureRecord's text form and the ErasureLedger side file: round trips, malformed
// input, torn appends, duplicates and atomic rewrites.
#include "service/data_protection/erasure_ledger.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/data_protection/erasure_record.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kHashA(64, 'a');
const std::string kHashB = std::string(63, '0') + "f";

TEST(ErasureRecordTest, EncodeDecodeRoundTrips) {
  const ErasureRecord record{kHashA, "membera000000001", 1767225600};
  EXPECT_EQ(EncodeErasureRecord(record), kHashA + " membera000000001 1767225600");
  auto decoded = DecodeErasureRecord(EncodeErasureRecord(record));
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, record);
}

TEST(ErasureRecordTest, EmptyMemberIsWrittenAsDashAndReadBackEmpty) {
  const ErasureRecord record{kHashB, "", 3};
  EXPECT_EQ(EncodeErasureRecord(record), kHashB + " - 3");
  EXPECT_EQ(DecodeErasureRecord(kHashB + " - 3").value(), record);
}

TEST(ErasureRecordTest, MalformedTextIsInvalidArgument) {
  for (const std::string& text :
       {std::string(""), kHashA, kHashA + " m", kHashA + " m x", kHashA + " m -1",
        std::string(64, 'A') + " m 1", std::string(63, 'a') + " m 1", kHashA + "  m 1",
        kHashA + " m 1 extra"}) {
    EXPECT_EQ(DecodeErasureRecord(text).status().code(),
              absl::StatusCode::kInvalidArgument)
        << text;
  }
}

TEST(ErasureRecordTest, PseudonymIsPrefixAndTwelveHexDigits) {
  EXPECT_EQ(Pseudonym(kHashB), "erased-000000000000");
  EXPECT_EQ(Pseudonym("0123456789abcdef" + std::string(48, '0')), "erased-0123456789ab");
  EXPECT_TRUE(IsIdHash(kHashA));
  EXPECT_FALSE(IsIdHash("erased-0123456789ab"));
}

class ErasureLedgerTest : public ::testing::Test {
 protected:
  ScopedTempDir dir_;
  ErasureLedger ledger_{dir_.Sub("data")};
};

TEST_F(ErasureLedgerTest, MissingFileLoadsEmpty) {
  auto records = ledger_.Load();
  ASSERT_TRUE(records.ok());
  EXPECT_THAT(*records, IsEmpty());
}

TEST_F(ErasureLedgerTest, AppendedRecordsLoadInOrderAndDuplicatesOnce) {
  ASSERT_TRUE(ledger_.Append({kHashA, "m1", 1}).ok());
  ASSERT_TRUE(ledger_.Append({kHashB, "", 2}).ok());
  ASSERT_TRUE(ledger_.Append({kHashA, "m1", 3}).ok());
  auto records = ledger_.Load();
  ASSERT_TRUE(records.ok());
  EXPECT_THAT(*records,
              ElementsAre(ErasureRecord{kHashA, "m1", 1}, ErasureRecord{kHashB, "", 2}));
  EXPECT_EQ(std::filesystem::status(ledger_.path()).permissions() &
                std::filesystem::perms::others_read,
            std::filesystem::perms::none);
}

TEST_F(ErasureLedgerTest, TornLastLineIsSkipped) {
  ASSERT_TRUE(ledger_.Append({kHashA, "m1", 1}).ok());
  {
    std::ofstream out(ledger_.path(), std::ios::app);
    out << kHashB.substr(0, 20);
  }
  auto records = ledger_.Load();
  ASSERT_TRUE(records.ok());
  EXPECT_THAT(*records, ElementsAre(ErasureRecord{kHashA, "m1", 1}));
}

TEST_F(ErasureLedgerTest, AppendOfSomethingElseThanAHashIsInvalidArgument) {
  EXPECT_EQ(ledger_.Append({"16charcandidate1", "m1", 1}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(std::filesystem::exists(ledger_.path()));
}

TEST_F(ErasureLedgerTest, RewriteReplacesTheContents) {
  ASSERT_TRUE(ledger_.Append({kHashA, "m1", 1}).ok());
  ASSERT_TRUE(ledger_.Rewrite({{kHashB, "m2", 2}}).ok());
  EXPECT_THAT(ledger_.Load().value(), ElementsAre(ErasureRecord{kHashB, "m2", 2}));
  EXPECT_FALSE(std::filesystem::exists(ledger_.path() + ".tmp"));
}

}  // namespace
}  // namespace azubimatch::service
