// The columns of the import format for each record kind: the CSV header names, what
// each holds, and how a cell's text goes into the record. `import` (CSV) and `add`
// (one flag per column) both build records through this table, so that a column
// means the same everywhere. IMPORT.md documents the columns.
//
// Thread-safe (the tables are built once, immutable afterwards). Lookup by name is
// O(columns); applying a cell is O(length of the cell).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_COLUMNS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_COLUMNS_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "clients/matchctl/parsed_records.h"
#include "clients/matchctl/record_kind.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

struct RecordColumn {
  std::string name;     // header name, snake_case, e.g. "travel_limit_minutes"
  std::string meaning;  // one line for help output, e.g. "whole number, 1..240"
  // Stores a non-empty cell into the record. InvalidArgument (not naming the column)
  // when the text cannot be read.
  std::function<absl::Status(absl::string_view cell, ParsedRecord& record)> set;
};

// The columns of `kind`, in the order IMPORT.md lists them.
const std::vector<RecordColumn>& RecordColumns(RecordKind kind);

// The column called `name` (case-insensitive; '-' counts as '_'), or nullptr.
const RecordColumn* FindRecordColumn(RecordKind kind, absl::string_view name);

// Stores `cell` through `column`. Cells that are empty or only spaces leave the
// record unchanged. Errors are InvalidArgument "<column>: <why>".
absl::Status ApplyCell(const RecordColumn& column, absl::string_view cell,
                       ParsedRecord& record);

// An empty record of `kind` (the right member of the ImportRequest oneof set).
ParsedRecord NewRecord(RecordKind kind);

// The record inside `request` (the set member of its oneof); nullptr when none is set.
const google::protobuf::Message* RecordMessage(const v1::ImportRequest& request);
google::protobuf::Message* MutableRecordMessage(v1::ImportRequest& request);

// Builds one record of `kind` from (column name, value) pairs, e.g. the flags of
// `add`. InvalidArgument for an unknown column or an unreadable value.
absl::StatusOr<ParsedRecord> RecordFromCells(
    RecordKind kind, const std::vector<std::pair<std::string, std::string>>& cells);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_COLUMNS_H_
