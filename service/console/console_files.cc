#include "service/console/console_files.h"

namespace azubimatch::service::console {

const ConsoleFile* FindConsoleFile(std::string_view path) {
  if (path == "/" || path == "/console" || path == "/console/") {
    path = "/console/index.html";
  }
  for (const ConsoleFile& file : ConsoleFiles()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

}  // namespace azubimatch::service::console
