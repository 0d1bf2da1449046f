// Reading an import file: picking its format (CSV or JSON Lines) from the --format
// flag or the file name, reading its bytes, and parsing them into records.
//
// Thread-safe. O(size of the file).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_FILE_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_FILE_H_

#include <istream>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/matchctl/parsed_records.h"
#include "clients/matchctl/record_kind.h"

namespace azubimatch::matchctl {

enum class RecordFormat { kCsv, kJsonl };

// `format` ("csv", "jsonl" or "json", any case) when not empty; otherwise from the
// extension of `path` (.csv, .tsv -> CSV; .jsonl, .ndjson, .json -> JSON Lines).
// InvalidArgument when neither says.
absl::StatusOr<RecordFormat> ChooseRecordFormat(absl::string_view path,
                                                absl::string_view format);

// The whole file; "-" reads `stdin_stream`. NotFound / InvalidArgument naming the path.
absl::StatusOr<std::string> ReadInputFile(const std::string& path,
                                          std::istream& stdin_stream);

ParsedRecords ParseRecords(RecordKind kind, RecordFormat format, absl::string_view text);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_FILE_H_
