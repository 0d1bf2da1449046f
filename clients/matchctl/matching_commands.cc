// The matching commands of matchctl: suggest, explain, assign, placement, runs, rank,
// policy.
//
// JSON shapes (scripts rely on them; numbers are JSON numbers, scores doubles):
//   suggest --candidate ID  {"suggestions":[{"offer_id":"…","score":0.81,
//                            "components":{"occupation":0.35,"language":0.12,…}}]}
//   suggest --offer ID      the same with "candidate_id" instead of "offer_id"
//   explain                 {"eligible":true,"score":0.81,"travel_minutes":34.2,
//                            "school_travel_minutes":0,"components":{…},
//                            "reasons":["German B1 required, candidate has A2",…]}
//                            (school_travel_minutes: to the Berufsschule, 0 without)
//   assign, run get         {"run_id":"…","mode":"optimal","placements":[{"candidate_id":
//                            "…","offer_id":"…","score":0.8}],"unmatched":[{"candidate_id":
//                            "…","reason":"outcompeted"}],"metrics":{"candidates":…,
//                            "seats":…,"placed":…,"fill_rate":…,"total_score":…,
//                            "mean_score":…,"first_choice_share":…,"top3_share":…,
//                            "commute_median_min":…,"commute_p90_min":…,
//                            "blocking_pairs":…,"ranked_blocking_pairs":…,
//                            "candidate_mean_rank":…,"ranked_first_choice_share":…,
//                            "offer_mean_rank":…,"mutually_acceptable_pairs":…,
//                            "candidate_rankings_used":…,"offer_rankings_used":…,
//                            "company_policy_offers":…,"seed":…}}
//   rank candidate|offer, rank show   the Ranking as proto JSON; --clear {"cleared":…}
//   policy show, policy set the CompanyPolicy as proto JSON; --clear {"cleared":…}
//   run list                {"runs":[<Run summary as proto JSON>,…]}
//   placement accept|reject|withdraw   the Placement as proto JSON
//   placement list          {"placements":[<Placement as proto JSON>,…]}
// "components" maps each score component's name to its contribution (weight x value);
// the contributions add up to the score.
#include "clients/matchctl/matching_commands.h"

namespace azubimatch::matchctl {

void AddMatchingCommands(std::vector<Command>& commands) {
  AddSuggestCommands(commands);
  AddRunCommands(commands);
  AddPlacementCommands(commands);
  AddRankCommands(commands);
  AddPolicyCommands(commands);
}

}  // namespace azubimatch::matchctl
