#include "clients/solve/problem_formats.h"

#include <fstream>
#include <sstream>
#include <string>

#include "absl/status/status.h"
#include "engine/assignment/sparse_assignment.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::solve {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

absl::StatusOr<engine::AssignmentProblem> Read(const std::string& text,
                                               ProblemFormat format) {
  std::istringstream in(text);
  return ReadProblem(in, format);
}

void ExpectErrorAtLine(const std::string& text, ProblemFormat format, int line,
                       const std::string& what) {
  absl::StatusOr<engine::AssignmentProblem> problem = Read(text, format);
  ASSERT_FALSE(problem.ok()) << text;
  EXPECT_EQ(problem.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(problem.status().message());
  EXPECT_THAT(message, StartsWith("line " + std::to_string(line) + ": ")) << message;
  EXPECT_THAT(message, HasSubstr(what));
}

TEST(ProblemFormatsTest, FormatNames) {
  EXPECT_EQ(ProblemFormatFromName("orlib"), ProblemFormat::kOrlib);
  EXPECT_EQ(ProblemFormatFromName("orlib-sparse"), ProblemFormat::kOrlibSparse);
  EXPECT_EQ(ProblemFormatFromName("edges"), ProblemFormat::kEdges);
  EXPECT_EQ(ProblemFormatFromName("csv"), std::nullopt);
}

TEST(ProblemFormatsTest, OrlibReadsWrappedMatrixAndComments) {
  absl::StatusOr<engine::AssignmentProblem> problem =
      Read("# assign3\n 3\n1 2 3 4\n\n5 6\n# middle\n7 8 9\n", ProblemFormat::kOrlib);
  ASSERT_TRUE(problem.ok()) << problem.status();
  EXPECT_EQ(problem->num_rows, 3);
  EXPECT_EQ(problem->capacities, std::vector<int32_t>({1, 1, 1}));
  ASSERT_EQ(problem->edges.size(), 9u);
  EXPECT_EQ(problem->edges[5].row, 1);
  EXPECT_EQ(problem->edges[5].col, 2);
  EXPECT_EQ(problem->edges[5].cost, 6);
}

TEST(ProblemFormatsTest, OrlibRejectsMissingAndExtraCosts) {
  ExpectErrorAtLine("2\n1 2\n3\n", ProblemFormat::kOrlib, 4, "found only 3");
  ExpectErrorAtLine("2\n1 2\n3 4\n5\n", ProblemFormat::kOrlib, 4, "found more");
  ExpectErrorAtLine("2\n1 2 3 4 5\n", ProblemFormat::kOrlib, 2, "found more");
}

TEST(ProblemFormatsTest, OrlibRejectsBadSizeAndTokens) {
  ExpectErrorAtLine("", ProblemFormat::kOrlib, 1, "empty input");
  ExpectErrorAtLine("# only a comment\n", ProblemFormat::kOrlib, 2, "empty input");
  ExpectErrorAtLine("2 3\n", ProblemFormat::kOrlib, 1, "size n alone");
  ExpectErrorAtLine("-2\n", ProblemFormat::kOrlib, 1, ">= 0");
  ExpectErrorAtLine("two\n", ProblemFormat::kOrlib, 1, "not an integer");
  ExpectErrorAtLine("2\n1 2\n3 x4\n", ProblemFormat::kOrlib, 3, "'x4' is not an integer");
  ExpectErrorAtLine("1\n99999999999999999999\n", ProblemFormat::kOrlib, 2,
                    "out of range");
}

TEST(ProblemFormatsTest, OrlibSparseIsOneBased) {
  absl::StatusOr<engine::AssignmentProblem> problem =
      Read("2\n1 1 5\n 2 1 7 \n2 2 -3\n", ProblemFormat::kOrlibSparse);
  ASSERT_TRUE(problem.ok()) << problem.status();
  ASSERT_EQ(problem->edges.size(), 3u);
  EXPECT_EQ(problem->edges[1].row, 1);
  EXPECT_EQ(problem->edges[1].col, 0);
  EXPECT_EQ(problem->edges[2].cost, -3);
}

TEST(ProblemFormatsTest, OrlibSparseRejectsBadLines) {
  ExpectErrorAtLine("2\n1 1 5\n1 2\n", ProblemFormat::kOrlibSparse, 3,
                    "expected 'i j c'");
  ExpectErrorAtLine("2\n0 1 5\n", ProblemFormat::kOrlibSparse, 2, "row i = 0");
  ExpectErrorAtLine("2\n1 3 5\n", ProblemFormat::kOrlibSparse, 2, "column j = 3");
  ExpectErrorAtLine("2\n1 2 five\n", ProblemFormat::kOrlibSparse, 2, "cost c");
}

TEST(ProblemFormatsTest, EdgesReadsCapacitiesAndComments) {
  absl::StatusOr<engine::AssignmentProblem> problem = Read(
      "# two candidates, two offers\n2 2 3\ncap 1 4\n  # edges follow\n0 0 10\n1 1 -2\n0 "
      "1 +3\n",
      ProblemFormat::kEdges);
  ASSERT_TRUE(problem.ok()) << problem.status();
  EXPECT_EQ(problem->num_rows, 2);
  EXPECT_EQ(problem->capacities, std::vector<int32_t>({1, 4}));
  ASSERT_EQ(problem->edges.size(), 3u);
  EXPECT_EQ(problem->edges[2].cost, 3);
}

TEST(ProblemFormatsTest, EdgesAcceptsEmptyProblem) {
  absl::StatusOr<engine::AssignmentProblem> problem =
      Read("0 0 0\n", ProblemFormat::kEdges);
  ASSERT_TRUE(problem.ok()) << problem.status();
  EXPECT_EQ(problem->num_rows, 0);
}

TEST(ProblemFormatsTest, EdgesRejectsMalformedFiles) {
  ExpectErrorAtLine("", ProblemFormat::kEdges, 1, "empty input");
  ExpectErrorAtLine("2 2\n", ProblemFormat::kEdges, 1, "header 'R C E'");
  ExpectErrorAtLine("2 -2 0\n", ProblemFormat::kEdges, 1, ">= 0");
  ExpectErrorAtLine("2 2 1\ncap 2 3\n", ProblemFormat::kEdges, 2, "column 2 is outside");
  ExpectErrorAtLine("2 2 1\ncap 1 0\n", ProblemFormat::kEdges, 2, "must be >= 1");
  ExpectErrorAtLine("2 2 1\ncap 1 2\ncap 1 3\n", ProblemFormat::kEdges, 3, "given twice");
  ExpectErrorAtLine("2 2 1\ncap 1\n", ProblemFormat::kEdges, 2, "cap <col> <capacity>");
  ExpectErrorAtLine("2 2 2\n0 0 1\ncap 1 2\n", ProblemFormat::kEdges, 3,
                    "before the edges");
  ExpectErrorAtLine("2 2 1\n0 0\n", ProblemFormat::kEdges, 2, "'<row> <col> <cost>'");
  ExpectErrorAtLine("2 2 1\n2 0 1\n", ProblemFormat::kEdges, 2, "row 2 is outside");
  ExpectErrorAtLine("2 2 1\n0 -1 1\n", ProblemFormat::kEdges, 2, "column -1 is outside");
  ExpectErrorAtLine("2 2 1\n0 0 1\n1 1 1\n", ProblemFormat::kEdges, 3, "more than E = 1");
  ExpectErrorAtLine("2 2 3\n0 0 1\n\n# end\n", ProblemFormat::kEdges, 5,
                    "expected E = 3");
}

// The OR-Library files, when present in ../shared beside the project (never
// required: the test is skipped without them).
// The reader takes the stream in blocks of 1 MiB: lines that cross a block, a comment
// line longer than a block, CRLF line ends and a last line without '\n' read as any
// other, and line numbers in errors count every line.
TEST(ProblemFormatsTest, EdgesReadLinesAcrossBlocks) {
  constexpr int kEdges = 150000;  // about 2 MB of edge lines
  std::string text = "# header next\n" + std::to_string(kEdges) + " 7 " +
                     std::to_string(kEdges) + "\r\ncap 3 2\n";
  for (int i = 0; i < kEdges; ++i) {
    if (i == kEdges / 2) text += "# " + std::string(3 << 20, 'x') + "\n";  // 3 MiB
    text += std::to_string(i) + " " + std::to_string(i % 7) + " " +
            std::to_string(int64_t{i} * 1000003) + (i + 1 == kEdges ? "" : "\n");
  }
  absl::StatusOr<engine::AssignmentProblem> problem = Read(text, ProblemFormat::kEdges);
  ASSERT_TRUE(problem.ok()) << problem.status();
  ASSERT_EQ(problem->edges.size(), static_cast<size_t>(kEdges));
  EXPECT_EQ(problem->capacities[3], 2);
  for (int i : {0, 1, kEdges / 2 - 1, kEdges / 2, kEdges - 1}) {
    EXPECT_EQ(problem->edges[i].row, i);
    EXPECT_EQ(problem->edges[i].col, i % 7);
    EXPECT_EQ(problem->edges[i].cost, int64_t{i} * 1000003);
  }
  // A bad value on the last line: 3 header lines, kEdges edge lines and the comment.
  std::string bad = text.substr(0, text.rfind('\n') + 1) + "1 2 x";
  ExpectErrorAtLine(bad, ProblemFormat::kEdges, 3 + kEdges + 1, "cost 'x'");
}

TEST(ProblemFormatsTest, OrLibraryInstancesSolveToTheirKnownOptima) {
  const std::string dir = AZM_ORLIB_DIR;
  const std::pair<const char*, int64_t> known[] = {
      {"assign100.txt", 305}, {"assign400.txt", 804}, {"assignp800.txt", 2239}};
  int found = 0;
  for (const auto& [name, optimum] : known) {
    std::ifstream file(dir + name);
    if (!file) continue;
    ++found;
    const ProblemFormat format = std::string(name).starts_with("assignp")
                                     ? ProblemFormat::kOrlibSparse
                                     : ProblemFormat::kOrlib;
    absl::StatusOr<engine::AssignmentProblem> problem = ReadProblem(file, format);
    ASSERT_TRUE(problem.ok()) << name << ": " << problem.status();
    engine::SolverOptions options;
    options.check_certificate = true;
    absl::StatusOr<engine::AssignmentResult> result =
        engine::SolveAssignment(*problem, options);
    ASSERT_TRUE(result.ok()) << name << ": " << result.status();
    EXPECT_EQ(result->objective, optimum) << name;
  }
  if (found == 0) GTEST_SKIP() << "no OR-Library files in " << dir;
}

}  // namespace
}  // namespace azubimatch::solve
