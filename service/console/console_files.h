// The web console's files (service/console/web/), embedded into the binary at build
// time by embed_files.cmake, and the lookup the HTTP gateway serves them with.
//
// URL paths: "/" and "/console/" are the page (index.html); every file is also at
// "/console/<name>". The page is static and holds no data: every data call it makes
// goes through the API with the caller's key, so a request without a key never gets
// more than the sign-in page.
//
// Thread safety: the tables are built once and immutable; any thread may call.
// Complexity: FindConsoleFile is linear in the number of files (a handful).
#ifndef AZUBIMATCH_SERVICE_CONSOLE_CONSOLE_FILES_H_
#define AZUBIMATCH_SERVICE_CONSOLE_CONSOLE_FILES_H_

#include <string_view>
#include <vector>

namespace azubimatch::service::console {

struct ConsoleFile {
  std::string_view path;          // "/console/app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view etag;          // strong ETag, quoted: a prefix of the SHA-256
  std::string_view body;
};

// Every embedded file (generated source).
const std::vector<ConsoleFile>& ConsoleFiles();

// The file served at `path`, or nullptr. "/" and "/console/" give index.html.
const ConsoleFile* FindConsoleFile(std::string_view path);

}  // namespace azubimatch::service::console

#endif  // AZUBIMATCH_SERVICE_CONSOLE_CONSOLE_FILES_H_
