#include "service/registry/registry_service.h"

#include <string>
#include <utility>

#include "engine/base/status_macros.h"
#include "service/registry/field_violations.h"
#include "service/registry/grpc_status.h"
#include "service/registry/import_reactor.h"
#include "service/rpc/answer_unary.h"

namespace azubimatch::service {
namespace {

template <RegistryRecord R>
std::string KindName() {
  return std::string(RecordKindName(RecordKindOf<R>()));
}

template <RegistryRecord R>
absl::Status RequireRecord(bool present) {
  if (present) return absl::OkStatus();
  return InvalidField(KindName<R>(), "required");
}

}  // namespace

RegistryService::RegistryService(RecordStore* records, CallerResolver* resolver,
                                 RegistryServiceOptions options)
    : records_(records), resolver_(resolver), options_(options) {}

grpc::ServerUnaryReactor* RegistryService::Run(
    grpc::CallbackServerContext* context,
    const std::function<absl::Status(const Caller&)>& body) {
  return AnswerUnary(context, *resolver_, body);
}

template <RegistryRecord R>
grpc::ServerUnaryReactor* RegistryService::Create(grpc::CallbackServerContext* context,
                                                  bool present, const R& record,
                                                  R* response) {
  return Run(context, [&](const Caller& caller) -> absl::Status {
    AZM_RETURN_IF_ERROR(RequireRecord<R>(present));
    AZM_ASSIGN_OR_RETURN(*response, records_->Create(caller, record));
    return absl::OkStatus();
  });
}

template <RegistryRecord R>
grpc::ServerUnaryReactor* RegistryService::Update(grpc::CallbackServerContext* context,
                                                  bool present, const R& record,
                                                  R* response) {
  return Run(context, [&](const Caller& caller) -> absl::Status {
    AZM_RETURN_IF_ERROR(RequireRecord<R>(present));
    AZM_ASSIGN_OR_RETURN(*response, records_->Update(caller, record));
    return absl::OkStatus();
  });
}

template <RegistryRecord R, typename Response>
grpc::ServerUnaryReactor* RegistryService::Upsert(grpc::CallbackServerContext* context,
                                                  bool present, const R& record,
                                                  Response* response,
                                                  R* (Response::*mutable_record)()) {
  return Run(context, [&](const Caller& caller) -> absl::Status {
    AZM_RETURN_IF_ERROR(RequireRecord<R>(present));
    AZM_ASSIGN_OR_RETURN(UpsertResult<R> result, records_->Upsert(caller, record));
    *(response->*mutable_record)() = std::move(result.record);
    response->set_created(result.created);
    return absl::OkStatus();
  });
}

template <RegistryRecord R>
grpc::ServerUnaryReactor* RegistryService::Get(grpc::CallbackServerContext* context,
                                               const v1::GetRecordRequest& request,
                                               R* response) {
  return Run(context, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(*response, records_->Get<R>(caller, request.id()));
    return absl::OkStatus();
  });
}

template <RegistryRecord R>
grpc::ServerUnaryReactor* RegistryService::List(
    grpc::CallbackServerContext* context, const v1::ListRecordsRequest& request,
    google::protobuf::RepeatedPtrField<R>* records, std::string* next_page_token) {
  return Run(context, [&](const Caller& caller) -> absl::Status {
    AZM_ASSIGN_OR_RETURN(RecordPage<R> page, records_->List<R>(caller, request));
    records->Reserve(static_cast<int>(page.records.size()));
    for (R& record : page.records) *records->Add() = std::move(record);
    *next_page_token = std::move(page.next_page_token);
    return absl::OkStatus();
  });
}

template <RegistryRecord R>
grpc::ServerUnaryReactor* RegistryService::Delete(grpc::CallbackServerContext* context,
                                                  const v1::DeleteRecordRequest& request) {
  return Run(context, [&](const Caller& caller) {
    return records_->Delete<R>(caller, request.id(), request.version());
  });
}

// Companies.
grpc::ServerUnaryReactor* RegistryService::CreateCompany(
    grpc::CallbackServerContext* context, const v1::CreateCompanyRequest* request,
    v1::Company* response) {
  return Create(context, request->has_company(), request->company(), response);
}
grpc::ServerUnaryReactor* RegistryService::UpdateCompany(
    grpc::CallbackServerContext* context, const v1::UpdateCompanyRequest* request,
    v1::Company* response) {
  return Update(context, request->has_company(), request->company(), response);
}
grpc::ServerUnaryReactor* RegistryService::UpsertCompany(
    grpc::CallbackServerContext* context, const v1::UpsertCompanyRequest* request,
    v1::UpsertCompanyResponse* response) {
  return Upsert(context, request->has_company(), request->company(), response,
                &v1::UpsertCompanyResponse::mutable_company);
}
grpc::ServerUnaryReactor* RegistryService::GetCompany(grpc::CallbackServerContext* context,
                                                      const v1::GetRecordRequest* request,
                                                      v1::Company* response) {
  return Get(context, *request, response);
}
grpc::ServerUnaryReactor* RegistryService::ListCompanies(
    grpc::CallbackServerContext* context, const v1::ListRecordsRequest* request,
    v1::ListCompaniesResponse* response) {
  return List(context, *request, response->mutable_companies(),
              response->mutable_next_page_token());
}
grpc::ServerUnaryReactor* RegistryService::DeleteCompany(
    grpc::CallbackServerContext* context, const v1::DeleteRecordRequest* request,
    v1::DeleteRecordResponse*) {
  return Delete<v1::Company>(context, *request);
}

// Offers.
grpc::ServerUnaryReactor* RegistryService::CreateOffer(
    grpc::CallbackServerContext* context, const v1::CreateOfferRequest* request,
    v1::TrainingOffer* response) {
  return Create(context, request->has_offer(), request->offer(), response);
}
grpc::ServerUnaryReactor* RegistryService::UpdateOffer(
    grpc::CallbackServerContext* context, const v1::UpdateOfferRequest* request,
    v1::TrainingOffer* response) {
  return Update(context, request->has_offer(), request->offer(), response);
}
grpc::ServerUnaryReactor* RegistryService::UpsertOffer(
    grpc::CallbackServerContext* context, const v1::UpsertOfferRequest* request,
    v1::UpsertOfferResponse* response) {
  return Upsert(context, request->has_offer(), request->offer(), response,
                &v1::UpsertOfferResponse::mutable_offer);
}
grpc::ServerUnaryReactor* RegistryService::GetOffer(grpc::CallbackServerContext* context,
                                                      const v1::GetRecordRequest* request,
                                                      v1::TrainingOffer* response) {
  return Get(context, *request, response);
}
grpc::ServerUnaryReactor* RegistryService::ListOffers(
    grpc::CallbackServerContext* context, const v1::ListRecordsRequest* request,
    v1::ListOffersResponse* response) {
  return List(context, *request, response->mutable_offers(),
              response->mutable_next_page_token());
}
grpc::ServerUnaryReactor* RegistryService::DeleteOffer(
    grpc::CallbackServerContext* context, const v1::DeleteRecordRequest* request,
    v1::DeleteRecordResponse*) {
  return Delete<v1::TrainingOffer>(context, *request);
}

// Candidates.
grpc::ServerUnaryReactor* RegistryService::CreateCandidate(
    grpc::CallbackServerContext* context, const v1::CreateCandidateRequest* request,
    v1::Candidate* response) {
  return Create(context, request->has_candidate(), request->candidate(), response);
}
grpc::ServerUnaryReactor* RegistryService::UpdateCandidate(
    grpc::CallbackServerContext* context, const v1::UpdateCandidateRequest* request,
    v1::Candidate* response) {
  return Update(context, request->has_candidate(), request->candidate(), response);
}
grpc::ServerUnaryReactor* RegistryService::UpsertCandidate(
    grpc::CallbackServerContext* context, const v1::UpsertCandidateRequest* request,
    v1::UpsertCandidateResponse* response) {
  return Upsert(context, request->has_candidate(), request->candidate(), response,
                &v1::UpsertCandidateResponse::mutable_candidate);
}
grpc::ServerUnaryReactor* RegistryService::GetCandidate(grpc::CallbackServerContext* context,
                                                      const v1::GetRecordRequest* request,
                                                      v1::Candidate* response) {
  return Get(context, *request, response);
}
grpc::ServerUnaryReactor* RegistryService::ListCandidates(
    grpc::CallbackServerContext* context, const v1::ListRecordsRequest* request,
    v1::ListCandidatesResponse* response) {
  return List(context, *request, response->mutable_candidates(),
              response->mutable_next_page_token());
}
grpc::ServerUnaryReactor* RegistryService::DeleteCandidate(
    grpc::CallbackServerContext* context, const v1::DeleteRecordRequest* request,
    v1::DeleteRecordResponse*) {
  return Delete<v1::Candidate>(context, *request);
}

grpc::ServerReadReactor<v1::ImportRequest>* RegistryService::Import(
    grpc::CallbackServerContext* context, v1::ImportResponse* response) {
  absl::StatusOr<Caller> caller = resolver_->Resolve(*context);
  if (!caller.ok()) {
    // A reactor that finishes at once with the resolver's status.
    class Refused final : public grpc::ServerReadReactor<v1::ImportRequest> {
     public:
      explicit Refused(const absl::Status& status) { Finish(ToGrpcStatus(status)); }
      void OnDone() override { delete this; }
    };
    return new Refused(caller.status());
  }
  return new ImportReactor(context, records_, *std::move(caller),
                           options_.import_batch_size, options_.max_import_errors,
                           response);
}

}  // namespace azubimatch::service
