// CsvReader: splits CSV text into rows of fields (RFC 4180), keeping the line number
// each row starts on so that errors can name it.
//
// Accepted: fields separated by one delimiter character (',' ';' or '\t'); fields in
// double quotes may hold the delimiter, line breaks and doubled quotes ("" -> ");
// spaces around a quoted field are ignored; line ends \n, \r\n or \r; a UTF-8 byte
// order mark at the start is skipped; empty lines are skipped.
// Malformed (the row is reported with an error and reading resumes on the next line):
// a quote inside an unquoted field, text after a closing quote, a quoted field still
// open at the end of the input, and a field that is not valid UTF-8 (the text rule of
// engine/base/input_rules.h; files saved in a legacy encoding end up here).
//
// Thread-compatible. Next() is O(length of the row).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_CSV_READER_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_CSV_READER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::matchctl {

struct CsvRow {
  int64_t line = 0;                 // 1-based line the row starts on
  std::vector<std::string> fields;  // unquoted field values
  std::string error;                // non-empty when the row is malformed
};

class CsvReader {
 public:
  // REQUIRES: `text` outlives the reader.
  CsvReader(absl::string_view text, char delimiter);

  // Reads the next row into *row. Returns false at the end of the input. When the row
  // is malformed, row->error says why (row->fields is then incomplete).
  bool Next(CsvRow* row);

 private:
  // Moves past the end of the current physical line.
  void SkipRestOfLine();
  // Consumes a line end at pos_ if there is one; returns whether it did.
  bool ConsumeLineEnd();

  absl::string_view text_;
  char delimiter_;
  size_t pos_ = 0;
  int64_t line_ = 1;
};

// The delimiter a header line uses: whichever of ',', ';' and '\t' occurs most
// often in the first line of `text` (',' when none does). Spreadsheets with a German
// locale export ';'.
char DetectCsvDelimiter(absl::string_view text);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_CSV_READER_H_
