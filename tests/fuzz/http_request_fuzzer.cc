// libFuzzer target: the HTTP gateway's request reading (service/http/): route
// matching, query and path transcoding, JSON bodies and streamed (array / NDJSON)
// bodies, on arbitrary bytes. The first byte picks the HTTP method; the input up to the
// first newline is the request target (path and query string), the rest the body.
// Everything must answer a route or none, and a request or INVALID_ARGUMENT — never
// crash, hang or report another code.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "service/http/api_files.h"
#include "service/http/request_transcoding.h"
#include "service/http/route_table.h"

namespace {

namespace http = ::azubimatch::service::http;

const http::RouteTable& Table() {
  static const http::RouteTable* table = [] {
    auto t = http::RouteTable::ForPackage(http::kApiPackage, http::ApiProtoFiles());
    if (!t.ok()) std::abort();
    return new http::RouteTable(std::move(*t));
  }();
  return *table;
}

void CheckCode(const absl::Status& status) {
  if (!status.ok() && !absl::IsInvalidArgument(status)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const char* const kMethods[] = {"GET", "POST", "PATCH", "DELETE", "PUT"};
  const char* method = kMethods[data[0] % 5];
  const absl::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
  const size_t newline = input.find('\n');
  const absl::string_view target = input.substr(0, newline);
  const absl::string_view body = newline == absl::string_view::npos
                                     ? absl::string_view()
                                     : input.substr(newline + 1);
  const size_t question = target.find('?');
  const absl::string_view path = target.substr(0, question);

  http::NameValues query;
  if (question != absl::string_view::npos) {
    for (absl::string_view pair :
         absl::StrSplit(target.substr(question + 1), '&', absl::SkipEmpty())) {
      const size_t eq = pair.find('=');
      query.emplace_back(
          std::string(pair.substr(0, eq)),
          eq == absl::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    }
  }
  const http::RouteMatch match = Table().Match(method, path);
  if (match.route == nullptr) return 0;
  if (match.route->method->client_streaming()) {
    CheckCode(http::ParseMessageStream(match.route->method->input_type(), body).status());
    return 0;
  }
  auto request = http::BuildRequest(*match.route, match.variables, query, body);
  CheckCode(request.status());
  if (request.ok()) (void)http::ToJson(**request);
  return 0;
}
