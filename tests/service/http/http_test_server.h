// Test support: a matchd Server with every installed service and the HTTP gateway, on
// 127.0.0.1:0 over a real RocksDB folder, with API keys (require_api_keys), called by
// a real HTTP client (httplib::Client) that sends `Authorization: Bearer <key>`.
#ifndef AZUBIMATCH_TESTS_SERVICE_HTTP_HTTP_TEST_SERVER_H_
#define AZUBIMATCH_TESTS_SERVICE_HTTP_HTTP_TEST_SERVER_H_

#include <memory>
#include <string>
#include <utility>

#include "gtest/gtest.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "service/server/installed_services.h"
#include "service/server/server.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {

// One answer: HTTP status, headers and the body parsed as JSON (null when not JSON).
struct HttpAnswer {
  int status = 0;
  httplib::Headers headers;
  std::string body;
  nlohmann::json json;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class HttpTestServer {
 public:
  // Opens and starts a server on `dir`/data with `options` (listen addresses, data
  // folder and API keys are set here). Fails the test on error.
  void Start(const ScopedTempDir& dir, ServerOptions options = {}) {
    options.listen_address = "127.0.0.1:0";
    options.http.listen_address = "127.0.0.1:0";
    options.data_dir = dir.Sub("data");
    options.log_requests = false;
    options.require_api_keys = true;
    absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    for (const ServiceInstaller& install : InstalledServices()) {
      ASSERT_TRUE(install(*server_).ok());
    }
    absl::Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started;
    ASSERT_GT(server_->http_port(), 0);
  }

  void Stop() {
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
    server_.reset();
  }

  ~HttpTestServer() { Stop(); }

  Server& server() { return *server_; }
  int port() const { return server_->http_port(); }

  // One request; `key` empty sends no Authorization header.
  HttpAnswer Call(const std::string& method, const std::string& path,
                  const std::string& key, const std::string& body = "",
                  httplib::Headers headers = {},
                  const std::string& content_type = "application/json") {
    httplib::Client client("127.0.0.1", port());
    client.set_read_timeout(120, 0);
    if (!key.empty()) headers.emplace("Authorization", "Bearer " + key);
    httplib::Result result(nullptr, httplib::Error::Unknown);
    if (method == "GET") {
      result = client.Get(path, headers);
    } else if (method == "DELETE") {
      result = client.Delete(path, headers, body, content_type);
    } else if (method == "POST") {
      result = client.Post(path, headers, body, content_type);
    } else if (method == "PATCH") {
      result = client.Patch(path, headers, body, content_type);
    } else if (method == "PUT") {
      result = client.Put(path, headers, body, content_type);
    } else if (method == "OPTIONS") {
      result = client.Options(path, headers);
    }
    HttpAnswer answer;
    EXPECT_TRUE(result) << method << " " << path << ": "
                        << httplib::to_string(result.error());
    if (!result) return answer;
    answer.status = result->status;
    answer.headers = result->headers;
    answer.body = result->body;
    answer.json = nlohmann::json::parse(answer.body, nullptr, /*allow_exceptions=*/false);
    return answer;
  }

 private:
  std::unique_ptr<Server> server_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_HTTP_HTTP_TEST_SERVER_H_
