#include "service/auth/rate_limiter.h"

#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

// A clock the test moves by hand.
struct ManualClock {
  absl::Time now = absl::FromUnixSeconds(1700000000);
  AuthClock AsClock() {
    return [this] { return now; };
  }
};

TEST(RateLimiterTest, BurstIsServedThenExhausted) {
  ManualClock clock;
  RateLimiter limiter({.requests_per_second = 10, .burst = 5}, clock.AsClock());
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Acquire("k1").ok()) << i;
  absl::Status refused = limiter.Acquire("k1");
  EXPECT_EQ(refused.code(), absl::StatusCode::kResourceExhausted);
}

TEST(RateLimiterTest, TokensRefillAtTheConfiguredRate) {
  ManualClock clock;
  RateLimiter limiter({.requests_per_second = 10, .burst = 5}, clock.AsClock());
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(limiter.Acquire("k1").ok());
  clock.now += absl::Milliseconds(250);  // 2.5 tokens
  EXPECT_TRUE(limiter.Acquire("k1").ok());
  EXPECT_TRUE(limiter.Acquire("k1").ok());
  EXPECT_EQ(limiter.Acquire("k1").code(), absl::StatusCode::kResourceExhausted);
  clock.now += absl::Hours(1);  // refills to the burst, not beyond
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Acquire("k1").ok()) << i;
  EXPECT_EQ(limiter.Acquire("k1").code(), absl::StatusCode::kResourceExhausted);
}

TEST(RateLimiterTest, KeysHaveTheirOwnBuckets) {
  ManualClock clock;
  RateLimiter limiter({.requests_per_second = 1, .burst = 1}, clock.AsClock());
  EXPECT_TRUE(limiter.Acquire("k1").ok());
  EXPECT_EQ(limiter.Acquire("k1").code(), absl::StatusCode::kResourceExhausted);
  EXPECT_TRUE(limiter.Acquire("k2").ok());
}

TEST(RateLimiterTest, ZeroRateTurnsTheLimitOff) {
  ManualClock clock;
  RateLimiter limiter({.requests_per_second = 0, .burst = 1}, clock.AsClock());
  for (int i = 0; i < 10000; ++i) ASSERT_TRUE(limiter.Acquire("k1").ok());
}

TEST(RateLimiterTest, DefaultsServeADemoSizedBurstWithoutRefusal) {
  ManualClock clock;
  RateLimiter limiter(RateLimitOptions{}, clock.AsClock());
  // 4000 calls at once, then 2000 per second for ten seconds.
  for (int i = 0; i < 4000; ++i) ASSERT_TRUE(limiter.Acquire("k1").ok()) << i;
  for (int second = 0; second < 10; ++second) {
    clock.now += absl::Seconds(1);
    for (int i = 0; i < 2000; ++i)
      ASSERT_TRUE(limiter.Acquire("k1").ok()) << second << "/" << i;
  }
  EXPECT_EQ(limiter.Acquire("k1").code(), absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace azubimatch::service
