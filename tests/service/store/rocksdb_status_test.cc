#include "service/store/rocksdb_status.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/status.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

TEST(ToAbslStatusTest, OkStaysOk) {
  EXPECT_TRUE(ToAbslStatus(rocksdb::Status::OK(), "ctx").ok());
}

TEST(ToAbslStatusTest, NoSpaceIsResourceExhaustedWithRocksDbMessage) {
  const absl::Status status =
      ToAbslStatus(rocksdb::Status::NoSpace("append", "disk full"), "write batch");
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), HasSubstr("write batch: "));
  EXPECT_THAT(status.message(), HasSubstr("disk full"));
}

TEST(ToAbslStatusTest, SpaceAndMemoryLimitsAreResourceExhausted) {
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::SpaceLimit("sst"), "c").code(),
            absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::MemoryLimit("m"), "c").code(),
            absl::StatusCode::kResourceExhausted);
}

TEST(ToAbslStatusTest, OtherIoErrorsAreUnavailable) {
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::IOError("eio"), "c").code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::PathNotFound("p"), "c").code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::Busy("b"), "c").code(),
            absl::StatusCode::kUnavailable);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::ShutdownInProgress(), "c").code(),
            absl::StatusCode::kUnavailable);
}

TEST(ToAbslStatusTest, CorruptionIsDataLoss) {
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::Corruption("bad block"), "c").code(),
            absl::StatusCode::kDataLoss);
}

TEST(ToAbslStatusTest, RemainingCodesMapToTheirAbslCounterparts) {
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::NotFound(), "c").code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::NotSupported(), "c").code(),
            absl::StatusCode::kUnimplemented);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::InvalidArgument(), "c").code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::TimedOut(), "c").code(),
            absl::StatusCode::kDeadlineExceeded);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::Aborted(), "c").code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(ToAbslStatus(rocksdb::Status::Incomplete(), "c").code(),
            absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace azubimatch::service
