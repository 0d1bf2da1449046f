// RegistryCalls: the Registry RPCs for one record kind behind one interface, so that
// `list`, `get`, `add` and `delete` are written once for companies, offers and
// candidates. Records travel as google::protobuf::Message of the kind's type
// (KindDescriptor). Every call gets the Context's deadline and credentials.
//
// Thread-compatible (one per command invocation). Each call is one RPC.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_REGISTRY_CALLS_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_REGISTRY_CALLS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "azubimatch/v1/registry.grpc.pb.h"
#include "clients/matchctl/command.h"
#include "clients/matchctl/record_kind.h"
#include "google/protobuf/message.h"

namespace azubimatch::matchctl {

class RegistryCalls {
 public:
  virtual ~RegistryCalls() = default;

  virtual grpc::Status Get(const std::string& id,
                           std::unique_ptr<google::protobuf::Message>* record) = 0;
  // One page: appends its records to *records and sets *next_page_token ("" on the
  // last page).
  virtual grpc::Status ListPage(
      const v1::ListRecordsRequest& request,
      std::vector<std::unique_ptr<google::protobuf::Message>>* records,
      std::string* next_page_token) = 0;
  // REQUIRES: record is of the kind's type.
  virtual grpc::Status Create(const google::protobuf::Message& record,
                              std::unique_ptr<google::protobuf::Message>* created) = 0;
  // *created tells whether the upsert created the record (else it replaced one).
  virtual grpc::Status Upsert(const google::protobuf::Message& record,
                              std::unique_ptr<google::protobuf::Message>* stored,
                              bool* created) = 0;
  // version 0 deletes whatever version is current.
  virtual grpc::Status Delete(const std::string& id, int64_t version) = 0;
};

std::unique_ptr<RegistryCalls> NewRegistryCalls(RecordKind kind, Context& context);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_REGISTRY_CALLS_H_
