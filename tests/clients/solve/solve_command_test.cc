#include "clients/solve/solve_command.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::solve {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

class SolveCommandTest : public ::testing::Test {
 protected:
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::filesystem::path path =
        std::filesystem::path(::testing::TempDir()) / ("solve_command_test_" + name);
    std::ofstream(path) << text;
    return path.string();
  }

  int Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    return RunSolveCommand(args, out_, err_);
  }

  std::ostringstream out_;
  std::ostringstream err_;
};

constexpr char kEdges[] =
    "# 3 candidates, 2 offers, offer 1 has two seats\n"
    "3 2 5\n"
    "cap 1 2\n"
    "0 0 4\n0 1 1\n1 1 2\n2 0 3\n2 1 9\n";

TEST_F(SolveCommandTest, JsonLineHasEveryField) {
  const std::string file = WriteFile("json.edges", kEdges);
  ASSERT_EQ(Run({"--json", file}), kSolveExitOk) << err_.str();
  EXPECT_THAT(
      out_.str(),
      MatchesRegex(
          "\\{\"status\":\"OPTIMAL\",\"rows\":3,\"cols\":2,\"assigned\":3,"
          "\"cost\":6,\"read_seconds\":[0-9.]+,\"solve_seconds\":[0-9.]+,"
          "\"assignment\":\\[1,1,0\\]\\}\n"));
  EXPECT_EQ(err_.str(), "");
}

TEST_F(SolveCommandTest, NoAssignmentLeavesOutTheArray) {
  const std::string file = WriteFile("noassign.edges", kEdges);
  ASSERT_EQ(Run({file, "--no-assignment", "--json"}), kSolveExitOk);
  EXPECT_THAT(out_.str(), ::testing::Not(HasSubstr("assignment")));
  EXPECT_THAT(out_.str(), HasSubstr("\"cost\":6"));
}

TEST_F(SolveCommandTest, MaximizeTakesTheHeaviestTotal) {
  const std::string file = WriteFile("max.edges", kEdges);
  ASSERT_EQ(Run({"--maximize", "--json", file}), kSolveExitOk);
  // Row 1 only reaches offer 1; rows 0 and 2 split offer 0 and the second seat of
  // offer 1: 4 + 2 + 9 = 15 (the minimum is 1 + 2 + 3 = 6).
  EXPECT_THAT(out_.str(), HasSubstr("\"cost\":15"));
}

TEST_F(SolveCommandTest, TextOutputListsEveryRow) {
  const std::string file = WriteFile("text.edges", kEdges);
  ASSERT_EQ(Run({file}), kSolveExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("status         OPTIMAL\n"));
  EXPECT_THAT(out_.str(), HasSubstr("total cost     6\n"));
  EXPECT_THAT(out_.str(), ::testing::ContainsRegex("read seconds   [0-9.]+\nsolve seconds  [0-9.]+\n"));
  EXPECT_THAT(out_.str(), HasSubstr("row column\n0 1\n1 1\n2 0\n"));
}

TEST_F(SolveCommandTest, ReadsOrlibFormats) {
  const std::string dense = WriteFile("dense.orlib", "2\n5 1\n2 7\n");
  ASSERT_EQ(Run({"--format", "orlib", "--json", dense}), kSolveExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("\"cost\":3"));
  const std::string sparse = WriteFile("sparse.orlib", "2\n1 1 5\n2 1 1\n2 2 4\n");
  ASSERT_EQ(Run({"--format=orlib-sparse", "--json", sparse}), kSolveExitOk) << err_.str();
  EXPECT_THAT(out_.str(), HasSubstr("\"cost\":9"));
}

TEST_F(SolveCommandTest, UnassignedRowsAreMinusOne) {
  const std::string file = WriteFile("short.edges", "3 1 2\n0 0 5\n2 0 1\n");
  ASSERT_EQ(Run({"--json", file}), kSolveExitOk);
  EXPECT_THAT(out_.str(), HasSubstr("\"assigned\":1,\"cost\":1,"));
  EXPECT_THAT(out_.str(), HasSubstr("\"assignment\":[-1,-1,0]"));
}

TEST_F(SolveCommandTest, MalformedFileExitsTwoWithLineNumber) {
  const std::string file = WriteFile("bad.edges", "2 2 2\n0 0 1\n0 zero 1\n");
  EXPECT_EQ(Run({"--json", file}), kSolveExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("line 3: "));
  EXPECT_EQ(out_.str(), "");
}

TEST_F(SolveCommandTest, HelpPrintsUsage) {
  EXPECT_EQ(Run({"--help"}), kSolveExitOk);
  EXPECT_THAT(out_.str(), StartsWith("usage: matchctl solve"));
}

TEST_F(SolveCommandTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Run({}), kSolveExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("missing FILE"));
  EXPECT_EQ(Run({"--format", "csv", "x"}), kSolveExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("unknown --format 'csv'"));
  EXPECT_EQ(Run({"--format"}), kSolveExitUsage);
  EXPECT_EQ(Run({"--fast", "x"}), kSolveExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("unknown flag '--fast'"));
  EXPECT_EQ(Run({"a", "b"}), kSolveExitUsage);
  EXPECT_THAT(err_.str(), HasSubstr("more than one FILE"));
}

TEST_F(SolveCommandTest, MissingFileExitsOne) {
  EXPECT_EQ(Run({"/nonexistent/problem.edges"}), kSolveExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("cannot open"));
}

TEST_F(SolveCommandTest, SolverErrorExitsOne) {
  const std::string file = WriteFile("huge.edges", "1 1 1\n0 0 9223372036854775807\n");
  EXPECT_EQ(Run({file}), kSolveExitFailure);
  EXPECT_THAT(err_.str(), HasSubstr("edges[0].cost"));
}

}  // namespace
}  // namespace azubimatch::solve
