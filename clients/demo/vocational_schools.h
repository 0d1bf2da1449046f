// The vocational school (Berufsschule) of each demo offer: where the apprentice attends
// classes and on how many days a week. Internal to clients/demo; GenerateDemoCohort
// calls AssignVocationalSchools after the offers are drawn.
//
// The model (a plausible simplification, not a register of real schools):
// - Common occupations (sampling weight above 1 in training_occupations.h) are taught
//   in the district: the school is in the school town nearest to the place of work,
//   among the seats of the Stadt- and Landkreise and a few other large school towns of
//   the municipality table (kSchoolTowns below).
// - Rare occupations (weight 1 or less) have centralised classes (Bezirks- or
//   Landesfachklassen): the school is in the nearest seat of a Regierungsbezirk
//   (Stuttgart, Karlsruhe, Freiburg im Breisgau, Tübingen); the rarest (weight below
//   0.6) have one state-wide class, modelled in Stuttgart. So trips of an hour or two
//   occur, as they do in Baden-Württemberg.
// - Days a week: 1 or 2 (part-time classes; centralised block teaching is approximated
//   by its weekly average, 2 days in 5 of 10 cases, 1 otherwise), drawn from `rng`.
// The school's Location is the school town's centre (coordinates, postal code and
// name from bw_municipalities.h).
//
// Determinism: the school town depends only on the occupation and the place of work;
// the days come from their own stream of the seed, so schools change no other record.
// Thread safety: pure functions of their arguments. Complexity: O(school towns) per
// offer (the school towns are looked up in the municipality table once).
#ifndef AZUBIMATCH_CLIENTS_DEMO_VOCATIONAL_SCHOOLS_H_
#define AZUBIMATCH_CLIENTS_DEMO_VOCATIONAL_SCHOOLS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "clients/demo/bw_municipalities.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/demo_random.h"
#include "clients/demo/training_occupations.h"

namespace azubimatch::clients {

// The school town of an offer for `occupation` whose place of work is at (latitude,
// longitude): what AssignVocationalSchools names. INTERNAL when a school town is not in
// the municipality table.
absl::StatusOr<const BwMunicipality*> VocationalSchoolTown(
    const TrainingOccupation& occupation, double latitude, double longitude);

// Sets vocational_school and school_days_per_week of every offer of `cohort`.
// INTERNAL when an offer's occupation title or a school town is not in the tables.
absl::Status AssignVocationalSchools(DemoRandom& rng, DemoCohort* cohort);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_VOCATIONAL_SCHOOLS_H_
