#include "clients/solve/problem_formats.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"

namespace azubimatch::solve {
namespace {

using engine::AssignmentEdge;
using engine::AssignmentProblem;

// Reads the input line by line, skipping blank and comment lines, and splits
// lines into whitespace-separated tokens. Reads the stream in large blocks and finds
// lines inside them (a std::getline per line cost more than solving a 50M-edge file).
class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  // Next line with content; false at the end of the input. The tokens of the previous
  // line are no longer valid.
  bool Next() {
    std::string_view line;
    while (NextLine(&line)) {
      ++number_;
      size_t first = 0;
      while (first < line.size() && IsBlank(line[first])) ++first;
      if (first == line.size() || line[first] == '#') continue;
      Split(line);
      return true;
    }
    return false;
  }

  int64_t number() const { return number_; }
  // Number of the last line read, content or not (for errors at the end).
  int64_t lines_read() const { return number_; }
  const std::vector<std::string_view>& tokens() const { return tokens_; }

  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(absl::StrFormat("line %d: %s", number_, what));
  }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  // The next line without its '\n', in the buffer; false at the end of the input.
  bool NextLine(std::string_view* line) {
    while (true) {
      const char* begin = buffer_.data() + begin_;
      const size_t available = end_ - begin_;
      if (const void* newline = std::memchr(begin, '\n', available)) {
        const size_t length = static_cast<const char*>(newline) - begin;
        *line = std::string_view(begin, length);
        begin_ += length + 1;
        return true;
      }
      if (eof_) {
        if (available == 0) return false;
        *line = std::string_view(begin, available);  // the last line has no '\n'
        begin_ = end_;
        return true;
      }
      Refill();
    }
  }

  // Moves the unread rest to the front and appends the next block of the stream.
  void Refill() {
    const size_t rest = end_ - begin_;
    if (buffer_.size() < rest + kBlockBytes) buffer_.resize(rest + kBlockBytes);
    std::memmove(buffer_.data(), buffer_.data() + begin_, rest);
    in_.read(buffer_.data() + rest, static_cast<std::streamsize>(kBlockBytes));
    begin_ = 0;
    end_ = rest + static_cast<size_t>(in_.gcount());
    if (in_.gcount() == 0 || !in_) eof_ = true;
  }

  // Space, tab, CR, VT, FF. A hand-written test: find_first_not_of(" \t\r\v\f") calls
  // memchr once per character, which was most of the time of reading a large file.
  static bool IsBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
  }

  void Split(std::string_view line) {
    tokens_.clear();
    size_t at = 0;
    const size_t size = line.size();
    while (true) {
      while (at < size && IsBlank(line[at])) ++at;
      if (at == size) break;
      size_t end = at;
      while (end < size && !IsBlank(line[end])) ++end;
      tokens_.push_back(line.substr(at, end - at));
      at = end;
    }
  }

  std::istream& in_;
  std::string buffer_;  // [begin_, end_) is read from the stream, not yet returned
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t number_ = 0;
  std::vector<std::string_view> tokens_;
};

template <typename Int>
absl::Status ParseNumber(const LineReader& reader, std::string_view token,
                         std::string_view what, Int* out) {
  const char* end = token.data() + token.size();
  const char* begin = token.data();
  if (begin != end && *begin == '+') ++begin;
  auto [ptr, ec] = std::from_chars(begin, end, *out);
  if (ec == std::errc::result_out_of_range) {
    return reader.Error(absl::StrFormat("%s '%s' is out of range", what, token));
  }
  if (ec != std::errc() || ptr != end) {
    return reader.Error(absl::StrFormat("%s '%s' is not an integer", what, token));
  }
  return absl::OkStatus();
}

// Reads the first content line, which must hold exactly one size n >= 0.
absl::StatusOr<int32_t> ReadSize(LineReader& reader) {
  if (!reader.Next()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "line %d: empty input, expected the size n", reader.lines_read() + 1));
  }
  if (reader.tokens().size() != 1) {
    return reader.Error(
        absl::StrFormat("expected the size n alone on the first line, found %d values",
                        reader.tokens().size()));
  }
  int32_t n = 0;
  AZM_RETURN_IF_ERROR(ParseNumber(reader, reader.tokens()[0], "size n", &n));
  if (n < 0) return reader.Error("size n must be >= 0");
  return n;
}

}  // namespace

std::optional<ProblemFormat> ProblemFormatFromName(std::string_view name) {
  if (name == "orlib") return ProblemFormat::kOrlib;
  if (name == "orlib-sparse") return ProblemFormat::kOrlibSparse;
  if (name == "edges") return ProblemFormat::kEdges;
  return std::nullopt;
}

absl::StatusOr<AssignmentProblem> ReadOrlib(std::istream& in) {
  LineReader reader(in);
  absl::StatusOr<int32_t> size = ReadSize(reader);
  if (!size.ok()) return size.status();
  const int32_t n = *size;
  const int64_t expected = int64_t{n} * n;
  AssignmentProblem problem;
  problem.num_rows = n;
  problem.capacities.assign(n, 1);
  problem.edges.reserve(expected);
  int64_t read = 0;
  while (read < expected && reader.Next()) {
    for (std::string_view token : reader.tokens()) {
      if (read == expected) {
        return reader.Error(absl::StrFormat("expected %d costs, found more", expected));
      }
      int64_t cost = 0;
      AZM_RETURN_IF_ERROR(ParseNumber(reader, token, "cost", &cost));
      problem.edges.push_back(
          {static_cast<int32_t>(read / n), static_cast<int32_t>(read % n), cost});
      ++read;
    }
  }
  if (read < expected) {
    return absl::InvalidArgumentError(
        absl::StrFormat("line %d: expected %d costs (n = %d), found only %d",
                        reader.lines_read() + 1, expected, n, read));
  }
  if (reader.Next()) {
    return reader.Error(absl::StrFormat("expected %d costs, found more", expected));
  }
  return problem;
}

absl::StatusOr<AssignmentProblem> ReadOrlibSparse(std::istream& in) {
  LineReader reader(in);
  absl::StatusOr<int32_t> size = ReadSize(reader);
  if (!size.ok()) return size.status();
  const int32_t n = *size;
  AssignmentProblem problem;
  problem.num_rows = n;
  problem.capacities.assign(n, 1);
  while (reader.Next()) {
    const auto& tokens = reader.tokens();
    if (tokens.size() != 3) {
      return reader.Error(
          absl::StrFormat("expected 'i j c', found %d values", tokens.size()));
    }
    int32_t i = 0, j = 0;
    int64_t cost = 0;
    AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[0], "row i", &i));
    AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[1], "column j", &j));
    AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[2], "cost c", &cost));
    if (i < 1 || i > n) {
      return reader.Error(absl::StrFormat("row i = %d is outside [1, %d]", i, n));
    }
    if (j < 1 || j > n) {
      return reader.Error(absl::StrFormat("column j = %d is outside [1, %d]", j, n));
    }
    problem.edges.push_back({i - 1, j - 1, cost});
  }
  return problem;
}

absl::StatusOr<AssignmentProblem> ReadEdges(std::istream& in) {
  LineReader reader(in);
  if (!reader.Next()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "line %d: empty input, expected the header 'R C E'", reader.lines_read() + 1));
  }
  if (reader.tokens().size() != 3) {
    return reader.Error(absl::StrFormat("expected the header 'R C E', found %d values",
                                        reader.tokens().size()));
  }
  int32_t rows = 0, cols = 0;
  int64_t edges = 0;
  AZM_RETURN_IF_ERROR(ParseNumber(reader, reader.tokens()[0], "row count R", &rows));
  AZM_RETURN_IF_ERROR(ParseNumber(reader, reader.tokens()[1], "column count C", &cols));
  AZM_RETURN_IF_ERROR(ParseNumber(reader, reader.tokens()[2], "edge count E", &edges));
  if (rows < 0 || cols < 0 || edges < 0) {
    return reader.Error("R, C and E must be >= 0");
  }
  AssignmentProblem problem;
  problem.num_rows = rows;
  problem.capacities.assign(cols, 1);
  problem.edges.reserve(std::min<int64_t>(edges, int64_t{1} << 26));
  std::vector<bool> capacity_given(cols, false);
  while (reader.Next()) {
    const auto& tokens = reader.tokens();
    if (tokens[0] == "cap") {
      if (tokens.size() != 3) {
        return reader.Error(absl::StrFormat(
            "expected 'cap <col> <capacity>', found %d values", tokens.size()));
      }
      if (!problem.edges.empty()) {
        return reader.Error("'cap' lines must come before the edges");
      }
      int32_t col = 0, capacity = 0;
      AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[1], "column", &col));
      AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[2], "capacity", &capacity));
      if (col < 0 || col >= cols) {
        return reader.Error(absl::StrFormat("column %d is outside [0, %d)", col, cols));
      }
      if (capacity < 1) {
        return reader.Error(
            absl::StrFormat("capacity %d of column %d must be >= 1", capacity, col));
      }
      if (capacity_given[col]) {
        return reader.Error(absl::StrFormat("capacity of column %d given twice", col));
      }
      capacity_given[col] = true;
      problem.capacities[col] = capacity;
      continue;
    }
    if (tokens.size() != 3) {
      return reader.Error(absl::StrFormat(
          "expected '<row> <col> <cost>', found %d values", tokens.size()));
    }
    if (static_cast<int64_t>(problem.edges.size()) == edges) {
      return reader.Error(absl::StrFormat("more than E = %d edges", edges));
    }
    AssignmentEdge edge;
    AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[0], "row", &edge.row));
    AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[1], "column", &edge.col));
    AZM_RETURN_IF_ERROR(ParseNumber(reader, tokens[2], "cost", &edge.cost));
    if (edge.row < 0 || edge.row >= rows) {
      return reader.Error(absl::StrFormat("row %d is outside [0, %d)", edge.row, rows));
    }
    if (edge.col < 0 || edge.col >= cols) {
      return reader.Error(
          absl::StrFormat("column %d is outside [0, %d)", edge.col, cols));
    }
    problem.edges.push_back(edge);
  }
  if (static_cast<int64_t>(problem.edges.size()) != edges) {
    return absl::InvalidArgumentError(
        absl::StrFormat("line %d: expected E = %d edges, found %d",
                        reader.lines_read() + 1, edges, problem.edges.size()));
  }
  return problem;
}

absl::StatusOr<AssignmentProblem> ReadProblem(std::istream& in, ProblemFormat format) {
  switch (format) {
    case ProblemFormat::kOrlib:
      return ReadOrlib(in);
    case ProblemFormat::kOrlibSparse:
      return ReadOrlibSparse(in);
    case ProblemFormat::kEdges:
      return ReadEdges(in);
  }
  return absl::InvalidArgumentError("unknown format");
}

}  // namespace azubimatch::solve
