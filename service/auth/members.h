// MemberStore: the member organisations of the network, in Family::kMembers.
//
// Each member is a v1::Member stored under its id (16 random characters [0-9a-z] from
// the CSPRNG). Names are 1..200 characters of valid UTF-8 without control characters;
// they need not be unique (the id is the identity).
//
// Thread safety: every method may be called concurrently (members are only created,
// never changed, so no read-modify-write needs a lock).
// Complexity: Create and Get O(log n); List O(log n + page size).
// Order: List returns members by id (bytewise), the store's scan order; the page token
// is the last id of the previous page.
#ifndef AZUBIMATCH_SERVICE_AUTH_MEMBERS_H_
#define AZUBIMATCH_SERVICE_AUTH_MEMBERS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "azubimatch/v1/records.pb.h"
#include "service/store/kv_store.h"
#include "service/store/random_id.h"

namespace azubimatch::service {

// Where the current time comes from; tests inject a fixed clock.
using AuthClock = std::function<absl::Time()>;

struct MemberPage {
  std::vector<v1::Member> members;
  std::string next_page_token;  // empty on the last page
};

class MemberStore {
 public:
  // Page sizes: 0 means kDefaultPageSize; larger than kMaxPageSize is capped.
  static constexpr int kDefaultPageSize = 100;
  static constexpr int kMaxPageSize = 1000;
  static constexpr int kMaxNameLength = 200;

  // `store` is not owned and must outlive this object.
  explicit MemberStore(KvStore* store, AuthClock clock = absl::Now);

  // Creates a member named `name`. InvalidArgument ("name: ...") for a bad name.
  absl::StatusOr<v1::Member> Create(std::string_view name);

  // The member `id`; NotFound ("member_id: ...") when there is none.
  absl::StatusOr<v1::Member> Get(std::string_view id) const;

  // One page of members in id order. InvalidArgument for a negative page size.
  absl::StatusOr<MemberPage> List(int page_size, std::string_view page_token) const;

 private:
  KvStore* const store_;
  const AuthClock clock_;
  RandomIdGenerator ids_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_AUTH_MEMBERS_H_
