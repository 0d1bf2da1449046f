#include "service/metrics/build_info.h"

// AZM_BUILD_VERSION and AZM_BUILD_COMMIT are defined for this file only
// (service/metrics/CMakeLists.txt), so that a new commit recompiles nothing else.
#ifndef AZM_BUILD_VERSION
#define AZM_BUILD_VERSION "unknown"
#endif
#ifndef AZM_BUILD_COMMIT
#define AZM_BUILD_COMMIT "unknown"
#endif

namespace azubimatch::service {

std::string_view BuildVersion() { return AZM_BUILD_VERSION; }
std::string_view BuildCommit() { return AZM_BUILD_COMMIT; }

}  // namespace azubimatch::service
