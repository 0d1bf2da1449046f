// Reads registry records from CSV with a header row (the spreadsheet form of
// `matchctl import`). The header names the columns (record_columns.h, IMPORT.md), in
// any order and case; columns with an empty header are ignored; the delimiter is
// detected from the header line (',', ';' or tab).
//
// Every data row yields a record or errors: a row with the wrong number of fields,
// malformed quoting (csv_reader.h), or a cell that cannot be read gives a LineError
// naming the line and column; rows whose cells are all empty are skipped. An unknown
// or repeated header name is an error on the header line and no records are read.
//
// Thread-safe (pure function). O(size of the input).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_CSV_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_CSV_H_

#include "absl/strings/string_view.h"
#include "clients/matchctl/parsed_records.h"
#include "clients/matchctl/record_kind.h"

namespace azubimatch::matchctl {

ParsedRecords ParseRecordsCsv(RecordKind kind, absl::string_view text);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_RECORD_CSV_H_
