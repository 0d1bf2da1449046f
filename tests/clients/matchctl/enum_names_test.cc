#include "clients/matchctl/enum_names.h"

#include "azubimatch/v1/common.pb.h"
#include "azubimatch/v1/records.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;

TEST(EnumNamesTest, ShortNamesDropTheEnumPrefixAndAreLowerCase) {
  EXPECT_EQ(EnumShortName(v1::CefrLevel_descriptor(), v1::CEFR_LEVEL_B1), "b1");
  EXPECT_EQ(EnumShortName(v1::TravelMode_descriptor(), v1::TRAVEL_MODE_PUBLIC_TRANSPORT),
            "public_transport");
  EXPECT_EQ(EnumShortName(v1::OfferStatus_descriptor(), v1::OFFER_STATUS_FILLED),
            "filled");
  EXPECT_EQ(EnumShortName(v1::Sector_descriptor(), 0), "unspecified");
  EXPECT_EQ(EnumShortName(v1::Sector_descriptor(), 99), "99");
}

TEST(EnumNamesTest, ParsingAcceptsShortAndFullNamesInAnyCaseWithDashesOrSpaces) {
  EXPECT_EQ(*ParseEnumName(v1::CefrLevel_descriptor(), "B1"), v1::CEFR_LEVEL_B1);
  EXPECT_EQ(*ParseEnumName(v1::CefrLevel_descriptor(), "cefr_level_c2"),
            v1::CEFR_LEVEL_C2);
  EXPECT_EQ(*ParseEnumName(v1::TravelMode_descriptor(), "public-transport"),
            v1::TRAVEL_MODE_PUBLIC_TRANSPORT);
  EXPECT_EQ(*ParseEnumName(v1::TravelMode_descriptor(), " Public Transport "),
            v1::TRAVEL_MODE_PUBLIC_TRANSPORT);
  EXPECT_EQ(*ParseEnumName(v1::SchoolCertificate_descriptor(), "abitur"),
            v1::SCHOOL_CERTIFICATE_ABITUR);
  EXPECT_EQ(*ParseEnumName(v1::Sector_descriptor(), "IT"), v1::SECTOR_IT);
  EXPECT_EQ(*ParseEnumName(v1::Chamber_descriptor(), "hwk"), v1::CHAMBER_HWK);
}

TEST(EnumNamesTest, DomainAliases) {
  EXPECT_EQ(*ParseEnumName(v1::CefrLevel_descriptor(), "native"), v1::CEFR_LEVEL_C2);
  EXPECT_EQ(*ParseEnumName(v1::SchoolCertificate_descriptor(), "Realschulabschluss"),
            v1::SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS);
  EXPECT_EQ(*ParseEnumName(v1::SchoolCertificate_descriptor(), "erster schulabschluss"),
            v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS);
  EXPECT_EQ(
      *ParseEnumName(v1::SchoolCertificate_descriptor(), "allgemeine-hochschulreife"),
      v1::SCHOOL_CERTIFICATE_ABITUR);
  // An alias of one enum means nothing for another.
  EXPECT_FALSE(ParseEnumName(v1::Sector_descriptor(), "native").ok());
}

TEST(EnumNamesTest, UnknownNameIsInvalidArgumentListingTheChoices) {
  const absl::StatusOr<int> level = ParseEnumName(v1::CefrLevel_descriptor(), "B3");
  ASSERT_EQ(level.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(level.status().message(), HasSubstr("\"B3\""));
  EXPECT_THAT(level.status().message(), HasSubstr("a1, a2, b1, b2, c1, c2"));
}

}  // namespace
}  // namespace azubimatch::matchctl
