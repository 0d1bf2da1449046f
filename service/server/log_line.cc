#include "service/server/log_line.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "engine/base/json_string.h"

namespace azubimatch::service {

std::optional<LogFormat> ParseLogFormat(std::string_view name) {
  if (name == "text") return LogFormat::kText;
  if (name == "json") return LogFormat::kJson;
  return std::nullopt;
}

std::string_view LogFormatName(LogFormat format) {
  return format == LogFormat::kJson ? "json" : "text";
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

std::string JsonQuote(std::string_view text) {
  return engine::JsonQuote(absl::string_view(text.data(), text.size()),
                           engine::JsonStringStyle::kLogLine);
}

std::string LogTimestamp(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", time, absl::UTCTimeZone());
}

std::string FormatMessageLine(LogFormat format, absl::Time now, LogLevel level,
                              std::string_view message) {
  if (format == LogFormat::kText) return std::string(message);
  return absl::StrCat("{\"ts\":\"", LogTimestamp(now), "\",\"level\":\"", std::string(LogLevelName(level)),
                      "\",\"msg\":", JsonQuote(message), "}");
}

LogSink MessageSink(LogFormat format, LogSink raw) {
  if (format == LogFormat::kText) return raw;
  return [raw = std::move(raw)](std::string_view message) {
    raw(FormatMessageLine(LogFormat::kJson, absl::Now(), LogLevel::kInfo, message));
  };
}

}  // namespace azubimatch::service
