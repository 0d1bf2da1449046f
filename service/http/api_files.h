// The proto files of the API (proto/azubimatch/v1/*.proto, collected by CMake at
// configure time), so that the route table and the OpenAPI document cover every file
// without a hand-kept list. Linking api_files.cc also links the generated code of each
// file, so that the generated descriptor pool holds them all.
//
// Thread safety: pure functions.
#ifndef AZUBIMATCH_SERVICE_HTTP_API_FILES_H_
#define AZUBIMATCH_SERVICE_HTTP_API_FILES_H_

#include <string>
#include <vector>

namespace azubimatch::service::http {

inline constexpr char kApiPackage[] = "azubimatch.v1";

// File names relative to proto/, sorted ("azubimatch/v1/admin.proto", ...).
std::vector<std::string> ApiProtoFiles();

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_API_FILES_H_
