#include "bench/matching_load/load_channel.h"

#include "absl/strings/str_cat.h"

namespace azubimatch::bench {

std::shared_ptr<grpc::Channel> NewLoadChannel(const std::string& address,
                                              int max_receive_bytes) {
  grpc::ChannelArguments arguments;
  arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  arguments.SetMaxReceiveMessageSize(max_receive_bytes);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(),
                                   arguments);
}

void AddBearer(const std::string& key, grpc::ClientContext* context) {
  context->AddMetadata("authorization", absl::StrCat("Bearer ", key));
}

}  // namespace azubimatch::bench
