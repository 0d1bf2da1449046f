// Municipalities of Baden-Württemberg for the demo cohort: the 80 largest towns and
// cities (every Große Kreisstadt above roughly 22,000 inhabitants and all nine
// Stadtkreise), each with its district, one postal code of the centre, the WGS84
// coordinates of the town centre and an approximate population.
//
// Sources and precision: coordinates are those of the historic centre (market square
// or town hall) to about 0.002° (~200 m); the postal code is the one of that centre
// (most towns have several); populations are rounded figures of the Statistisches
// Landesamt Baden-Württemberg for 2022/2023 and serve only as sampling weights. The
// table holds towns, not the whole state: rural BW is under-represented, which is
// acceptable for a demo and keeps every record's place a real, recognisable one.
//
// Thread safety: the table is built once (function-local static) and immutable, so
// any thread may read it. Lookup by name is O(n) over 80 entries.
#ifndef AZUBIMATCH_CLIENTS_DEMO_BW_MUNICIPALITIES_H_
#define AZUBIMATCH_CLIENTS_DEMO_BW_MUNICIPALITIES_H_

#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::clients {

struct BwMunicipality {
  absl::string_view name;         // official short name, e.g. "Freiburg im Breisgau"
  absl::string_view district;     // Stadtkreis or Landkreis, e.g. "Ortenaukreis"
  absl::string_view postal_code;  // 5 digits, the centre's Postleitzahl
  double latitude;                // degrees north, town centre
  double longitude;               // degrees east, town centre
  int population;                 // approximate inhabitants
};

// Every municipality of the table, largest first (ties: by name).
const std::vector<BwMunicipality>& BwMunicipalities();

// The municipality with exactly this name, or nullptr.
const BwMunicipality* FindBwMunicipality(absl::string_view name);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_BW_MUNICIPALITIES_H_
