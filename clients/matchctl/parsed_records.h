// ParsedRecords: what reading an import file yields, whatever its format: the records
// in input order, each with the line it came from, and the errors of lines that could
// not be read. Import maps the server's per-record errors back to `line` with it.
//
// Plain value types; thread-compatible.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_PARSED_RECORDS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_PARSED_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "azubimatch/v1/registry.pb.h"

namespace azubimatch::matchctl {

struct ParsedRecord {
  int64_t line = 0;          // 1-based input line the record starts on
  v1::ImportRequest record;  // exactly one of company / offer / candidate is set
};

struct LineError {
  int64_t line = 0;  // 1-based input line
  std::string
      message;  // names the column or field, e.g. "seats: \"x\" is not a whole number"
};

struct ParsedRecords {
  std::vector<ParsedRecord> records;
  std::vector<LineError> errors;  // in line order
};

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_PARSED_RECORDS_H_
