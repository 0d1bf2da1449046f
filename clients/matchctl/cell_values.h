// Parsers for the values of one spreadsheet cell (or one command-line flag) into the
// API's types: numbers, dates, yes/no, enum short names and the small list syntaxes of
// the import format (see IMPORT.md; enum values by short name come from
// enum_names.h):
//   languages         "de;tr"                       (ISO 639-1 codes, lower-cased)
//   language skills   "de:B1;tr:C2"                 (code:level, level by short name)
//   occupations       "62102|Kaufmann/-frau im Einzelhandel|trade;29302"
//                                                    (kldb[|title[|sector]])
//   sectors           "trade;crafts"
//   consents          "matching;statistics@2024-05-01"  (purpose[@given date])
// Lists are separated by ';'; spaces around items and empty items are ignored.
// Errors are InvalidArgument and quote the offending text; they do not name the column
// (the caller does). Range checks are the server's: these only reject text that
// cannot be read as the type.
//
// Thread-safe (pure functions). Each is O(length of the cell).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_CELL_VALUES_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_CELL_VALUES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "azubimatch/v1/common.pb.h"
#include "azubimatch/v1/records.pb.h"

namespace azubimatch::matchctl {

// A whole number that fits in int32 ("12", "-3", "+4").
absl::StatusOr<int32_t> ParseInt32Cell(absl::string_view cell);

// A whole number that fits in int64.
absl::StatusOr<int64_t> ParseInt64Cell(absl::string_view cell);

// A finite decimal number; "48,7758" (decimal comma, no point) is read as 48.7758.
absl::StatusOr<double> ParseDecimalCell(absl::string_view cell);

// A calendar date: "2025-08-01" (ISO 8601) or "01.08.2025" (German). The day must
// exist in the month.
absl::StatusOr<v1::Date> ParseDateCell(absl::string_view cell);

// true: "true", "yes", "ja", "y", "j", "1", "x"; false: "false", "no", "nein", "n", "0"
// (any case).
absl::StatusOr<bool> ParseBoolCell(absl::string_view cell);

// "de;tr" -> {"de", "tr"}.
absl::StatusOr<std::vector<std::string>> ParseLanguageListCell(absl::string_view cell);

// "de:B1;tr:C2".
absl::StatusOr<std::vector<v1::LanguageSkill>> ParseLanguageSkillsCell(
    absl::string_view cell);

// "62102|Kaufmann/-frau im Einzelhandel|trade;29302": title and sector are optional.
absl::StatusOr<std::vector<v1::Occupation>> ParseOccupationsCell(absl::string_view cell);

// "trade;crafts".
absl::StatusOr<std::vector<v1::Sector>> ParseSectorsCell(absl::string_view cell);

// "matching;statistics@2024-05-01": given_at is midnight UTC of the date, unset when
// no date is given.
absl::StatusOr<std::vector<v1::Consent>> ParseConsentsCell(absl::string_view cell);

// Splits a list cell at ';', trimming items and dropping empty ones.
std::vector<absl::string_view> SplitListCell(absl::string_view cell);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_CELL_VALUES_H_
