// TestSeed: the seed of a randomized test (crash and soak tests that pick kill moments
// at random). Taken from the environment variable AZM_TEST_SEED when it is set, so a
// failure can be replayed with the seed it printed; otherwise drawn from
// std::random_device. Printed to stdout either way ("<test>: seed N; replay with
// AZM_TEST_SEED=N").
//
// Thread safety: call from the test's main thread. An AZM_TEST_SEED that is not a
// whole number in [0, 2^32) fails the calling test.
#ifndef AZUBIMATCH_TESTS_SUPPORT_TEST_SEED_H_
#define AZUBIMATCH_TESTS_SUPPORT_TEST_SEED_H_

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>

#include "absl/strings/numbers.h"
#include "gtest/gtest.h"

namespace azubimatch::testing_support {

inline uint32_t TestSeed() {
  uint32_t seed = 0;
  if (const char* given = std::getenv("AZM_TEST_SEED"); given != nullptr && *given != '\0') {
    if (!absl::SimpleAtoi(given, &seed)) {
      ADD_FAILURE() << "AZM_TEST_SEED must be a whole number below 2^32, not '" << given
                    << "'";
    }
  } else {
    seed = std::random_device()();
  }
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  std::cout << (test != nullptr ? std::string(test->test_suite_name()) + "." + test->name()
                                : std::string("test"))
            << ": seed " << seed << "; replay with AZM_TEST_SEED=" << seed << std::endl;
  return seed;
}

}  // namespace azubimatch::testing_support

#endif  // AZUBIMATCH_TESTS_SUPPORT_TEST_SEED_H_
