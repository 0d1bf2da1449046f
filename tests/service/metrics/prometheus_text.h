// Test support: reading matchd's /metrics. HttpGet() fetches a path from a loopback
// HTTP port with a plain socket (HTTP/1.0, the whole answer until the server closes);
// ParseSamples() maps each sample line of the Prometheus text format to its value;
// Series() spells a series the way prometheus-cpp writes it (labels sorted by name, a
// bucket's "le" last).
//
// Thread-compatible; blocking calls.
#ifndef AZUBIMATCH_TESTS_SERVICE_METRICS_PROMETHEUS_TEXT_H_
#define AZUBIMATCH_TESTS_SERVICE_METRICS_PROMETHEUS_TEXT_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace azubimatch::service {

struct HttpAnswer {
  int status = 0;    // 0 when the exchange failed
  std::string head;  // status line and headers
  std::string body;
};

inline HttpAnswer HttpGet(int port, const std::string& path) {
  HttpAnswer answer;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return answer;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    close(fd);
    return answer;
  }
  const std::string request =
      absl::StrCat("GET ", path, " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
  if (write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
    close(fd);
    return answer;
  }
  std::string text;
  char buffer[8192];
  for (ssize_t n; (n = read(fd, buffer, sizeof(buffer))) > 0;) text.append(buffer, n);
  close(fd);
  const size_t split = text.find("\r\n\r\n");
  if (split == std::string::npos) return answer;
  answer.head = text.substr(0, split);
  answer.body = text.substr(split + 4);
  std::vector<std::string> status_line = absl::StrSplit(answer.head, ' ');
  if (status_line.size() >= 2) answer.status = std::atoi(status_line[1].c_str());
  return answer;
}

// "name{a=\"1\",b=\"2\"}" -> value, for every sample line (comments skipped).
inline std::map<std::string, double> ParseSamples(const std::string& text) {
  std::map<std::string, double> samples;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    if (line.empty() || line.front() == '#') continue;
    const size_t space = line.rfind(' ');
    if (space == absl::string_view::npos) continue;
    samples[std::string(line.substr(0, space))] =
        std::strtod(std::string(line.substr(space + 1)).c_str(), nullptr);
  }
  return samples;
}

inline std::string Series(const std::string& name,
                          std::map<std::string, std::string> labels = {}) {
  if (labels.empty()) return name;
  std::vector<std::string> parts;
  for (const auto& [key, value] : labels) {
    if (key != "le") parts.push_back(absl::StrCat(key, "=\"", value, "\""));
  }
  // A histogram bucket's bound comes last.
  if (auto le = labels.find("le"); le != labels.end()) {
    parts.push_back(absl::StrCat("le=\"", le->second, "\""));
  }
  return absl::StrCat(name, "{", absl::StrJoin(parts, ","), "}");
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_METRICS_PROMETHEUS_TEXT_H_
