// TableWriter: prints rows as a plain-text table with aligned columns, for the
// human-readable output of matchctl:
//
//   ID                EXTERNAL_ID  SEATS  MUNICIPALITY
//   0a1b2c3d4e5f6g7h  o-17             2  Stuttgart
//
// Widths count UTF-8 code points, so "Köchin" lines up with "Koch". Columns are
// separated by two spaces; right-aligned columns suit numbers; the last column is not
// padded. Cells with line breaks or tabs have them replaced by spaces.
//
// Thread-compatible. Print is O(total cell length).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_TABLE_WRITER_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_TABLE_WRITER_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::matchctl {

class TableWriter {
 public:
  explicit TableWriter(std::vector<std::string> headers);

  // REQUIRES: column < number of headers.
  void AlignRight(size_t column);

  // Missing cells print empty; extra cells are dropped.
  void AddRow(std::vector<std::string> cells);

  size_t rows() const { return rows_.size(); }

  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of UTF-8 code points in `text` (continuation bytes are not counted).
size_t DisplayWidth(absl::string_view text);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_TABLE_WRITER_H_
