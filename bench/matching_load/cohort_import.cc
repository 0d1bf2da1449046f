#include "bench/matching_load/cohort_import.h"

#include <algorithm>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "bench/matching_load/load_channel.h"
#include "engine/base/status_macros.h"

namespace azubimatch::bench {
namespace {

using ::azubimatch::v1::ImportRequest;
using ::azubimatch::v1::ImportResponse;
using ::azubimatch::v1::Registry;

// Streams `records` (sets the ImportRequest member with `set`) in batches; appends the
// server's ids in order to *ids ("" for refused records).
template <class Record, class Setter>
absl::Status ImportKindRecords(Registry::Stub& stub, const std::string& api_key,
                               const std::string& kind,
                               const std::vector<Record>& records, int batch_size,
                               Setter set, std::vector<std::string>* ids,
                               KindImport* result) {
  result->kind = kind;
  const absl::Time start = absl::Now();
  const size_t total = records.size();
  for (size_t begin = 0; begin < total; begin += batch_size) {
    const size_t end = std::min(total, begin + static_cast<size_t>(batch_size));
    grpc::ClientContext context;
    AddBearer(api_key, &context);
    ImportResponse response;
    std::unique_ptr<grpc::ClientWriter<ImportRequest>> writer =
        stub.Import(&context, &response);
    ImportRequest request;
    for (size_t i = begin; i < end; ++i) {
      set(request, records[i]);
      if (!writer->Write(request)) break;
    }
    writer->WritesDone();
    const grpc::Status status = writer->Finish();
    if (!status.ok()) {
      return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                          absl::StrCat("Import of ", kind, " at record ", begin, ": ",
                                       status.error_message()));
    }
    result->records += static_cast<int64_t>(end - begin);
    result->failed += response.failed();
    if (result->first_error.empty() && response.errors_size() > 0) {
      const v1::ImportError& error = response.errors(0);
      result->first_error = absl::StrCat(error.external_id(), ": ", error.code(), " ",
                                         error.field(), ": ", error.message());
    }
    ids->insert(ids->end(), response.ids().begin(), response.ids().end());
    const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
    std::cerr << absl::StrFormat("loading %s: %d/%d (%.0f records/s)", kind, end, total,
                                 static_cast<double>(end) / std::max(seconds, 1e-9));
    if (result->failed > 0) {
      std::cerr << absl::StrFormat(", %d refused, first: %s", result->failed,
                                   result->first_error);
    }
    std::cerr << "\n";
  }
  result->seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return absl::OkStatus();
}

// Keeps the ids of the records the server accepted.
std::vector<std::string> NonEmpty(std::vector<std::string> ids) {
  ids.erase(std::remove(ids.begin(), ids.end(), std::string()), ids.end());
  return ids;
}

}  // namespace

absl::StatusOr<ImportedCohort> ImportDemoCohort(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& api_key,
    const CohortImportOptions& options) {
  ImportedCohort imported;
  const absl::Time generate_start = absl::Now();
  AZM_ASSIGN_OR_RETURN(clients::DemoCohort cohort,
                       clients::GenerateDemoCohort(options.cohort));
  imported.generate_seconds = absl::ToDoubleSeconds(absl::Now() - generate_start);
  std::cerr << absl::StrFormat(
      "generated %d companies, %d offers, %d candidates in %.1f s\n",
      cohort.companies.size(), cohort.offers.size(), cohort.candidates.size(),
      imported.generate_seconds);

  std::unique_ptr<Registry::Stub> stub = Registry::NewStub(channel);
  const int batch = std::max(1, options.batch_size);
  imported.kinds.reserve(3);
  std::vector<std::string> company_ids;
  AZM_RETURN_IF_ERROR(ImportKindRecords(
      *stub, api_key, "companies", cohort.companies, batch,
      [](ImportRequest& r, const v1::Company& c) { *r.mutable_company() = c; },
      &company_ids, &imported.kinds.emplace_back()));
  AZM_RETURN_IF_ERROR(clients::AssignCompanyIds(company_ids, &cohort));
  std::vector<std::string> offer_ids;
  AZM_RETURN_IF_ERROR(ImportKindRecords(
      *stub, api_key, "offers", cohort.offers, batch,
      [](ImportRequest& r, const v1::TrainingOffer& o) { *r.mutable_offer() = o; },
      &offer_ids, &imported.kinds.emplace_back()));
  std::vector<std::string> candidate_ids;
  AZM_RETURN_IF_ERROR(ImportKindRecords(
      *stub, api_key, "candidates", cohort.candidates, batch,
      [](ImportRequest& r, const v1::Candidate& c) { *r.mutable_candidate() = c; },
      &candidate_ids, &imported.kinds.emplace_back()));
  imported.offer_ids = NonEmpty(std::move(offer_ids));
  imported.candidate_ids = NonEmpty(std::move(candidate_ids));
  return imported;
}

}  // namespace azubimatch::bench
