// ReplaceInStringFields over nested, repeated and map fields of real API messages.
#include "service/data_protection/string_field_rewriter.h"

#include "azubimatch/v1/matching.pb.h"
#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

TEST(ReplaceInStringFieldsTest, ReplacesInNestedRepeatedAndMapFields) {
  v1::Run run;
  run.set_id("run-of-abc");
  run.mutable_request()->set_label("abc and abc");
  run.mutable_request()->add_locked()->set_candidate_id("abc");
  run.add_placements()->set_candidate_id("abc");
  run.add_placements()->set_candidate_id("xyz");
  run.add_unmatched()->set_text("no offer for abc");
  (*run.mutable_metrics()->mutable_unmatched_reasons())["abc"] = 4;

  EXPECT_EQ(ReplaceInStringFields(&run, "abc", "P"), 6);
  EXPECT_EQ(run.id(), "run-of-P");
  EXPECT_EQ(run.request().label(), "P and P");
  EXPECT_EQ(run.request().locked(0).candidate_id(), "P");
  EXPECT_EQ(run.placements(0).candidate_id(), "P");
  EXPECT_EQ(run.placements(1).candidate_id(), "xyz");
  EXPECT_EQ(run.unmatched(0).text(), "no offer for P");
  EXPECT_EQ(run.metrics().unmatched_reasons().count("abc"), 0u);
  EXPECT_EQ(run.metrics().unmatched_reasons().at("P"), 4);
}

TEST(ReplaceInStringFieldsTest, MessageWithoutTheTextIsUnchanged) {
  v1::Run run;
  run.add_placements()->set_candidate_id("xyz");
  const std::string before = run.SerializeAsString();
  EXPECT_EQ(ReplaceInStringFields(&run, "abc", "P"), 0);
  EXPECT_EQ(run.SerializeAsString(), before);
}

}  // namespace
}  // namespace azubimatch::service
