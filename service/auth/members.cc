#include "service/auth/members.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "google/protobuf/util/time_util.h"
#include "service/auth/input_checks.h"

namespace azubimatch::service {

namespace {

absl::StatusOr<v1::Member> ParseMember(std::string_view id, std::string_view value) {
  v1::Member member;
  if (!member.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
    return absl::DataLossError(
        absl::StrCat("member '", std::string(id), "': unreadable record"));
  }
  return member;
}

}  // namespace

MemberStore::MemberStore(KvStore* store, AuthClock clock)
    : store_(store), clock_(std::move(clock)) {}

absl::StatusOr<v1::Member> MemberStore::Create(std::string_view name) {
  AZM_RETURN_IF_ERROR(CheckDisplayText("name", name, /*required=*/true, kMaxNameLength));
  const std::string id = ids_.Next();
  v1::Member member;
  member.set_id(id);
  member.set_name(std::string(name));
  *member.mutable_created_at() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
      absl::ToUnixNanos(clock_()));
  *member.mutable_updated_at() = member.created_at();
  member.set_version(1);
  WriteBatch batch;
  batch.Put(Family::kMembers, id, member.SerializeAsString());
  AZM_RETURN_IF_ERROR(store_->Write(batch));
  return member;
}

absl::StatusOr<v1::Member> MemberStore::Get(std::string_view id) const {
  if (id.empty()) return absl::InvalidArgumentError("member_id: required");
  absl::StatusOr<std::string> value = store_->Get(Family::kMembers, id);
  if (absl::IsNotFound(value.status())) {
    return absl::NotFoundError(
        absl::StrCat("member_id: no member '", std::string(id), "'"));
  }
  if (!value.ok()) return value.status();
  return ParseMember(id, *value);
}

absl::StatusOr<MemberPage> MemberStore::List(int page_size,
                                             std::string_view page_token) const {
  AZM_ASSIGN_OR_RETURN(int limit,
                       EffectivePageSize(page_size, kDefaultPageSize, kMaxPageSize));
  MemberPage page;
  // Keys after the token: the token itself followed by the smallest byte.
  std::string start(page_token);
  if (!start.empty()) start.push_back('\0');
  absl::Status parse_status;
  AZM_RETURN_IF_ERROR(store_->Scan(
      Family::kMembers, start, "", [&](std::string_view key, std::string_view value) {
        if (static_cast<int>(page.members.size()) == limit) {
          page.next_page_token = page.members.back().id();
          return false;
        }
        absl::StatusOr<v1::Member> member = ParseMember(key, value);
        if (!member.ok()) {
          parse_status = member.status();
          return false;
        }
        page.members.push_back(*std::move(member));
        return true;
      }));
  AZM_RETURN_IF_ERROR(parse_status);
  return page;
}

}  // namespace azubimatch::service
