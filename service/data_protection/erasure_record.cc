#include "service/data_protection/erasure_record.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace azubimatch::service {
namespace {

constexpr size_t kIdHashDigits = 64;
// Stands for an empty member id, so that the line keeps three fields.
constexpr absl::string_view kNoMember = "-";

// Member ids are server-assigned tokens; anything with spaces or control characters
// would break the line form.
bool IsPlainToken(absl::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  }
  return !text.empty();
}

}  // namespace

bool IsIdHash(absl::string_view text) {
  if (text.size() != kIdHashDigits) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(c) && !(c >= 'a' && c <= 'f')) return false;
  }
  return true;
}

std::string Pseudonym(absl::string_view id_hash) {
  return absl::StrCat(kPseudonymPrefix, id_hash.substr(0, kPseudonymHashDigits));
}

std::string EncodeErasureRecord(const ErasureRecord& record) {
  return absl::StrCat(record.id_hash, " ",
                      record.member_id.empty() ? kNoMember : record.member_id, " ",
                      record.erased_at_unix_seconds);
}

absl::StatusOr<ErasureRecord> DecodeErasureRecord(absl::string_view text) {
  const std::vector<absl::string_view> parts = absl::StrSplit(text, ' ');
  if (parts.size() != 3) {
    return absl::InvalidArgumentError(absl::StrCat(
        "erasure record: expected 3 space-separated fields, found ", parts.size()));
  }
  ErasureRecord record;
  if (!IsIdHash(parts[0])) {
    return absl::InvalidArgumentError(
        "erasure record: id_hash is not 64 lower-case hex digits");
  }
  record.id_hash = std::string(parts[0]);
  if (!IsPlainToken(parts[1])) {
    return absl::InvalidArgumentError("erasure record: member_id is malformed");
  }
  if (parts[1] != kNoMember) record.member_id = std::string(parts[1]);
  if (!absl::SimpleAtoi(parts[2], &record.erased_at_unix_seconds) ||
      record.erased_at_unix_seconds < 0) {
    return absl::InvalidArgumentError(
        "erasure record: erased_at is not a non-negative number of seconds");
  }
  return record;
}

}  // namespace azubimatch::service
