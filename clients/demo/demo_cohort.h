// GenerateDemoCohort: a realistic, synthetic Baden-Württemberg cohort of migrant-led
// training companies, their training offers and candidates, as API v1 records ready
// for the Registry `Import` RPC. Used by `matchctl demo` and by benchmarks and tests
// that need plausible data. No gRPC, no files, no clock: only the options decide.
//
// What the records look like (tables in bw_municipalities.h, training_occupations.h,
// heritage_groups.h, business_types.h):
// - Companies sit in real BW towns of the cohort's region (cohort_region.h: a few
//   hundred offers fill the towns around Stuttgart, tens of thousands the whole
//   state), drawn by population, a few hundred metres to a few kilometres from the
//   centre; a business type (Kfz workshop,
//   dental practice, restaurant, IT service, ...) fixes sector, chamber (crafts: HWK)
//   and occupations; an owner of a heritage group gives the name, the contact and the
//   languages spoken (always "de" plus the heritage language, sometimes a related one
//   or English). About 8% may not train yet (no chamber recognition, 0 trainers).
// - Offers are for real training occupations with their KldB 2010 code, 1–5 seats
//   (mostly 1), start 1 August (3 in 4) or 1 September of `training_year`, at the
//   company's address; minimum certificate and German level vary around what the
//   occupation typically asks for; some ask for English or the company's heritage
//   language as well. Each names its vocational school (Berufsschule), 1 or 2 days a
//   week: in the nearest district school town for common occupations, in a regional
//   or state-wide centre for rare ones (vocational_schools.h).
// - Candidates: 96 % applied first for one of the cohort's places, drawn by seats
//   (demo_offer_index.h): they live in its town and wish its occupation first, and 97 %
//   of those meet what it asks for (certificate, German and English level, a heritage
//   language, the start date, the commute to the place of work and to its vocational
//   school), as young people apply where they may be taken; the others live in a town
//   of the region by population. Further wishes (1–3 in all, distinct KldB codes, in
//   order) are occupations advertised in the home town by seats 60 % of the time,
//   otherwise mostly of the first wish's sector, drawn 80 % by the seats the cohort
//   advertises and 20 % by national popularity (WishDemand); occupations asking more
//   than the candidate's certificate are less likely. With the default ratio of offers
//   to candidates (kDemoOffersPerCandidate) the optimal assignment leaves about 14 % of
//   the seats unfilled and 7 % of the candidates unplaced (BA/BIBB 2023/24).
//   Candidates are 16–21 at the training start (birth_year = training_year - age);
//   commute by public transport mostly, by bicycle sometimes, by car rarely and only
//   when surely of age (training_year - birth_year >= 19); travel 30–90 minutes (mostly
//   45–60; bicycle at most 45); speak German from A2 to C2 (mostly B1/B2; born in
//   Germany: B2–C2) plus 0–2 heritage languages at C1/C2 and often English; are
//   available from the training year's summer (some earlier, some only in August or
//   September); all gave the "matching" consent, about 60% the "statistics" consent as
//   well, and only those carry a country_of_origin (the family's country; "DE" for no
//   heritage language).
//
// Importing (the server assigns ids; offers need their company's id):
//   1. stream `companies` to Import; ImportResponse.ids holds their ids in order;
//   2. call AssignCompanyIds(ids, &cohort), which sets every offer's company_id from
//      `offer_company_index`;
//   3. stream `offers`, then `candidates`.
//   All records carry external ids "<prefix>-company-0001", "<prefix>-offer-0001",
//   "<prefix>-cand-0001" (4 digits, more when needed), so a second import of the
//   same cohort upserts instead of duplicating.
//
// Determinism: the same options give byte-identical records on every platform (own
// distributions over std::mt19937_64, see demo_random.h). Companies with offers and
// candidates come from two independent streams of the seed: changing `candidates`
// does not change a single company or offer, and, for the same offers, the first N
// candidates of a larger cohort are those of the cohort of N (changing `offers`
// changes the candidates' wishes, which follow the offers) (likewise for the companies of fewer offers,
// except for the last company, whose offer count is cut to fit).
//
// Complexity: O(companies + offers + candidates) time and memory, times the table
// sizes (< 100), plus O(log offers) per candidate for its draw by seats: 500,000
// candidates and 500,000 offers take about 10 s on one core. Thread safety: GenerateDemoCohort is a pure function; it may run on
// several threads at once.
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_COHORT_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_COHORT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "azubimatch/v1/records.pb.h"

namespace azubimatch::clients {

// Offers per candidate of the default cohort: with about 1.9 seats per offer, about
// 1.08 seats per candidate, the ratio at which the optimal assignment leaves about 14 %
// of the seats unfilled and 7 % of the candidates unplaced, as in Germany in 2023/24
// (BA/BIBB); tests/clients/demo/demo_market_shape_test.cc checks the band.
inline constexpr double kDemoOffersPerCandidate = 170.0 / 300.0;

struct DemoCohortOptions {
  // Number of candidates to generate, 0..1,000,000.
  // Default: 300.
  int candidates = 300;

  // Number of training offers to generate, 0..1,000,000. Companies are generated as
  // needed, with 1–3 offers each (about 1.3 on average). Other counts than
  // kDemoOffersPerCandidate * candidates give a market with more or fewer seats.
  // Default: 170.
  int offers = 170;

  // Seed of the random source; the same seed gives the same cohort.
  // Default: 1.
  uint64_t seed = 1;

  // The year training starts (offers' start dates, candidates' availability and birth
  // years, consent dates), 2000..2100. A fixed default rather than "next year" keeps
  // the generator free of the clock.
  // Default: 2027.
  int training_year = 2027;

  // First part of every external id, e.g. "demo" gives "demo-cand-0001". 1..32
  // characters from [a-z0-9-]; a different prefix loads a second, separate cohort.
  // Default: "demo".
  std::string external_id_prefix = "demo";

  // Whether offers name their vocational school and school days (from a stream of
  // their own: switching it changes no other field of any record). Off gives the
  // cohort as it was before schools existed.
  // Default: true.
  bool vocational_schools = true;
};

struct DemoCohort {
  std::vector<azubimatch::v1::Company> companies;
  // company_id is empty until AssignCompanyIds fills it.
  std::vector<azubimatch::v1::TrainingOffer> offers;
  // offer_company_index[i] is the index in `companies` of the company of offers[i].
  std::vector<int> offer_company_index;
  std::vector<azubimatch::v1::Candidate> candidates;
};

// Generates the cohort the options describe. INVALID_ARGUMENT naming the field when an
// option is out of range (negative counts, training_year, external_id_prefix).
absl::StatusOr<DemoCohort> GenerateDemoCohort(const DemoCohortOptions& options);

// Sets offers[i].company_id = company_ids[offer_company_index[i]] for every offer.
// `company_ids` are the ids the server assigned to `cohort->companies`, in order (as in
// ImportResponse.ids). INVALID_ARGUMENT when the sizes differ; FAILED_PRECONDITION
// naming the company when an offer's company has an empty id (its import failed); on
// error no offer is changed.
absl::Status AssignCompanyIds(absl::Span<const std::string> company_ids,
                              DemoCohort* cohort);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_COHORT_H_
