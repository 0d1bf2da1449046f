// Heritage-language groups for the demo cohort: the languages spoken in migrant-led
// companies and by young people in Baden-Württemberg, with the countries families
// come from, plausible first names and surnames, and sampling weights.
//
// The first group has language "de" and stands for candidates without a heritage
// language (company_weight 0: the network's companies are migrant-led). Weights are
// rough shares chosen to resemble the population with a migration history in BW
// (Turkish, Italian, Balkan, Polish, Romanian, Russian-German, Ukrainian, Arabic,
// Kurdish, Persian/Dari, ...); they are sampling weights for a demo, not statistics.
// Names are common ones of each language, spelled as in that language (UTF-8).
//
// Thread safety: the table is built once (function-local static) and immutable.
#ifndef AZUBIMATCH_CLIENTS_DEMO_HERITAGE_GROUPS_H_
#define AZUBIMATCH_CLIENTS_DEMO_HERITAGE_GROUPS_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::clients {

struct HeritageGroup {
  absl::string_view language;                // ISO 639-1, lower case
  std::vector<absl::string_view> countries;  // ISO 3166-1 alpha-2, most frequent first
  std::vector<absl::string_view> related;    // languages often spoken as well
  double candidate_weight;                   // relative share among candidates
  double company_weight;                     // relative share among companies
  double born_in_germany_share;              // of candidates of this group, 0..1
  std::vector<absl::string_view> first_names;
  std::vector<absl::string_view> surnames;
};

// Every group; the first one is "de" (no heritage language).
const std::vector<HeritageGroup>& HeritageGroups();

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_HERITAGE_GROUPS_H_
