// RegistryService: the azubimatch.v1.Registry gRPC service (callback API) over a
// RecordStore.
//
// Every RPC first resolves the caller through the CallerResolver (its error is returned
// as is), then checks the request and calls the RecordStore; absl::Status results are
// converted once, by ToGrpcStatus (grpc_status.h), so INVALID_ARGUMENT carries a
// google.rpc.BadRequest. Documented answers to empty requests:
//   Create*/Update*/Upsert* without the record   INVALID_ARGUMENT, field "company" /
//                                                "offer" / "candidate"
//   Update* with a record without id             INVALID_ARGUMENT, field "<kind>.id"
//   Upsert* with a record without external_id    INVALID_ARGUMENT, "<kind>.external_id"
//   Get* / Delete* without id                    INVALID_ARGUMENT, field "id"
//   Get* / Delete* with an unknown id            NOT_FOUND
//   List* with an empty request                  OK: the first page (100 records)
//   Import with no messages                      OK: received = 0
//   Import message without a record              reported in `errors` (field "record")
//
// Import: records are read one by one and written in batches of `import_batch_size`
// (one WriteBatch each, see RecordStore::Import); each record is created, or upserted
// when it has an external_id. Per-record errors carry index, external_id, code name,
// first field and message; `ids` lists the stored id of every record in stream order
// ("" for failed ones). If the store fails while writing a batch, the RPC ends with that
// error; earlier batches stay written (re-running an import with external ids is
// idempotent). A cancelled import writes no further batch.
//
// Thread safety: handlers run concurrently on gRPC's threads; the RecordStore serializes
// writes. Cost: one RecordStore operation per unary RPC; Import O(records).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_REGISTRY_SERVICE_H_
#define AZUBIMATCH_SERVICE_REGISTRY_REGISTRY_SERVICE_H_

#include <functional>

#include "absl/status/status.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "service/registry/caller_resolver.h"
#include "service/registry/record_store.h"

namespace azubimatch::service {

struct RegistryServiceOptions {
  // Records per WriteBatch in Import. Larger batches mean fewer syncs (faster imports)
  // and more memory per stream.
  // Default: 500.
  int import_batch_size = 500;

  // At most this many ImportError entries are listed in an ImportResponse; `failed`
  // still counts every failed record. Bounds the size of the response.
  // Default: 1000.
  int max_import_errors = 1000;
};

class RegistryService final : public v1::Registry::CallbackService {
 public:
  // `records` and `resolver` must outlive the service.
  RegistryService(RecordStore* records, CallerResolver* resolver,
                  RegistryServiceOptions options = {});

  grpc::ServerUnaryReactor* CreateCompany(grpc::CallbackServerContext* context,
                                          const v1::CreateCompanyRequest* request,
                                          v1::Company* response) override;
  grpc::ServerUnaryReactor* UpdateCompany(grpc::CallbackServerContext* context,
                                          const v1::UpdateCompanyRequest* request,
                                          v1::Company* response) override;
  grpc::ServerUnaryReactor* UpsertCompany(grpc::CallbackServerContext* context,
                                          const v1::UpsertCompanyRequest* request,
                                          v1::UpsertCompanyResponse* response) override;
  grpc::ServerUnaryReactor* GetCompany(grpc::CallbackServerContext* context,
                                       const v1::GetRecordRequest* request,
                                       v1::Company* response) override;
  grpc::ServerUnaryReactor* ListCompanies(grpc::CallbackServerContext* context,
                                          const v1::ListRecordsRequest* request,
                                          v1::ListCompaniesResponse* response) override;
  grpc::ServerUnaryReactor* DeleteCompany(grpc::CallbackServerContext* context,
                                          const v1::DeleteRecordRequest* request,
                                          v1::DeleteRecordResponse* response) override;

  grpc::ServerUnaryReactor* CreateOffer(grpc::CallbackServerContext* context,
                                        const v1::CreateOfferRequest* request,
                                        v1::TrainingOffer* response) override;
  grpc::ServerUnaryReactor* UpdateOffer(grpc::CallbackServerContext* context,
                                        const v1::UpdateOfferRequest* request,
                                        v1::TrainingOffer* response) override;
  grpc::ServerUnaryReactor* UpsertOffer(grpc::CallbackServerContext* context,
                                        const v1::UpsertOfferRequest* request,
                                        v1::UpsertOfferResponse* response) override;
  grpc::ServerUnaryReactor* GetOffer(grpc::CallbackServerContext* context,
                                     const v1::GetRecordRequest* request,
                                     v1::TrainingOffer* response) override;
  grpc::ServerUnaryReactor* ListOffers(grpc::CallbackServerContext* context,
                                       const v1::ListRecordsRequest* request,
                                       v1::ListOffersResponse* response) override;
  grpc::ServerUnaryReactor* DeleteOffer(grpc::CallbackServerContext* context,
                                        const v1::DeleteRecordRequest* request,
                                        v1::DeleteRecordResponse* response) override;

  grpc::ServerUnaryReactor* CreateCandidate(grpc::CallbackServerContext* context,
                                            const v1::CreateCandidateRequest* request,
                                            v1::Candidate* response) override;
  grpc::ServerUnaryReactor* UpdateCandidate(grpc::CallbackServerContext* context,
                                            const v1::UpdateCandidateRequest* request,
                                            v1::Candidate* response) override;
  grpc::ServerUnaryReactor* UpsertCandidate(grpc::CallbackServerContext* context,
                                            const v1::UpsertCandidateRequest* request,
                                            v1::UpsertCandidateResponse* response) override;
  grpc::ServerUnaryReactor* GetCandidate(grpc::CallbackServerContext* context,
                                         const v1::GetRecordRequest* request,
                                         v1::Candidate* response) override;
  grpc::ServerUnaryReactor* ListCandidates(grpc::CallbackServerContext* context,
                                           const v1::ListRecordsRequest* request,
                                           v1::ListCandidatesResponse* response) override;
  grpc::ServerUnaryReactor* DeleteCandidate(grpc::CallbackServerContext* context,
                                            const v1::DeleteRecordRequest* request,
                                            v1::DeleteRecordResponse* response) override;

  grpc::ServerReadReactor<v1::ImportRequest>* Import(grpc::CallbackServerContext* context,
                                                     v1::ImportResponse* response) override;

 private:
  // Resolves the caller, runs `body` and finishes the call with its status.
  grpc::ServerUnaryReactor* Run(grpc::CallbackServerContext* context,
                                const std::function<absl::Status(const Caller&)>& body);

  template <RegistryRecord R>
  grpc::ServerUnaryReactor* Create(grpc::CallbackServerContext* context, bool present,
                                   const R& record, R* response);
  template <RegistryRecord R>
  grpc::ServerUnaryReactor* Update(grpc::CallbackServerContext* context, bool present,
                                   const R& record, R* response);
  template <RegistryRecord R, typename Response>
  grpc::ServerUnaryReactor* Upsert(grpc::CallbackServerContext* context, bool present,
                                   const R& record, Response* response,
                                   R* (Response::*mutable_record)());
  template <RegistryRecord R>
  grpc::ServerUnaryReactor* Get(grpc::CallbackServerContext* context,
                                const v1::GetRecordRequest& request, R* response);
  template <RegistryRecord R>
  grpc::ServerUnaryReactor* List(grpc::CallbackServerContext* context,
                                 const v1::ListRecordsRequest& request,
                                 google::protobuf::RepeatedPtrField<R>* records,
                                 std::string* next_page_token);
  template <RegistryRecord R>
  grpc::ServerUnaryReactor* Delete(grpc::CallbackServerContext* context,
                                   const v1::DeleteRecordRequest& request);

  RecordStore* const records_;
  CallerResolver* const resolver_;
  const RegistryServiceOptions options_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_REGISTRY_SERVICE_H_
