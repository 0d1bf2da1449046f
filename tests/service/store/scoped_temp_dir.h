// ScopedTempDir: a fresh folder under $TMPDIR (or /tmp) made with mkdtemp, removed with
// everything in it when the object goes out of scope. For tests that need a real data
// folder. Not thread-safe; one owner.
#ifndef AZUBIMATCH_TESTS_SERVICE_STORE_SCOPED_TEMP_DIR_H_
#define AZUBIMATCH_TESTS_SERVICE_STORE_SCOPED_TEMP_DIR_H_

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace azubimatch::service {

class ScopedTempDir {
 public:
  ScopedTempDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") +
                          "/azm_store_test.XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~ScopedTempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::string& path() const { return path_; }
  // `path()/name`.
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_STORE_SCOPED_TEMP_DIR_H_
