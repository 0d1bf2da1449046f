#include "clients/matchctl/csv_reader.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<CsvRow> ReadAll(absl::string_view text, char delimiter = ',') {
  CsvReader reader(text, delimiter);
  std::vector<CsvRow> rows;
  CsvRow row;
  while (reader.Next(&row)) rows.push_back(row);
  return rows;
}

TEST(CsvReaderTest, QuotedFieldsHoldDelimitersQuotesAndLineBreaks) {
  const std::vector<CsvRow> rows =
      ReadAll("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_THAT(rows[1].fields, ElementsAre("x,y", "say \"hi\"", "two\nlines"));
  EXPECT_EQ(rows[1].line, 2);
  // The row after a quoted line break starts on line 4.
  EXPECT_THAT(rows[2].fields, ElementsAre("last", "", ""));
  EXPECT_EQ(rows[2].line, 4);
  for (const CsvRow& row : rows) EXPECT_EQ(row.error, "");
}

TEST(CsvReaderTest, CrLfLineEndsByteOrderMarkAndBlankLines) {
  const std::vector<CsvRow> rows = ReadAll("\xEF\xBB\xBFh1,h2\r\n\r\n1,2\r\n\n3,4");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0].fields, ElementsAre("h1", "h2"));
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "2"));
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_THAT(rows[2].fields, ElementsAre("3", "4"));
}

TEST(CsvReaderTest, SpacesAroundAQuotedFieldAreIgnoredButKeptInUnquotedOnes) {
  const std::vector<CsvRow> rows = ReadAll("  \"a\"  , b \n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", " b "));
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsAnErrorAndReadingResumesNextLine) {
  const std::vector<CsvRow> rows = ReadAll("a,b\nx,y\"z\nc,d\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_THAT(rows[1].error, HasSubstr("field 2: quote inside an unquoted field"));
  EXPECT_EQ(rows[2].error, "");
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_THAT(rows[2].fields, ElementsAre("c", "d"));
}

// A file saved as Latin-1 ("M\xfcller") is refused on its line, in a quoted or
// unquoted field, and reading goes on with the next line.
TEST(CsvReaderTest, FieldThatIsNotUtf8IsAnErrorAndReadingResumesNextLine) {
  const std::vector<CsvRow> rows =
      ReadAll("name,ort\nM\xfcller,Ulm\n\"Gro\xdf\",Aalen\nM\xc3\xbcller,Ulm\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[1].error, HasSubstr("field 1: not valid UTF-8"));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_THAT(rows[2].error, HasSubstr("field 1: not valid UTF-8"));
  EXPECT_EQ(rows[3].error, "");
  EXPECT_EQ(rows[3].line, 4);
  EXPECT_THAT(rows[3].fields, ElementsAre("M\xc3\xbcller", "Ulm"));
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  const std::vector<CsvRow> rows = ReadAll("\"ab\"c,d\nok\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0].error, HasSubstr("field 1: unexpected text after a closing quote"));
  EXPECT_THAT(rows[1].fields, ElementsAre("ok"));
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReaderTest, UnclosedQuoteIsReportedOnTheLineWhereTheRowStarts) {
  const std::vector<CsvRow> rows = ReadAll("h\n1\n\"open\nmore\nlines");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_THAT(rows[2].error, HasSubstr("not closed before the end of the input"));
}

TEST(CsvReaderTest, DelimiterIsDetectedFromTheHeaderLine) {
  EXPECT_EQ(DetectCsvDelimiter("a,b,c\n1;2;3;4;5"), ',');
  EXPECT_EQ(DetectCsvDelimiter("a;b;c\n1,2"), ';');
  EXPECT_EQ(DetectCsvDelimiter("a\tb\n"), '\t');
  EXPECT_EQ(DetectCsvDelimiter("single"), ',');
  const std::vector<CsvRow> rows = ReadAll("a;b\n\"1;5\";2\n", ';');
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[1].fields, ElementsAre("1;5", "2"));
}

}  // namespace
}  // namespace azubimatch::matchctl
