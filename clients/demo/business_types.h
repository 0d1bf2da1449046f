// Kinds of migrant-led businesses in the demo cohort: each one has a sector, the
// chamber its training runs through, the occupations it trains in, name patterns and
// the heritage languages it is more often run in.
//
// A company of the demo is drawn as a business type, then an owner of a heritage group,
// then a name from the type's patterns ({S} = owner's surname, {F} = owner's first
// name); its offers are drawn from the type's occupations, so that a company's sector,
// chamber and offers are consistent (a Kfz workshop offers Kfz-Mechatroniker/in, a
// dental practice Zahnmedizinische/r Fachangestellte/r). Occupations are referred to by
// their title in training_occupations.h.
//
// Thread safety: the table is built once (function-local static) and immutable.
#ifndef AZUBIMATCH_CLIENTS_DEMO_BUSINESS_TYPES_H_
#define AZUBIMATCH_CLIENTS_DEMO_BUSINESS_TYPES_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "azubimatch/v1/common.pb.h"
#include "azubimatch/v1/records.pb.h"

namespace azubimatch::clients {

struct WeightedTitle {
  absl::string_view title;  // a TrainingOccupation title
  double weight;            // relative, > 0
};

struct NamePattern {
  absl::string_view pattern;   // with {S} and/or {F} placeholders
  absl::string_view language;  // only for owners of this heritage language; "" = any
};

struct BusinessType {
  absl::string_view label;  // e.g. "Kfz-Werkstatt"
  azubimatch::v1::Sector sector;
  azubimatch::v1::Chamber chamber;
  double weight;  // relative share among companies
  std::vector<WeightedTitle> occupations;
  std::vector<NamePattern> names;
  // Heritage languages this kind of business is more often run in (weight x3).
  std::vector<absl::string_view> preferred_languages;
};

// Every business type.
const std::vector<BusinessType>& BusinessTypes();

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_BUSINESS_TYPES_H_
