// SuggestCandidates opens only the grid cells whose score bound can still beat the k-th
// best: its suggestions (ids, order, scores bit for bit) must be those of scoring every
// pair, on random registries of two members with duplicated candidates (ties), inactive
// candidates, held placements and banned pairs, with and without a municipality filter,
// for an officer and an admin, several k and policies. The count of eligible pairs is
// exact while fewer than k are found and never more than the exact count.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/matching/travel_time.h"
#include "gtest/gtest.h"
#include "service/matching/matching_index.h"
#include "service/matching/suggestions.h"
#include "service/registry/record_store.h"
#include "service/store/memory_store.h"
#include "tests/service/matching/test_records.h"

namespace azubimatch::service {
namespace {

using Ranked = std::vector<std::pair<std::string, double>>;  // (candidate id, score)

Caller AdminCaller() {
  Caller caller;
  caller.member_id = "admin";
  caller.role = Role::kAdmin;
  return caller;
}

struct Known {
  std::string member_id;
  std::string municipality;
};

class GatedCandidatesTest : public testing::TestWithParam<uint64_t> {
 protected:
  void SetUp() override { ASSERT_TRUE(records_.Subscribe(&index_).ok()); }
  void TearDown() override { records_.Unsubscribe(&index_); }

  // Two members' cohorts, some candidates duplicated (equal scores), some made inactive,
  // some holding a placement, some pairs banned.
  void LoadRegistry(uint64_t seed) {
    for (const char* member : {"m1", "m2"}) {
      absl::StatusOr<LoadedCohort> cohort =
          LoadDemoCohort(&records_, OfficerOf(member),
                         {.candidates = 300,
                          .offers = 20,
                          .seed = seed + (member[1] - '0'),
                          .external_id_prefix = member});
      ASSERT_TRUE(cohort.ok()) << cohort.status();
      offers_.insert(offers_.end(), cohort->offer_ids.begin(), cohort->offer_ids.end());
      for (size_t i = 0; i < cohort->candidate_ids.size(); ++i) {
        absl::StatusOr<v1::Candidate> c =
            records_.Get<v1::Candidate>(OfficerOf(member), cohort->candidate_ids[i]);
        ASSERT_TRUE(c.ok()) << c.status();
        Remember(*c);
        if (i % 10 == 0) {  // a twin: same profile, another id
          v1::Candidate twin = *c;
          twin.clear_id();
          twin.clear_version();
          twin.clear_external_id();
          absl::StatusOr<v1::Candidate> made = records_.Create(OfficerOf(member), twin);
          ASSERT_TRUE(made.ok()) << made.status();
          Remember(*made);
        } else if (i % 17 == 3) {
          v1::Candidate inactive = *c;
          inactive.set_status(v1::CANDIDATE_STATUS_INACTIVE);
          ASSERT_TRUE(records_.Update(OfficerOf(member), inactive).ok());
        }
      }
    }
    // Held placements and banned pairs, straight into the index.
    int placement = 0;
    for (size_t i = 5; i < candidates_.size(); i += 13) {
      v1::Placement p;
      p.set_id(absl::StrCat("p", 100000000000000 + ++placement));
      p.set_candidate_id(candidates_[i]);
      p.set_offer_id(offers_[i % offers_.size()]);
      p.set_status(i % 2 == 0 ? v1::PLACEMENT_STATUS_ACCEPTED
                              : v1::PLACEMENT_STATUS_REJECTED);
      index_.OnPlacementChanged(nullptr, &p);
    }
  }

  void Remember(const v1::Candidate& c) {
    candidates_.push_back(c.id());
    known_[c.id()] = Known{c.member_id(), c.home().municipality()};
  }

  // Every eligible pair of the offer that `caller` may see, scored by Explain.
  Ranked Exhaustive(const std::string& offer, const Caller& caller,
                    const std::string& municipality,
                    const v1::ScoringPolicyOverrides& policy) {
    Ranked eligible;
    for (const std::string& candidate : candidates_) {
      const Known& known = known_[candidate];
      if (caller.role != Role::kAdmin && known.member_id != caller.member_id) continue;
      if (!municipality.empty() && known.municipality != municipality) continue;
      v1::ExplainRequest request;
      request.set_candidate_id(candidate);
      request.set_offer_id(offer);
      *request.mutable_policy() = policy;
      absl::StatusOr<v1::Explanation> e = suggester_.Explain(AdminCaller(), request);
      EXPECT_TRUE(e.ok()) << e.status();
      if (e.ok() && e->eligible()) eligible.emplace_back(candidate, e->score());
    }
    std::sort(eligible.begin(), eligible.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return eligible;
  }

  MemoryStore store_;
  RecordStore records_{&store_};
  engine::GreatCircleTravelTime travel_;
  MatchingIndex index_{&travel_};
  Suggester suggester_{&index_, &travel_, engine::ScoringPolicy()};
  std::vector<std::string> offers_;
  std::vector<std::string> candidates_;
  std::map<std::string, Known> known_;
};

std::vector<v1::ScoringPolicyOverrides> Policies() {
  std::vector<v1::ScoringPolicyOverrides> policies(5);
  policies[1].set_allow_sector_match(true);
  policies[2].set_certificate_is_hard(false);
  policies[3].set_commute_weight(0.0);  // the commute cannot bound a cell
  policies[4].set_commute_weight(5.0);
  policies[4].set_language_weight(0.0);
  return policies;
}

TEST_P(GatedCandidatesTest, SuggestCandidatesEqualsExhaustiveScoring) {
  LoadRegistry(GetParam());
  int ranked_beyond_k = 0, ties_at_kth = 0;
  int64_t considered_k1 = 0, considered_all = 0;
  for (const v1::ScoringPolicyOverrides& policy : Policies()) {
    for (size_t o = 0; o < offers_.size(); o += 3) {
      const std::string& offer = offers_[o];
      for (const Caller& caller : {OfficerOf("m1"), AdminCaller()}) {
        for (const std::string& municipality :
             {std::string(), known_[candidates_[o]].municipality}) {
          const Ranked all = Exhaustive(offer, caller, municipality, policy);
          for (int k : {1, 3, 10, 1000}) {
            v1::SuggestCandidatesRequest request;
            request.set_offer_id(offer);
            request.set_k(k);
            request.set_municipality(municipality);
            *request.mutable_policy() = policy;
            absl::StatusOr<v1::SuggestionsResponse> response =
                suggester_.SuggestCandidates(caller, request);
            ASSERT_TRUE(response.ok()) << response.status();
            Ranked got;
            for (const v1::Suggestion& s : response->suggestions()) {
              got.emplace_back(s.candidate_id(), s.score());
            }
            const Ranked expected(all.begin(),
                                  all.begin() + std::min<size_t>(all.size(), k));
            ASSERT_EQ(got, expected) << "seed " << GetParam() << " offer " << o << " k "
                                     << k << " municipality '" << municipality << "'";
            const int64_t exact = static_cast<int64_t>(all.size());
            EXPECT_LE(response->eligible(), exact);
            EXPECT_GE(response->eligible(), std::min<int64_t>(exact, k));
            if (exact > k) ++ranked_beyond_k;
            if (exact > k && all[k].second == all[k - 1].second) ++ties_at_kth;
            if (k == 1) considered_k1 += response->considered();
            if (k == 1000) considered_all += response->considered();
          }
        }
      }
    }
  }
  EXPECT_GT(ranked_beyond_k, 50);            // the k best leave pairs out
  EXPECT_GT(ties_at_kth, 0);                 // twins tie with the k-th best
  EXPECT_LT(considered_k1, considered_all);  // cells were passed over
}

INSTANTIATE_TEST_SUITE_P(Seeds, GatedCandidatesTest, testing::Values(5, 23, 41, 77));

}  // namespace
}  // namespace azubimatch::service
