#include "clients/matchctl/csv_reader.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/base/input_rules.h"

namespace azubimatch::matchctl {
namespace {

constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsSpace(char c) { return c == ' '; }
bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

}  // namespace

CsvReader::CsvReader(absl::string_view text, char delimiter)
    : text_(text), delimiter_(delimiter) {
  if (absl::StartsWith(text_, kUtf8Bom)) pos_ = kUtf8Bom.size();
}

bool CsvReader::ConsumeLineEnd() {
  if (pos_ >= text_.size()) return false;
  if (text_[pos_] == '\r') {
    ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  } else if (text_[pos_] == '\n') {
    ++pos_;
  } else {
    return false;
  }
  ++line_;
  return true;
}

void CsvReader::SkipRestOfLine() {
  while (pos_ < text_.size() && !IsLineEnd(text_[pos_])) ++pos_;
  ConsumeLineEnd();
}

bool CsvReader::Next(CsvRow* row) {
  row->fields.clear();
  row->error.clear();
  // Skip empty lines.
  while (pos_ < text_.size() && ConsumeLineEnd()) {
  }
  if (pos_ >= text_.size()) return false;
  row->line = line_;

  while (true) {
    // One field, starting at pos_.
    size_t start = pos_;
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
    std::string field;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      bool closed = false;
      while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            field.push_back('"');
            pos_ += 2;
            continue;
          }
          ++pos_;
          closed = true;
          break;
        }
        if (c == '\r' || c == '\n') {
          // A line break inside quotes belongs to the field; count the line.
          const size_t before = pos_;
          ConsumeLineEnd();
          field.append(text_.data() + before, pos_ - before);
          continue;
        }
        field.push_back(c);
        ++pos_;
      }
      if (!closed) {
        row->error =
            absl::StrCat("field ", row->fields.size() + 1,
                         ": quoted field is not closed before the end of the input");
        return true;
      }
      while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
      if (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineEnd(text_[pos_])) {
        row->error = absl::StrCat("field ", row->fields.size() + 1,
                                  ": unexpected text after a closing quote (write a "
                                  "quote inside a quoted field as \"\")");
        SkipRestOfLine();
        return true;
      }
    } else {
      pos_ = start;
      while (pos_ < text_.size() && text_[pos_] != delimiter_ &&
             !IsLineEnd(text_[pos_])) {
        if (text_[pos_] == '"') {
          row->error = absl::StrCat("field ", row->fields.size() + 1,
                                    ": quote inside an unquoted field (quote the whole "
                                    "field and double the quote: \"a \"\"b\"\" c\")");
          SkipRestOfLine();
          return true;
        }
        field.push_back(text_[pos_]);
        ++pos_;
      }
    }
    if (engine::Utf8Length(field) < 0) {
      row->error = absl::StrCat("field ", row->fields.size() + 1,
                                ": not valid UTF-8 (save the file as UTF-8, e.g. \"CSV "
                                "UTF-8\" in a spreadsheet program)");
      SkipRestOfLine();
      return true;
    }
    row->fields.push_back(std::move(field));
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == delimiter_) {
      ++pos_;
      continue;
    }
    ConsumeLineEnd();
    return true;
  }
}

char DetectCsvDelimiter(absl::string_view text) {
  if (absl::StartsWith(text, kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  const absl::string_view first_line = text.substr(0, text.find_first_of("\r\n"));
  const char candidates[] = {',', ';', '\t'};
  char best = ',';
  int64_t best_count = 0;
  for (char c : candidates) {
    const int64_t count = std::count(first_line.begin(), first_line.end(), c);
    if (count > best_count) {
      best = c;
      best_count = count;
    }
  }
  return best;
}

}  // namespace azubimatch::matchctl
