// libFuzzer target: the import file parsers of matchctl (clients/matchctl/record_csv.h
// and record_jsonl.h). The first byte picks the format (CSV or JSON Lines) and the
// record kind; the rest is the file. Parsing must never crash or hang, every record
// must carry exactly the kind asked for, and every record and error must name a line
// of the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "clients/matchctl/record_csv.h"
#include "clients/matchctl/record_jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace ctl = ::azubimatch::matchctl;
  namespace v1 = ::azubimatch::v1;
  if (size < 1) return 0;
  const uint8_t selector = data[0];
  const auto kind = static_cast<ctl::RecordKind>((selector >> 1) % 3);
  const absl::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const ctl::ParsedRecords parsed = (selector & 1) ? ctl::ParseRecordsJsonl(kind, text)
                                                   : ctl::ParseRecordsCsv(kind, text);
  // Lines end in "\n", "\r\n" or "\r".
  int64_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' ||
        (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  const v1::ImportRequest::RecordCase expected =
      kind == ctl::RecordKind::kCompany ? v1::ImportRequest::kCompany
      : kind == ctl::RecordKind::kOffer ? v1::ImportRequest::kOffer
                                        : v1::ImportRequest::kCandidate;
  for (const ctl::ParsedRecord& record : parsed.records) {
    if (record.record.record_case() != expected) std::abort();
    if (record.line < 1 || record.line > lines) std::abort();
  }
  for (const ctl::LineError& error : parsed.errors) {
    if (error.line < 0 || error.line > lines) std::abort();
  }
  return 0;
}
