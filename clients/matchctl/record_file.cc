#include "clients/matchctl/record_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/matchctl/record_csv.h"
#include "clients/matchctl/record_jsonl.h"

namespace azubimatch::matchctl {

absl::StatusOr<RecordFormat> ChooseRecordFormat(absl::string_view path,
                                                absl::string_view format) {
  const std::string lower_format = absl::AsciiStrToLower(format);
  if (!lower_format.empty()) {
    if (lower_format == "csv") return RecordFormat::kCsv;
    if (lower_format == "jsonl" || lower_format == "json") return RecordFormat::kJsonl;
    return absl::InvalidArgumentError(
        absl::StrCat("--format: \"", format, "\" is not csv, jsonl or json"));
  }
  const std::string lower_path = absl::AsciiStrToLower(path);
  for (absl::string_view ext : {".csv", ".tsv"}) {
    if (absl::EndsWith(lower_path, ext)) return RecordFormat::kCsv;
  }
  for (absl::string_view ext : {".jsonl", ".ndjson", ".json"}) {
    if (absl::EndsWith(lower_path, ext)) return RecordFormat::kJsonl;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("cannot tell the format of \"", path,
                   "\" from its name; use --format csv or --format jsonl"));
}

absl::StatusOr<std::string> ReadInputFile(const std::string& path,
                                          std::istream& stdin_stream) {
  std::ostringstream text;
  if (path == "-") {
    text << stdin_stream.rdbuf();
    return text.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    const int error = errno;
    if (error == ENOENT) return absl::NotFoundError(absl::StrCat(path, ": no such file"));
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", std::strerror(error)));
  }
  text << file.rdbuf();
  if (file.bad()) return absl::InvalidArgumentError(absl::StrCat(path, ": read error"));
  return text.str();
}

ParsedRecords ParseRecords(RecordKind kind, RecordFormat format, absl::string_view text) {
  switch (format) {
    case RecordFormat::kCsv:
      return ParseRecordsCsv(kind, text);
    case RecordFormat::kJsonl:
      return ParseRecordsJsonl(kind, text);
  }
  return {};
}

}  // namespace azubimatch::matchctl
