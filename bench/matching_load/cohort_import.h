// ImportDemoCohort: generates a demo cohort (clients/demo) and loads it into a server
// through the Registry's client-streaming Import RPC — companies, then offers (with the
// company ids the server assigned), then candidates — in streams of `batch_size`
// records, printing progress (records and records/s) to standard error after each
// stream.
//
// Thread-compatible: one call at a time per channel is enough. Time: generation is
// O(records); the import is bounded by the server's write rate (sync writes off on the
// benchmark's own server).
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_COHORT_IMPORT_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_COHORT_IMPORT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "clients/demo/demo_cohort.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::bench {

struct CohortImportOptions {
  // What to generate (counts, seed, external id prefix).
  // Default: DemoCohortOptions{} with external_id_prefix "load".
  clients::DemoCohortOptions cohort = [] {
    clients::DemoCohortOptions options;
    options.external_id_prefix = "load";
    return options;
  }();

  // Records per Import stream (one progress line per stream).
  // Default: 5000.
  int batch_size = 5000;
};

struct KindImport {
  std::string kind;         // "companies", "offers", "candidates"
  int64_t records = 0;      // streamed
  int64_t failed = 0;       // refused by the server
  double seconds = 0;       // wall time of the kind's streams
  std::string first_error;  // the first refusal, "" when none
};

struct ImportedCohort {
  std::vector<KindImport> kinds;           // companies, offers, candidates
  std::vector<std::string> candidate_ids;  // ids of the imported candidates
  std::vector<std::string> offer_ids;      // ids of the imported offers
  double generate_seconds = 0;             // GenerateDemoCohort
};

// Errors: those of GenerateDemoCohort / AssignCompanyIds, and UNAVAILABLE (or the
// RPC's own code) naming the kind when a stream fails.
// `api_key` is sent with every stream; its member owns the candidates.
absl::StatusOr<ImportedCohort> ImportDemoCohort(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& api_key,
    const CohortImportOptions& options);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_COHORT_IMPORT_H_
