// ErasureRecord: what the service remembers about an erased candidate, and nothing
// more: the keyed hash of the id (keyed_hasher.h), the member that owned the record
// (an organisation, not a person) and when the erasure happened. The id itself, and
// every personal field, is gone; whoever holds the store's keyed-hash secret can test
// an id against the hash but cannot read it back.
//
// One text form serves both places an erasure is recorded: the value under the hash
// in Family::kErasures and one line of the side file erasure_ledger.h keeps in the
// data folder:
//
//   <64 lower-case hex digits of the hash> <member id or "-"> <erased at, unix seconds>
//
// Pseudonyms: stored runs show an erased candidate as Pseudonym(hash) =
// "erased-" + the first 12 hex digits of the hash. The form cannot be mistaken for a
// record id (16 characters [0-9a-z]) and is the same for every run of one person, so
// analyses of old runs still count that person once.
//
// Thread safety: pure functions and a value type. Complexity: O(length of the text).
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_ERASURE_RECORD_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_ERASURE_RECORD_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace azubimatch::service {

// Hex digits of the keyed hash a pseudonym keeps.
inline constexpr int kPseudonymHashDigits = 12;
// The prefix of every pseudonym.
inline constexpr absl::string_view kPseudonymPrefix = "erased-";

struct ErasureRecord {
  std::string id_hash;    // KeyedHasher::Hash(candidate id): 64 lower-case hex digits
  std::string member_id;  // the owning member of the erased record; empty if unknown
  int64_t erased_at_unix_seconds = 0;

  bool operator==(const ErasureRecord&) const = default;
};

// True for 64 lower-case hex digits (the form KeyedHasher::Hash returns).
bool IsIdHash(absl::string_view text);

// The pseudonym that replaces the candidate in stored runs (see above).
// REQUIRES: IsIdHash(id_hash).
std::string Pseudonym(absl::string_view id_hash);

// The text form above (without a line break).
std::string EncodeErasureRecord(const ErasureRecord& record);

// Parses the text form. InvalidArgument naming the part that is malformed.
absl::StatusOr<ErasureRecord> DecodeErasureRecord(absl::string_view text);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_ERASURE_RECORD_H_
