// Recognised training occupations (Ausbildungsberufe) used by the demo cohort, with
// their KldB 2010 code, sector, responsible chamber and what offers typically ask for.
//
// Codes: the 5-digit KldB 2010 Berufsgattung (Fassung 2020) that the Bundesagentur für
// Arbeit assigns to the occupation; the fifth digit 2 means "fachlich ausgerichtete
// Tätigkeiten", the level of a completed dual training. Several occupations share one
// code (e.g. Kaufmann/-frau im Einzelhandel and Verkäufer/in are both 62102), so the
// title, not the code, identifies a row. Every code is a valid Berufsgattung of the
// published systematic list; where the assignment of an occupation to its Berufsgattung
// is our best reading rather than a looked-up fact, the row says so in a comment.
//
// "Typical" minimum certificate and German level are what offers for the occupation
// commonly ask for (the legal access to dual training needs no certificate); the demo
// generator varies them around these values. `popularity` is a relative sampling
// weight that follows the order of magnitude of new training contracts per year.
//
// Thread safety: the table is built once (function-local static) and immutable.
// Lookup by title is O(n) over fewer than 60 rows.
#ifndef AZUBIMATCH_CLIENTS_DEMO_TRAINING_OCCUPATIONS_H_
#define AZUBIMATCH_CLIENTS_DEMO_TRAINING_OCCUPATIONS_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "azubimatch/v1/common.pb.h"
#include "azubimatch/v1/records.pb.h"

namespace azubimatch::clients {

struct TrainingOccupation {
  absl::string_view kldb_code;  // KldB 2010, 5 digits
  absl::string_view title;      // official title, e.g. "Kfz-Mechatroniker/in"
  azubimatch::v1::Sector sector;
  azubimatch::v1::Chamber chamber;  // body responsible for the training contract
  azubimatch::v1::SchoolCertificate typical_min_certificate;
  azubimatch::v1::CefrLevel typical_german_level;
  // English level some offers ask for in addition; CEFR_LEVEL_UNSPECIFIED = rarely.
  azubimatch::v1::CefrLevel useful_english_level;
  double popularity;  // relative weight, > 0
};

// Every occupation of the table, grouped by sector.
const std::vector<TrainingOccupation>& TrainingOccupations();

// The occupation with exactly this title, or nullptr.
const TrainingOccupation* FindTrainingOccupation(absl::string_view title);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_TRAINING_OCCUPATIONS_H_
