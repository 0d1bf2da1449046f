#include "clients/matchctl/record_jsonl.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/matchctl/record_columns.h"
#include "google/protobuf/util/json_util.h"

namespace azubimatch::matchctl {

absl::Status ParseJsonRecord(absl::string_view json, google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message, options);
  if (status.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("not a valid ", message->GetDescriptor()->name(),
                   " in JSON: ", std::string(status.message())));
}

ParsedRecords ParseRecordsJsonl(RecordKind kind, absl::string_view text) {
  ParsedRecords result;
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  int64_t line = 0;
  while (!text.empty()) {
    ++line;
    const size_t end = text.find('\n');
    absl::string_view content = text.substr(0, end);
    text.remove_prefix(end == absl::string_view::npos ? text.size() : end + 1);
    content = absl::StripAsciiWhitespace(content);
    if (content.empty()) continue;
    ParsedRecord record = NewRecord(kind);
    record.line = line;
    const absl::Status status =
        ParseJsonRecord(content, MutableRecordMessage(record.record));
    if (status.ok()) {
      result.records.push_back(std::move(record));
    } else {
      result.errors.push_back({line, std::string(status.message())});
    }
  }
  return result;
}

}  // namespace azubimatch::matchctl
