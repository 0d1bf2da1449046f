// Test support: calling an authenticated matchd (Server with require_api_keys) as a
// member. NewMemberKey() creates a member and an API key of a role in process, through
// the server's own access control; AuthorizedChannel() is a channel that sends
// `authorization: Bearer <key>` with every call, so that stubs made from it need no
// per-call metadata.
//
// Thread safety: the channel may be used from any thread.
#ifndef AZUBIMATCH_TESTS_SERVICE_SERVER_AUTHORIZED_CHANNEL_H_
#define AZUBIMATCH_TESTS_SERVICE_SERVER_AUTHORIZED_CHANNEL_H_

#include <memory>
#include <string>

#include "grpcpp/grpcpp.h"
#include "service/server/server.h"

namespace azubimatch::service {

struct MemberKey {
  std::string member_id;
  std::string key_id;
  std::string key;  // the secret, for `authorization: Bearer <key>`
};

// Creates member `member_name` and a key with `role` ("officer", "portal", "analyst",
// "admin") for it. Fails the current test (and returns empty fields) on error.
MemberKey NewMemberKey(Server& server, const std::string& member_name,
                       const std::string& role);

// A plaintext channel to `address` that adds the key to every call's metadata.
std::shared_ptr<grpc::Channel> AuthorizedChannel(const std::string& address,
                                                 const std::string& key);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_SERVER_AUTHORIZED_CHANNEL_H_
