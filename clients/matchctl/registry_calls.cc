#include "clients/matchctl/registry_calls.h"

namespace azubimatch::matchctl {
namespace {

using google::protobuf::Message;
using Stub = v1::Registry::Stub;

// The Registry methods of one kind. Requests and responses of every kind share their
// layout: the record is field 1 of Create/Upsert requests and of Upsert responses
// (with `created` as field 2); list responses hold the records in field 1 and
// next_page_token in field 2.
template <class Record, class ListResponse, class CreateRequest, class UpsertRequest,
          class UpsertResponse>
class TypedRegistryCalls final : public RegistryCalls {
 public:
  struct Methods {
    grpc::Status (Stub::*get)(grpc::ClientContext*, const v1::GetRecordRequest&, Record*);
    grpc::Status (Stub::*list)(grpc::ClientContext*, const v1::ListRecordsRequest&,
                               ListResponse*);
    grpc::Status (Stub::*create)(grpc::ClientContext*, const CreateRequest&, Record*);
    grpc::Status (Stub::*upsert)(grpc::ClientContext*, const UpsertRequest&,
                                 UpsertResponse*);
    grpc::Status (Stub::*remove)(grpc::ClientContext*, const v1::DeleteRecordRequest&,
                                 v1::DeleteRecordResponse*);
  };

  TypedRegistryCalls(Context& context, Methods methods)
      : context_(context),
        stub_(v1::Registry::NewStub(context.channel())),
        methods_(methods) {}

  grpc::Status Get(const std::string& id, std::unique_ptr<Message>* record) override {
    grpc::ClientContext call;
    context_.PrepareCall(&call);
    v1::GetRecordRequest request;
    request.set_id(id);
    auto response = std::make_unique<Record>();
    grpc::Status status = (stub_.get()->*methods_.get)(&call, request, response.get());
    if (status.ok()) *record = std::move(response);
    return status;
  }

  grpc::Status ListPage(const v1::ListRecordsRequest& request,
                        std::vector<std::unique_ptr<Message>>* records,
                        std::string* next_page_token) override {
    grpc::ClientContext call;
    context_.PrepareCall(&call);
    ListResponse response;
    grpc::Status status = (stub_.get()->*methods_.list)(&call, request, &response);
    if (!status.ok()) return status;
    const auto* type = response.GetDescriptor();
    const auto* reflection = response.GetReflection();
    const auto* records_field = type->FindFieldByNumber(1);
    const int size = reflection->FieldSize(response, records_field);
    for (int i = 0; i < size; ++i) {
      auto record = std::make_unique<Record>();
      record->CopyFrom(reflection->GetRepeatedMessage(response, records_field, i));
      records->push_back(std::move(record));
    }
    *next_page_token = reflection->GetString(response, type->FindFieldByNumber(2));
    return status;
  }

  grpc::Status Create(const Message& record, std::unique_ptr<Message>* created) override {
    grpc::ClientContext call;
    context_.PrepareCall(&call);
    CreateRequest request;
    SetRecordField(record, &request);
    auto response = std::make_unique<Record>();
    grpc::Status status = (stub_.get()->*methods_.create)(&call, request, response.get());
    if (status.ok()) *created = std::move(response);
    return status;
  }

  grpc::Status Upsert(const Message& record, std::unique_ptr<Message>* stored,
                      bool* created) override {
    grpc::ClientContext call;
    context_.PrepareCall(&call);
    UpsertRequest request;
    SetRecordField(record, &request);
    UpsertResponse response;
    grpc::Status status = (stub_.get()->*methods_.upsert)(&call, request, &response);
    if (!status.ok()) return status;
    const auto* type = response.GetDescriptor();
    const auto* reflection = response.GetReflection();
    auto result = std::make_unique<Record>();
    result->CopyFrom(reflection->GetMessage(response, type->FindFieldByNumber(1)));
    *stored = std::move(result);
    *created = reflection->GetBool(response, type->FindFieldByNumber(2));
    return status;
  }

  grpc::Status Delete(const std::string& id, int64_t version) override {
    grpc::ClientContext call;
    context_.PrepareCall(&call);
    v1::DeleteRecordRequest request;
    request.set_id(id);
    request.set_version(version);
    v1::DeleteRecordResponse response;
    return (stub_.get()->*methods_.remove)(&call, request, &response);
  }

 private:
  static void SetRecordField(const Message& record, Message* request) {
    request->GetReflection()
        ->MutableMessage(request, request->GetDescriptor()->FindFieldByNumber(1))
        ->CopyFrom(record);
  }

  Context& context_;
  std::unique_ptr<Stub> stub_;
  Methods methods_;
};

}  // namespace

std::unique_ptr<RegistryCalls> NewRegistryCalls(RecordKind kind, Context& context) {
  switch (kind) {
    case RecordKind::kCompany: {
      using Calls = TypedRegistryCalls<v1::Company, v1::ListCompaniesResponse,
                                       v1::CreateCompanyRequest, v1::UpsertCompanyRequest,
                                       v1::UpsertCompanyResponse>;
      return std::make_unique<Calls>(
          context,
          Calls::Methods{&Stub::GetCompany, &Stub::ListCompanies, &Stub::CreateCompany,
                         &Stub::UpsertCompany, &Stub::DeleteCompany});
    }
    case RecordKind::kOffer: {
      using Calls = TypedRegistryCalls<v1::TrainingOffer, v1::ListOffersResponse,
                                       v1::CreateOfferRequest, v1::UpsertOfferRequest,
                                       v1::UpsertOfferResponse>;
      return std::make_unique<Calls>(
          context, Calls::Methods{&Stub::GetOffer, &Stub::ListOffers, &Stub::CreateOffer,
                                  &Stub::UpsertOffer, &Stub::DeleteOffer});
    }
    case RecordKind::kCandidate: {
      using Calls =
          TypedRegistryCalls<v1::Candidate, v1::ListCandidatesResponse,
                             v1::CreateCandidateRequest, v1::UpsertCandidateRequest,
                             v1::UpsertCandidateResponse>;
      return std::make_unique<Calls>(
          context, Calls::Methods{&Stub::GetCandidate, &Stub::ListCandidates,
                                  &Stub::CreateCandidate, &Stub::UpsertCandidate,
                                  &Stub::DeleteCandidate});
    }
  }
  return nullptr;
}

}  // namespace azubimatch::matchctl
