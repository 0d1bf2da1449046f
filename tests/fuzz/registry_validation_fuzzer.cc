// libFuzzer target: registry request validation (service/registry/validation.h) on
// requests parsed from arbitrary bytes. The first byte picks what is checked (a
// company, offer or candidate record, a listing request, or a record id) and the write
// mode or record kind; the rest is the message in protobuf wire format (the id as
// text). Validation must return OK or INVALID_ARGUMENT — never crash, hang or report
// anything else — and agree with IsWellFormedRecordId on ids.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "azubimatch/v1/records.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "service/registry/record_kind.h"
#include "service/registry/validation.h"

namespace {

using ::azubimatch::service::WriteMode;

template <typename Record, typename Validate>
void Check(const uint8_t* data, size_t size, WriteMode mode, Validate validate) {
  Record record;
  if (!record.ParseFromArray(data, static_cast<int>(size))) return;
  const absl::Status status = validate(record, mode);
  if (!status.ok() && !absl::IsInvalidArgument(status)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace svc = ::azubimatch::service;
  namespace v1 = ::azubimatch::v1;
  if (size < 1) return 0;
  const uint8_t selector = data[0];
  const WriteMode mode = static_cast<WriteMode>((selector >> 2) % 3);
  ++data;
  --size;
  switch (selector % 5) {
    case 0:
      Check<v1::Company>(data, size, mode, [](const v1::Company& r, WriteMode m) {
        return svc::ValidateCompany(r, m);
      });
      break;
    case 1:
      Check<v1::TrainingOffer>(data, size, mode,
                               [](const v1::TrainingOffer& r, WriteMode m) {
                                 return svc::ValidateOffer(r, m);
                               });
      break;
    case 2:
      Check<v1::Candidate>(data, size, mode, [](const v1::Candidate& r, WriteMode m) {
        return svc::ValidateCandidate(r, m);
      });
      break;
    case 3: {
      v1::ListRecordsRequest request;
      if (!request.ParseFromArray(data, static_cast<int>(size))) break;
      const auto kind = static_cast<svc::RecordKind>((selector >> 2) % 3);
      const absl::Status status = svc::ValidateListRequest(request, kind);
      if (!status.ok() && !absl::IsInvalidArgument(status)) std::abort();
      break;
    }
    default: {
      const absl::string_view id(reinterpret_cast<const char*>(data), size);
      const absl::Status status = svc::ValidateRecordId(id, "id");
      if (status.ok() != svc::IsWellFormedRecordId(id)) std::abort();
      break;
    }
  }
  return 0;
}
