#include "clients/demo/ascii_slug.h"

#include "gtest/gtest.h"

namespace azubimatch::clients {
namespace {

TEST(AsciiSlugTest, TransliteratesHeritageLetters) {
  EXPECT_EQ(AsciiSlug("Yılmaz Kfz-Service GmbH"), "yilmaz-kfz-service-gmbh");
  EXPECT_EQ(AsciiSlug("Kovačević Elektrotechnik"), "kovacevic-elektrotechnik");
  EXPECT_EQ(AsciiSlug("Đorđević"), "djordjevic");
  EXPECT_EQ(AsciiSlug("Wiśniewski & Söhne"), "wisniewski-soehne");
  EXPECT_EQ(AsciiSlug("Ionuț Größ"), "ionut-groess");
}

TEST(AsciiSlugTest, CollapsesAndTrimsSeparators) {
  EXPECT_EQ(AsciiSlug("  Dr. X --  Y  "), "dr-x-y");
  EXPECT_EQ(AsciiSlug(""), "");
  EXPECT_EQ(AsciiSlug("---"), "");
}

TEST(AsciiSlugTest, DropsUnknownCharactersAsSeparators) {
  EXPECT_EQ(AsciiSlug("Café→Bar"), "cafe-bar");
  EXPECT_EQ(AsciiSlug("Falafel—Bar"), "falafel-bar");
}

}  // namespace
}  // namespace azubimatch::clients
