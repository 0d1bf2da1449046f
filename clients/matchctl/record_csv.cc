#include "clients/matchctl/record_csv.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/matchctl/csv_reader.h"
#include "clients/matchctl/record_columns.h"

namespace azubimatch::matchctl {
namespace {

bool AllBlank(const std::vector<std::string>& fields) {
  for (const std::string& field : fields) {
    if (!absl::StripAsciiWhitespace(field).empty()) return false;
  }
  return true;
}

std::string KnownColumns(RecordKind kind) {
  std::vector<std::string> names;
  for (const RecordColumn& column : RecordColumns(kind)) names.push_back(column.name);
  return absl::StrJoin(names, ", ");
}

}  // namespace

ParsedRecords ParseRecordsCsv(RecordKind kind, absl::string_view text) {
  ParsedRecords result;
  CsvReader reader(text, DetectCsvDelimiter(text));
  CsvRow row;
  if (!reader.Next(&row)) {
    result.errors.push_back({1, "the file is empty; expected a header row"});
    return result;
  }
  if (!row.error.empty()) {
    result.errors.push_back({row.line, absl::StrCat("header: ", row.error)});
    return result;
  }

  // Column of each field; nullptr for ignored (empty) header cells.
  std::vector<const RecordColumn*> columns;
  std::set<std::string> seen;
  const int64_t header_line = row.line;
  for (const std::string& name : row.fields) {
    const absl::string_view trimmed = absl::StripAsciiWhitespace(name);
    if (trimmed.empty()) {
      columns.push_back(nullptr);
      continue;
    }
    const RecordColumn* column = FindRecordColumn(kind, trimmed);
    if (column == nullptr) {
      result.errors.push_back(
          {header_line, absl::StrCat("unknown column \"", trimmed, "\" for ",
                                     KindPlural(kind), "; known: ", KnownColumns(kind))});
    } else if (!seen.insert(column->name).second) {
      result.errors.push_back(
          {header_line, absl::StrCat("column \"", column->name, "\" appears twice")});
    }
    columns.push_back(column);
  }
  if (!result.errors.empty()) return result;

  while (reader.Next(&row)) {
    if (!row.error.empty()) {
      result.errors.push_back({row.line, row.error});
      continue;
    }
    if (AllBlank(row.fields)) continue;
    if (row.fields.size() != columns.size()) {
      result.errors.push_back({row.line, absl::StrCat("expected ", columns.size(),
                                                      " fields as in the header, found ",
                                                      row.fields.size())});
      continue;
    }
    ParsedRecord record = NewRecord(kind);
    record.line = row.line;
    bool ok = true;
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == nullptr) continue;
      const absl::Status status = ApplyCell(*columns[i], row.fields[i], record);
      if (!status.ok()) {
        result.errors.push_back({row.line, std::string(status.message())});
        ok = false;
      }
    }
    if (ok) result.records.push_back(std::move(record));
  }
  return result;
}

}  // namespace azubimatch::matchctl
