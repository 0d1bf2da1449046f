// Human-readable output of registry records: a table with the telling columns of each
// kind (for `list`), and one record field by field (for `get` and `add`):
//
//   id                     0a1b2c3d4e5f6g7h
//   occupation             62102 Kaufmann/-frau im Einzelhandel (trade)
//   required_languages     de:B1, tr:A2
//   start_date             2025-08-01
//   location.municipality  Stuttgart
//
// Enums print by short name (enum_names.h), dates as YYYY-MM-DD, times in RFC 3339,
// unset times and dates as "-".
//
// Thread-safe (pure functions). O(size of the records).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_TABLE_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_TABLE_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "clients/matchctl/record_kind.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

// REQUIRES: every record is of KindDescriptor(kind).
void PrintRecordTable(
    RecordKind kind,
    const std::vector<std::unique_ptr<google::protobuf::Message>>& records,
    std::ostream& out);

// Every field of `record`, one per line; nested messages as "outer.inner".
void PrintRecordFields(const google::protobuf::Message& record, std::ostream& out);

// The human form of a singular message value: Date, LanguageSkill, Occupation and
// Timestamp get their short forms; other messages their text format on one line.
std::string HumanMessageValue(const google::protobuf::Message& message);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_TABLE_H_
