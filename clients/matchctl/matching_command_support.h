// Pieces the matching command groups of matchctl share (suggest_commands.cc,
// run_commands.cc, placement_commands.cc): the Matching stub, number and time texts,
// score components in tables and JSON, "C:O" pairs and dates from flags, repeatable
// flags, paged listings and JSON lists.
//
// Thread-compatible (see command.h).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_MATCHING_COMMAND_SUPPORT_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_MATCHING_COMMAND_SUPPORT_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "clients/matchctl/command.h"
#include "clients/matchctl/command_args.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/proto_json.h"

namespace azubimatch::matchctl {

std::unique_ptr<v1::Matching::Stub> MatchingStub(Context& context);

// Matching.GetRun of the run `id` into *run, with the default deadline.
grpc::Status GetRun(Context& context, const std::string& id, v1::Run* run);

// A score with 4 decimals; minutes without decimals.
std::string ScoreText(double score);
std::string MinutesText(double minutes);

// "optimal", "stable", "stable-offer-proposing", "best-stable", "greedy".
std::string ModeName(v1::AssignMode mode);

// "YYYY-MM-DD HH:MM:SS" in UTC; "" for an unset timestamp.
std::string TimeText(const google::protobuf::Timestamp& ts);

// Writes the one-sided figures of `m` (candidates .. blocking_pairs) as keys of the JSON
// object `json` is in; callers add the figures their output has beyond them.
void WriteRunMetricsFields(const v1::RunMetrics& m, JsonWriter& json);

// {"<name>": contribution, ...} in the components' order.
void WriteComponents(const google::protobuf::RepeatedPtrField<v1::ScoreComponent>& components,
                     JsonWriter& json);

// The contribution of the component `name`, formatted; "" when absent.
std::string Contribution(const google::protobuf::RepeatedPtrField<v1::ScoreComponent>& components,
                         absl::string_view name);

// "C:O" -> pair; INVALID_ARGUMENT naming --flag otherwise.
absl::StatusOr<v1::CandidateOfferPair> ParsePair(absl::string_view flag,
                                                 absl::string_view text);

// "YYYY-MM-DD" -> Date (the server checks the calendar); INVALID_ARGUMENT naming --flag.
absl::StatusOr<v1::Date> ParseDate(absl::string_view flag, absl::string_view text);

// Every value of a repeatable flag, in order.
std::vector<std::string> FlagValues(const ParsedArgs& args, absl::string_view name);

// A Command from its parts.
Command MakeCommand(std::string name, std::string summary, std::string usage,
                    std::function<int(Context&, const std::vector<std::string>&)> run);

// Fetches every page of a listing, at most `limit` items, into `items`.
template <typename Request, typename Response, typename Item>
grpc::Status FetchPages(Context& context, Request request, int64_t max_page,
                        const std::optional<int64_t>& limit,
                        grpc::Status (v1::Matching::Stub::*list)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                        google::protobuf::RepeatedPtrField<Item>* (Response::*items_of)(),
                        std::vector<Item>* items) {
  std::unique_ptr<v1::Matching::Stub> stub = MatchingStub(context);
  while (true) {
    int64_t size = max_page;
    if (limit.has_value()) size = std::min<int64_t>(size, *limit - items->size());
    request.set_page_size(static_cast<int32_t>(size));
    grpc::ClientContext call;
    context.PrepareCall(&call);
    Response response;
    if (grpc::Status status = (stub.get()->*list)(&call, request, &response); !status.ok()) {
      return status;
    }
    for (Item& item : *(response.*items_of)()) items->push_back(std::move(item));
    if (response.next_page_token().empty() ||
        (limit.has_value() && static_cast<int64_t>(items->size()) >= *limit)) {
      return grpc::Status::OK;
    }
    request.set_page_token(response.next_page_token());
  }
}

// Prints {"<key>":[<each item as proto JSON>]}.
template <typename Item>
void PrintJsonList(Context& context, absl::string_view key, const std::vector<Item>& items) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key(key);
  json.BeginArray();
  for (const Item& item : items) WriteProtoJson(item, json);
  json.EndArray();
  json.EndObject();
  context.out() << out << "\n";
}

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_MATCHING_COMMAND_SUPPORT_H_
