// ExpectExhaustiveOptimum: solves a small problem with SolveAssignment and checks
// the result against exhaustive search (size and objective) and the optimality
// certificate. For the tests of engine/assignment; fatal on the first mismatch.
#ifndef AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_EXHAUSTIVE_CHECK_H_
#define AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_EXHAUSTIVE_CHECK_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/assignment/optimality_certificate.h"
#include "engine/assignment/sparse_assignment.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/exhaustive_solver.h"

namespace azubimatch::engine::testing {

// `instance` names the problem in failure messages. Use with ASSERT_NO_FATAL_FAILURE.
inline void ExpectExhaustiveOptimum(const AssignmentProblem& problem,
                                    const SolverOptions& options, int instance) {
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  ASSERT_TRUE(result.ok()) << "instance " << instance << ": " << result.status();
  const auto [rows, total] = ExhaustiveSolver(problem, options.maximize).Solve();
  ASSERT_EQ(result->assigned, rows) << "instance " << instance;
  ASSERT_EQ(result->objective, total) << "instance " << instance;
  const absl::Status proof = CheckOptimalityCertificate(problem, options, *result);
  ASSERT_TRUE(proof.ok()) << "instance " << instance << ": " << proof;
}

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_EXHAUSTIVE_CHECK_H_
