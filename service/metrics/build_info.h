// The version and commit matchd was built from, as CMake saw them at configure time:
// the project version of the top-level CMakeLists.txt and `git rev-parse --short HEAD`
// ("unknown" when the source is not a git checkout).
//
// Thread safety: constants.
#ifndef AZUBIMATCH_SERVICE_METRICS_BUILD_INFO_H_
#define AZUBIMATCH_SERVICE_METRICS_BUILD_INFO_H_

#include <string_view>

namespace azubimatch::service {

// E.g. "0.1.0".
std::string_view BuildVersion();

// E.g. "849d4f5", or "unknown".
std::string_view BuildCommit();

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_METRICS_BUILD_INFO_H_
