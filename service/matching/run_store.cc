#include "service/matching/run_store.h"

#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "engine/base/status_macros.h"
#include "service/matching/analyst_view.h"
#include "service/matching/matching_keys.h"
#include "service/matching/request_validation.h"
#include "service/matching/stored_proto.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {
namespace {

// A token is the 32 characters after the prefix: 16 hex digits of time, 16 of id.
constexpr size_t kTokenLength = 32;

bool IsToken(absl::string_view token) {
  if (token.size() != kTokenLength) return false;
  for (char ch : token) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(ch)) &&
        !absl::ascii_islower(static_cast<unsigned char>(ch))) {
      return false;
    }
  }
  return true;
}

bool MaySee(const Caller& caller, const v1::Run& run) {
  return caller.is_admin() || (!caller.member_id.empty() && run.member_id() == caller.member_id);
}

absl::Status RunNotFound(absl::string_view id) {
  return WithField(absl::NotFoundError(absl::StrCat("id: no run with id \"", id, "\"")), "id");
}

}  // namespace

absl::StatusOr<v1::Run> RunStore::Save(const Caller& caller, v1::Run run, absl::Time now) {
  std::string id;
  for (int attempt = 0;; ++attempt) {
    id = ids_.Next();
    absl::StatusOr<std::string> existing = store_->Get(Family::kRuns, id);
    if (absl::IsNotFound(existing.status())) break;
    if (!existing.ok()) return existing.status();
    if (attempt == 10) return absl::InternalError("could not draw an unused run id");
  }
  run.set_id(id);
  run.set_member_id(caller.member_id);
  const int64_t micros = absl::ToUnixMicros(now);
  run.mutable_created_at()->set_seconds(micros / 1000000);
  run.mutable_created_at()->set_nanos(static_cast<int32_t>(micros % 1000000) * 1000);

  v1::Run summary = run;
  summary.clear_placements();
  summary.clear_unmatched();
  const std::string summary_bytes = summary.SerializeAsString();
  WriteBatch batch;
  batch.Put(Family::kRuns, id, run.SerializeAsString());
  batch.Put(Family::kIndex, RunByTimeKey(micros, id), summary_bytes);
  batch.Put(Family::kIndex, RunByMemberKey(run.member_id(), micros, id), summary_bytes);
  AZM_RETURN_IF_ERROR(store_->Write(batch));
  RedactRunFor(caller, &run);
  return run;
}

absl::StatusOr<v1::Run> RunStore::Get(const Caller& caller, absl::string_view id) const {
  absl::StatusOr<v1::Run> run = ReadStoredProto<v1::Run>(*store_, Family::kRuns, id, "run");
  if (absl::IsNotFound(run.status()) || (run.ok() && !MaySee(caller, *run))) {
    return RunNotFound(id);
  }
  if (run.ok()) RedactRunFor(caller, &*run);
  return run;
}

absl::StatusOr<v1::ListRunsResponse> RunStore::List(const Caller& caller,
                                                    const v1::ListRunsRequest& request) const {
  if (!request.page_token().empty() && !IsToken(request.page_token())) {
    return InvalidField("page_token", "not a token this service returned");
  }
  v1::ListRunsResponse response;
  if (!caller.is_admin() && caller.member_id.empty()) return response;
  const std::string prefix = caller.is_admin() ? std::string(kRunsByTimePrefix)
                                               : RunsOfMemberPrefix(caller.member_id);
  // Keys just after the token's: the token followed by the smallest byte.
  const std::string start =
      request.page_token().empty()
          ? prefix
          : absl::StrCat(prefix, request.page_token(), absl::string_view("\0", 1));
  std::string end = prefix;
  end.back() = static_cast<char>(end.back() + 1);  // prefixes end in '/' or '\0'
  const int page_size =
      request.page_size() == 0 ? kDefaultRunsPageSize : request.page_size();
  absl::Status parse_status;
  bool more = false;
  std::string last_token;
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kIndex, start, end, [&](std::string_view key, std::string_view value) {
        if (response.runs_size() == page_size) {
          more = true;
          return false;
        }
        v1::Run* run = response.add_runs();
        if (!run->ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          parse_status = absl::DataLossError("a stored run summary cannot be parsed");
          return false;
        }
        RedactRunFor(caller, run);
        last_token = std::string(key.substr(prefix.size()));
        return true;
      }));
  AZM_RETURN_IF_ERROR(parse_status);
  if (more) response.set_next_page_token(last_token);
  return response;
}

}  // namespace azubimatch::service
