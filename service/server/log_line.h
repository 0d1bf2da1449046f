// One log line of matchd, as plain text or as one JSON object.
//
// matchd writes two kinds of lines: server messages ("matchd listening on ...") and
// request lines (request_log.h). With LogFormat::kText a message is written as is;
// with LogFormat::kJson every line is one JSON object on one line:
//
//   {"ts":"2025-01-31T09:15:02.123456Z","level":"info","msg":"matchd listening on 127.0.0.1:50051"}
//
// `ts` is UTC with microseconds, `level` one of "info", "warning", "error". Strings are
// escaped so that every line parses as JSON (RFC 8259): quotes, backslashes and control
// characters are escaped, bytes that are not valid UTF-8 become U+FFFD.
//
// Thread safety: pure functions; the sinks returned call the raw sink, which must be
// thread-safe. Complexity: O(length of the line).
#ifndef AZUBIMATCH_SERVICE_SERVER_LOG_LINE_H_
#define AZUBIMATCH_SERVICE_SERVER_LOG_LINE_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace azubimatch::service {

// Receives one complete line, without the trailing newline.
using LogSink = std::function<void(std::string_view line)>;

enum class LogFormat { kText, kJson };
enum class LogLevel { kInfo, kWarning, kError };

// "text" -> kText, "json" -> kJson, anything else nullopt.
std::optional<LogFormat> ParseLogFormat(std::string_view name);
std::string_view LogFormatName(LogFormat format);
std::string_view LogLevelName(LogLevel level);

// `text` as a JSON string literal, quotes included.
std::string JsonQuote(std::string_view text);

// The timestamp of a line: "2025-01-31T09:15:02.123456Z".
std::string LogTimestamp(absl::Time time);

// A server message as one line: `message` itself (kText), or
// {"ts":...,"level":...,"msg":...} (kJson).
std::string FormatMessageLine(LogFormat format, absl::Time now, LogLevel level,
                              std::string_view message);

// A sink for server messages: formats each message (level info, time now) and hands
// the line to `raw`.
LogSink MessageSink(LogFormat format, LogSink raw);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_SERVER_LOG_LINE_H_
