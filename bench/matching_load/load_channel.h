// The load generator's connections: NewLoadChannel opens a plaintext channel with a
// connection of its own (local subchannel pool), so that client threads do not share
// one HTTP/2 connection; AddBearer puts `authorization: Bearer <key>` on one call.
//
// Thread safety: a channel may be used from any thread; AddBearer touches only the
// given context.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_LOAD_CHANNEL_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_LOAD_CHANNEL_H_

#include <memory>
#include <string>

#include "grpcpp/grpcpp.h"

namespace azubimatch::bench {

// A channel to `address` (HOST:PORT) that accepts responses up to `max_receive_bytes`
// (an Assign run over 50k candidates is several MB).
std::shared_ptr<grpc::Channel> NewLoadChannel(const std::string& address,
                                              int max_receive_bytes = 256 << 20);

// Adds the API key to the call's metadata.
void AddBearer(const std::string& key, grpc::ClientContext* context);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_LOAD_CHANNEL_H_
