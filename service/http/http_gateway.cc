#include "service/http/http_gateway.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/descriptor.h"
#include "httplib.h"
#include "service/http/api_files.h"
#include "service/http/generic_call.h"
#include "service/http/http_status.h"
#include "service/http/request_transcoding.h"
#include "service/http/route_table.h"
#include "service/rpc/request_id.h"

namespace azubimatch::service {

using http::GenericCall;
using http::HttpRoute;
using http::RouteMatch;
using http::RouteTable;

namespace {

constexpr char kJson[] = "application/json";

void AnswerStatus(const grpc::Status& status, httplib::Response& res) {
  res.status = http::HttpStatusForCode(status.error_code());
  res.set_content(http::StatusJson(status), kJson);
}

void AnswerStatus(const absl::Status& status, httplib::Response& res) {
  res.status = http::HttpStatusForCode(static_cast<int>(status.code()));
  res.set_content(http::StatusJson(status), kJson);
}

// The name of the set field of `message`'s first oneof ("progress", "run"), else
// "message": the SSE event name.
std::string EventName(const google::protobuf::Message& message) {
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  if (type->oneof_decl_count() > 0) {
    if (const google::protobuf::FieldDescriptor* set =
            message.GetReflection()->GetOneofFieldDescriptor(message,
                                                             type->oneof_decl(0))) {
      return set->json_name();
    }
  }
  return "message";
}

// host and port of HOST:PORT ("[::1]:80" -> "::1", 80).
bool SplitHostPort(const std::string& address, std::string* host, int* port) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  *host = address.substr(0, colon);
  if (host->size() >= 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  return absl::SimpleAtoi(address.substr(colon + 1), port) && *port >= 0 &&
         *port <= 65535;
}

}  // namespace

class HttpGateway::Impl {
 public:
  Impl(HttpOptions options, std::shared_ptr<grpc::Channel> channel, HttpAuthStep auth,
       HttpExtras extras, RouteTable routes, std::unique_ptr<httplib::Server> server)
      : options_(std::move(options)),
        channel_(std::move(channel)),
        auth_(std::move(auth)),
        extras_(std::move(extras)),
        routes_(std::move(routes)),
        server_(std::move(server)) {}

  absl::Status Bind(const std::string& host, int port) {
    const int threads = std::max(1, options_.threads);
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_payload_max_length(options_.max_body_bytes);
    server_->set_read_timeout(absl::ToChronoSeconds(options_.read_timeout));
    server_->set_write_timeout(absl::ToChronoSeconds(options_.write_timeout));
    server_->set_keep_alive_timeout(5);
    // Answers are small and written at once: Nagle's algorithm with the client's
    // delayed ACK would add ~40 ms to every keep-alive request.
    server_->set_tcp_nodelay(true);
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
      const absl::Time start = absl::Now();
      const std::string route = Handle(req, res);
      // httplib leaves a handler's success at -1 and writes 200 afterwards;
      // say it here so the observation sees the code the client gets.
      if (res.status == -1) res.status = 200;
      if (extras_.observe) extras_.observe(req.method, route, res.status, absl::Now() - start);
    };
    server_->Get(".*", handler);
    server_->Post(".*", handler);
    server_->Put(".*", handler);
    server_->Patch(".*", handler);
    server_->Delete(".*", handler);
    server_->Options(".*", handler);
    server_->set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&,
           httplib::Response& res) -> httplib::Server::HandlerResponse {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
          // Refusals of httplib itself (413, malformed requests, ...): a Status body too.
          grpc::StatusCode code = grpc::StatusCode::INVALID_ARGUMENT;
          std::string message = absl::StrCat("HTTP ", res.status);
          if (res.status == 413) {
            code = grpc::StatusCode::RESOURCE_EXHAUSTED;
            message = "body: larger than the server accepts";
          } else if (res.status == 404) {
            code = grpc::StatusCode::NOT_FOUND;
            message = "no such route";
          } else if (res.status >= 500) {
            code = grpc::StatusCode::INTERNAL;
          }
          res.set_content(http::StatusJson(grpc::Status(code, message)), kJson);
          return httplib::Server::HandlerResponse::Handled;
        }));
    port_ = port == 0 ? server_->bind_to_any_port(host)
                      : (server_->bind_to_port(host, port) ? port : -1);
    if (port_ <= 0) {
      return absl::UnavailableError(
          absl::StrCat("http-listen: cannot bind ", options_.listen_address));
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    return absl::OkStatus();
  }

  void BeginStop() { server_->stop(); }

  void Stop() {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  int port() const { return port_; }

 private:
  bool CorsAllowed(const std::string& origin) const {
    if (origin.empty()) return false;
    return std::any_of(
        options_.cors_origins.begin(), options_.cors_origins.end(),
        [&](const std::string& allowed) { return allowed == "*" || allowed == origin; });
  }

  // Answers `req`; returns the route template it was served by ("unmatched" for none).
  std::string Handle(const httplib::Request& req, httplib::Response& res) {
    const std::string origin = req.get_header_value("Origin");
    const bool cors = CorsAllowed(origin);
    if (cors) {
      res.set_header("Access-Control-Allow-Origin", origin);
      res.set_header("Vary", "Origin");
      res.set_header("Access-Control-Expose-Headers", "X-Request-Id, Allow");
    }
    // The client's request id when usable, else one made up: the answer names it, and
    // the call carries it as metadata (the request log writes the same id).
    std::string request_id = req.get_header_value("X-Request-Id");
    if (!IsUsableRequestId(request_id)) request_id = NewRequestId();
    res.set_header("X-Request-Id", request_id);
    if (req.method == "OPTIONS") {
      HandleOptions(req, res, cors, origin);
      return "preflight";
    }
    const bool get = req.method == "GET" || req.method == "HEAD";
    if (get && req.path == "/openapi.json") {
      res.set_content(std::string(OpenApiDocument()), kJson);
      return "/openapi.json";
    }
    if (get && req.path == "/metrics" && extras_.metrics_text) {
      res.set_content(extras_.metrics_text(), "text/plain; version=0.0.4; charset=utf-8");
      return "/metrics";
    }
    if (get && extras_.static_file) {
      if (std::optional<HttpStaticFile> file = extras_.static_file(req.path)) {
        AnswerStaticFile(req, *file, res);
        return "static";
      }
    }
    const RouteMatch match =
        routes_.Match(req.method == "HEAD" ? "GET" : req.method, req.path);
    if (match.route == nullptr) {
      if (!match.allowed_methods.empty()) {
        res.set_header("Allow", absl::StrJoin(match.allowed_methods, ", "));
        res.status = 405;
        res.set_content(
            http::StatusJson(grpc::Status(
                grpc::StatusCode::UNIMPLEMENTED,
                absl::StrCat(req.method, " ", req.path, ": method not allowed; allowed: ",
                             absl::StrJoin(match.allowed_methods, ", ")))),
            kJson);
        return "unmatched";
      }
      res.status = 404;
      res.set_content(
          http::StatusJson(grpc::Status(grpc::StatusCode::NOT_FOUND,
                                        absl::StrCat(req.method, " ", req.path,
                                                     ": no such route; see "
                                                     "GET /openapi.json"))),
          kJson);
      return "unmatched";
    }
    const HttpRoute& route = *match.route;

    // The auth step, before any input is looked at.
    std::vector<std::string_view> authorization;
    auto [begin, end] = req.headers.equal_range("Authorization");
    for (auto it = begin; it != end; ++it) authorization.emplace_back(it->second);
    if (auth_) {
      if (absl::Status s = auth_(route.grpc_method, authorization); !s.ok()) {
        AnswerStatus(s, res);
        return route.path_template;
      }
    }

    // The request messages, complete before the call starts.
    std::vector<std::string> requests;
    if (route.method->client_streaming()) {
      absl::StatusOr<std::vector<std::unique_ptr<google::protobuf::Message>>> messages =
          http::ParseMessageStream(route.method->input_type(), req.body);
      if (!messages.ok()) {
        AnswerStatus(messages.status(), res);
        return route.path_template;
      }
      for (const auto& message : *messages)
        requests.push_back(message->SerializeAsString());
    } else {
      // The query string only: httplib also puts form-encoded bodies into params.
      httplib::Params params;
      if (const size_t q = req.target.find('?'); q != std::string::npos) {
        httplib::detail::parse_query_text(req.target.substr(q + 1), params);
      }
      http::NameValues query(params.begin(), params.end());
      absl::StatusOr<std::unique_ptr<google::protobuf::Message>> request =
          http::BuildRequest(route, match.variables, query, req.body);
      if (!request.ok()) {
        AnswerStatus(request.status(), res);
        return route.path_template;
      }
      requests.push_back((*request)->SerializeAsString());
    }

    std::vector<std::pair<std::string, std::string>> metadata;
    for (std::string_view value : authorization) {
      metadata.emplace_back("authorization", std::string(value));
    }
    metadata.emplace_back(kRequestIdMetadata, request_id);
    if (!route.method->client_streaming() && !route.method->server_streaming()) {
      std::string response_bytes;
      const grpc::Status status =
          http::UnaryGenericCall(channel_, route.grpc_method, metadata, requests.front(),
                                 options_.call_timeout, &response_bytes);
      AnswerResponse(route, status, response_bytes, res);
      return route.path_template;
    }
    std::shared_ptr<GenericCall> call =
        GenericCall::Start(channel_, route.grpc_method, metadata, std::move(requests),
                           options_.call_timeout);

    if (route.method->server_streaming() &&
        absl::StrContains(req.get_header_value("Accept"), "text/event-stream")) {
      StreamEvents(route, std::move(call), res);
      return route.path_template;
    }
    std::optional<std::string> last;
    while (std::optional<std::string> next = call->NextResponse()) last = std::move(next);
    AnswerResponse(route, call->Finish(), last.value_or(""), res);
    return route.path_template;
  }

  // A static file: this origin only (no inline script, no external origin, no
  // framing), revalidated on every use by its ETag.
  static void AnswerStaticFile(const httplib::Request& req, const HttpStaticFile& file,
                               httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; "
                   "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
                   "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-cache");
    res.set_header("ETag", std::string(file.etag));
    if (req.get_header_value("If-None-Match") == file.etag) {
      res.status = 304;
      return;
    }
    res.set_content(file.body.data(), file.body.size(), std::string(file.content_type));
  }

  // The answer to a finished call: its (last) response as JSON, or its status.
  void AnswerResponse(const HttpRoute& route, const grpc::Status& status,
                      const std::string& response_bytes, httplib::Response& res) {
    if (!status.ok()) {
      AnswerStatus(status, res);
      return;
    }
    std::unique_ptr<google::protobuf::Message> response =
        http::NewMessage(route.method->output_type());
    if (!response->ParseFromString(response_bytes)) {
      AnswerStatus(grpc::Status(grpc::StatusCode::INTERNAL, "unparsable response"), res);
      return;
    }
    res.set_content(http::ToJson(*response, route.response_body), kJson);
  }

  // Server-sent events: waits for the first message so that a call refused outright
  // still gets its HTTP status, then streams.
  void StreamEvents(const HttpRoute& route, std::shared_ptr<GenericCall> call,
                    httplib::Response& res) {
    std::optional<std::string> first = call->NextResponse();
    if (!first.has_value()) {
      const grpc::Status status = call->Finish();
      if (!status.ok()) {
        AnswerStatus(status, res);
        return;
      }
    }
    const google::protobuf::Descriptor* type = route.method->output_type();
    res.set_header("Cache-Control", "no-cache");
    res.set_chunked_content_provider(
        "text/event-stream",
        [call, type, first = std::move(first)](size_t, httplib::DataSink& sink) mutable {
          auto send = [&](const std::string& event, const std::string& data) {
            const std::string chunk =
                absl::StrCat("event: ", event, "\ndata: ", data, "\n\n");
            return sink.write(chunk.data(), chunk.size());
          };
          std::optional<std::string> next = std::move(first);
          while (next.has_value()) {
            std::unique_ptr<google::protobuf::Message> message = http::NewMessage(type);
            message->ParseFromString(*next);
            if (!send(EventName(*message), http::ToJson(*message))) {
              call->Cancel();
              return false;
            }
            next = call->NextResponse();
          }
          const grpc::Status status = call->Finish();
          if (!status.ok()) send("error", http::StatusJson(status));
          sink.done();
          return true;
        });
  }

  void HandleOptions(const httplib::Request& req, httplib::Response& res, bool cors,
                     const std::string& origin) {
    const bool preflight = req.has_header("Access-Control-Request-Method");
    if (!preflight || options_.cors_origins.empty()) {
      res.status = 405;
      res.set_content(http::StatusJson(grpc::Status(
                          grpc::StatusCode::UNIMPLEMENTED,
                          absl::StrCat("OPTIONS ", req.path, ": method not allowed"))),
                      kJson);
      return;
    }
    if (!cors) {
      res.status = 403;
      res.set_content(http::StatusJson(grpc::Status(
                          grpc::StatusCode::PERMISSION_DENIED,
                          absl::StrCat("CORS: origin \"", origin, "\" is not allowed"))),
                      kJson);
      return;
    }
    std::vector<std::string> methods = routes_.Match("OPTIONS", req.path).allowed_methods;
    if (req.path == "/openapi.json") methods = {"GET"};
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods",
                   methods.empty() ? std::string("GET, POST, PATCH, DELETE")
                                   : absl::StrJoin(methods, ", "));
    res.set_header("Access-Control-Allow-Headers",
                   "Authorization, Content-Type, Accept, X-Request-Id");
    res.set_header("Access-Control-Max-Age", "600");
  }

  const HttpOptions options_;
  const std::shared_ptr<grpc::Channel> channel_;
  const HttpAuthStep auth_;
  const HttpExtras extras_;
  const RouteTable routes_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

absl::StatusOr<std::unique_ptr<HttpGateway>> HttpGateway::Start(
    const HttpOptions& options, const TlsServerOptions& tls, bool allow_insecure,
    std::shared_ptr<grpc::Channel> channel, HttpAuthStep auth, HttpExtras extras) {
  std::string host;
  int port = 0;
  if (!SplitHostPort(options.listen_address, &host, &port)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "http-listen: bad address \"", options.listen_address, "\", expected HOST:PORT"));
  }
  if (!tls.enabled() && !allow_insecure && !IsLoopbackAddress(options.listen_address)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "http-listen: ", options.listen_address,
        " is not a loopback address; serve TLS (--tls-cert, --tls-key) or pass "
        "--allow-insecure (e.g. behind a TLS-terminating proxy)"));
  }
  absl::StatusOr<RouteTable> routes =
      RouteTable::ForPackage(http::kApiPackage, http::ApiProtoFiles());
  if (!routes.ok()) {
    return absl::InternalError(absl::StrCat("http routes: ", routes.status().message()));
  }
  std::unique_ptr<httplib::Server> server;
  if (tls.enabled()) {
    auto ssl = std::make_unique<httplib::SSLServer>(
        tls.cert_file.c_str(), tls.key_file.c_str(),
        tls.client_ca_file.empty() ? nullptr : tls.client_ca_file.c_str());
    if (!ssl->is_valid()) {
      return absl::InvalidArgumentError(
          "http-listen: the TLS certificate, key or client CA cannot be used");
    }
    server = std::move(ssl);
  } else {
    server = std::make_unique<httplib::Server>();
  }
  auto impl = std::make_unique<Impl>(options, std::move(channel), std::move(auth),
                                     std::move(extras), std::move(*routes), std::move(server));
  if (absl::Status s = impl->Bind(host, port); !s.ok()) return s;
  return std::unique_ptr<HttpGateway>(new HttpGateway(std::move(impl)));
}

HttpGateway::HttpGateway(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpGateway::~HttpGateway() { Stop(); }

int HttpGateway::port() const { return impl_->port(); }

void HttpGateway::BeginStop() { impl_->BeginStop(); }

void HttpGateway::Stop() { impl_->Stop(); }

}  // namespace azubimatch::service
