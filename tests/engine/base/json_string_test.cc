// JsonQuote in both styles: the proto style's short escapes and pass-through bytes, the
// log-line style's \u escapes for \b \f DEL and U+FFFD for bytes that are not UTF-8.
#include "engine/base/json_string.h"

#include <string>

#include "gtest/gtest.h"

namespace azubimatch::engine {
namespace {

TEST(JsonStringTest, ProtoStyleEscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonQuote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(JsonQuote("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(JsonQuote(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(JsonQuote(std::string("\0", 1)), "\"\\u0000\"");
}

TEST(JsonStringTest, ProtoStyleCopiesDelUtf8AndInvalidBytes) {
  EXPECT_EQ(JsonQuote("\x7f"), "\"\x7f\"");
  EXPECT_EQ(JsonQuote("Müller"), "\"Müller\"");
  EXPECT_EQ(JsonQuote("\xff\xc3"), "\"\xff\xc3\"");
}

TEST(JsonStringTest, LogLineStyleEscapesBfAndDelAsUnicode) {
  EXPECT_EQ(JsonQuote("\b\f\x7f", JsonStringStyle::kLogLine), "\"\\u0008\\u000c\\u007f\"");
  EXPECT_EQ(JsonQuote("\"\\\n\r\t", JsonStringStyle::kLogLine), "\"\\\"\\\\\\n\\r\\t\"");
}

TEST(JsonStringTest, LogLineStyleReplacesEachInvalidByteAndKeepsValidUtf8) {
  EXPECT_EQ(JsonQuote("Müller €", JsonStringStyle::kLogLine), "\"Müller €\"");
  // A lone continuation byte, a truncated sequence, an overlong '/' and a surrogate.
  EXPECT_EQ(JsonQuote("\x80", JsonStringStyle::kLogLine), "\"\\ufffd\"");
  EXPECT_EQ(JsonQuote("a\xc3", JsonStringStyle::kLogLine), "\"a\\ufffd\"");
  EXPECT_EQ(JsonQuote("\xc0\xaf", JsonStringStyle::kLogLine), "\"\\ufffd\\ufffd\"");
  EXPECT_EQ(JsonQuote("\xed\xa0\x80", JsonStringStyle::kLogLine),
            "\"\\ufffd\\ufffd\\ufffd\"");
}

TEST(JsonStringTest, AppendKeepsWhatIsThere) {
  std::string out = "x:";
  AppendJsonString("y", &out);
  EXPECT_EQ(out, "x:\"y\"");
}

}  // namespace
}  // namespace azubimatch::engine
