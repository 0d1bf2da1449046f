#include "service/http/http_status.h"

#include "absl/strings/cord.h"
#include "google/protobuf/util/json_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace azubimatch::service::http {

int HttpStatusForCode(int grpc_code) {
  switch (grpc_code) {
    case 0:
      return 200;  // OK
    case 1:
      return 499;  // CANCELLED
    case 2:
      return 500;  // UNKNOWN
    case 3:
      return 400;  // INVALID_ARGUMENT
    case 4:
      return 504;  // DEADLINE_EXCEEDED
    case 5:
      return 404;  // NOT_FOUND
    case 6:
      return 409;  // ALREADY_EXISTS
    case 7:
      return 403;  // PERMISSION_DENIED
    case 8:
      return 429;  // RESOURCE_EXHAUSTED
    case 9:
      return 412;  // FAILED_PRECONDITION (code.proto: 400; see header)
    case 10:
      return 409;  // ABORTED
    case 11:
      return 400;  // OUT_OF_RANGE
    case 12:
      return 501;  // UNIMPLEMENTED
    case 13:
      return 500;  // INTERNAL
    case 14:
      return 503;  // UNAVAILABLE
    case 15:
      return 500;  // DATA_LOSS
    case 16:
      return 401;  // UNAUTHENTICATED
    default:
      return 500;
  }
}

std::string StatusJson(const grpc::Status& status) {
  google::rpc::Status body;
  if (!status.error_details().empty() && body.ParseFromString(status.error_details())) {
    // The handler's own status: keep its details, but code and message as sent.
  } else {
    body.Clear();
  }
  body.set_code(status.error_code());
  body.set_message(status.error_message());
  // Details resolve through the generated pool; BadRequest must be linked for that.
  google::rpc::BadRequest::descriptor();
  google::protobuf::util::JsonPrintOptions options;
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(body, &json, options).ok()) {
    body.clear_details();
    json.clear();
    (void)google::protobuf::util::MessageToJsonString(body, &json, options);
  }
  return json;
}

std::string StatusJson(const absl::Status& status) {
  // Payloads keyed by type URL (e.g. a google.rpc.BadRequest) become the details.
  google::rpc::Status body;
  status.ForEachPayload([&body](absl::string_view type_url, const absl::Cord& value) {
    google::protobuf::Any* any = body.add_details();
    any->set_type_url(std::string(type_url));
    any->set_value(std::string(value));
  });
  return StatusJson(grpc::Status(
      static_cast<grpc::StatusCode>(status.code()), std::string(status.message()),
      body.details_size() > 0 ? body.SerializeAsString() : ""));
}

}  // namespace azubimatch::service::http
