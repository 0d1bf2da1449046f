// Looking for a person's traces in a data folder, for erasure tests: every file's raw
// bytes (also in hex, as RocksDB's LOG prints keys), and everything RocksDB's own tools
// decode from it (`ldb scan` of every column family, `ldb manifest_dump`, `ldb
// dump_wal` of every log, `sst_dump --command=scan` of every table; Debian package
// rocksdb-tools, installed by deploy/install-deps.sh). The tools run in text and in hex
// mode: in text mode they print a value only up to its first NUL byte, so a trace
// behind one (most serialized protos have one) shows only in hex.
//
// Not thread-safe (runs child processes); test use only.
#ifndef AZUBIMATCH_TESTS_SERVICE_DATA_PROTECTION_DATA_FOLDER_SCAN_H_
#define AZUBIMATCH_TESTS_SERVICE_DATA_PROTECTION_DATA_FOLDER_SCAN_H_

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

inline constexpr char kLdb[] = "/usr/bin/ldb";
inline constexpr char kSstDump[] = "/usr/bin/sst_dump";

// True when both RocksDB tools are installed.
inline bool RocksDbToolsInstalled() {
  return std::filesystem::exists(kLdb) && std::filesystem::exists(kSstDump);
}

// "path: needle" for every file under `folder` whose bytes contain `needle`, its hex
// form in lower or upper case.
inline std::vector<std::string> FilesContaining(const std::string& folder,
                                                const std::string& needle) {
  const std::string hex = absl::BytesToHexString(needle);
  const std::string forms[] = {needle, hex, absl::AsciiStrToUpper(hex)};
  std::vector<std::string> hits;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
    for (const std::string& form : forms) {
      if (bytes.find(form) != std::string::npos) {
        hits.push_back(absl::StrCat(entry.path().string(), ": ", form));
      }
    }
  }
  return hits;
}

// What `command` prints on standard output (standard error discarded).
inline std::string CommandOutput(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  pclose(pipe);
  return output;
}

// Everything the RocksDB tools decode from the (closed) store in `folder`, in text and
// in hex; "" when the tools are missing.
inline std::string DecodedByRocksDbTools(const std::string& folder) {
  if (!RocksDbToolsInstalled()) return "";
  std::string decoded;
  for (const char* hex : {"", " --hex"}) {
    decoded += CommandOutput(
        absl::StrCat(kLdb, " --db=", folder, hex, " manifest_dump --verbose"));
  }
  std::vector<std::string> families = {"default"};
  for (Family family : kAllFamilies) families.emplace_back(FamilyName(family));
  for (const std::string& family : families) {
    for (const char* hex : {"", " --hex"}) {
      decoded +=
          CommandOutput(absl::StrCat(kLdb, " --db=", folder, " --column_family=", family,
                                     hex, " --try_load_options scan"));
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() == ".log") {
      decoded +=
          CommandOutput(absl::StrCat(kLdb, " dump_wal --print_value --walfile=", path));
    } else if (entry.path().extension() == ".sst") {
      for (const char* hex : {"", " --output_hex"}) {
        decoded +=
            CommandOutput(absl::StrCat(kSstDump, " --command=scan --file=", path, hex));
      }
    }
  }
  return decoded;
}

// The forms of `needle` found in `decoded` (DecodedByRocksDbTools): as text, or in hex
// (upper case, as the tools print it).
inline std::vector<std::string> FormsIn(const std::string& decoded,
                                        const std::string& needle) {
  std::vector<std::string> found;
  for (const std::string& form :
       {needle, absl::AsciiStrToUpper(absl::BytesToHexString(needle))}) {
    if (decoded.find(form) != std::string::npos) found.push_back(form);
  }
  return found;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_DATA_PROTECTION_DATA_FOLDER_SCAN_H_
