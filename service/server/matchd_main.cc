// matchd: the azubimatch server. Parses flags and runs the server; see run_server.h.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "service/server/log_line.h"
#include "service/server/matchd_flags.h"
#include "service/server/run_server.h"

int main(int argc, char** argv) {
  using azubimatch::service::MatchdUsage;
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto command_line = azubimatch::service::ParseMatchdFlags(args);
  if (!command_line.ok()) {
    std::fprintf(stderr, "matchd: %s\n\n%s", std::string(command_line.status().message()).c_str(),
                 MatchdUsage().c_str());
    return 2;
  }
  if (command_line->show_help) {
    std::fputs(MatchdUsage().c_str(), stdout);
    return 0;
  }
  const azubimatch::service::ServerOptions& options = command_line->options;
  const absl::Status status = azubimatch::service::RunServer(options);
  if (!status.ok()) {
    const std::string line = azubimatch::service::FormatMessageLine(
        options.log_format, absl::Now(), azubimatch::service::LogLevel::kError,
        "matchd: " + std::string(status.message()));
    std::fprintf(stderr, "%s\n", line.c_str());
    return 1;
  }
  return 0;
}
