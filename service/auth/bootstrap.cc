#include "service/auth/bootstrap.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"

namespace azubimatch::service {
namespace {

absl::Status ErrnoStatus(const char* what, const std::string& path, int error) {
  std::string message = absl::StrCat(what, " '", path, "': ", std::strerror(error));
  if (error == EACCES || error == EPERM) return absl::PermissionDeniedError(message);
  if (error == ENOSPC || error == EDQUOT) return absl::ResourceExhaustedError(message);
  return absl::UnavailableError(message);
}

absl::Status FsyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoStatus("cannot open folder", dir, errno);
  int result = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (result != 0) return ErrnoStatus("cannot sync folder", dir, error);
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteSecretFile(const std::string& path, std::string_view contents) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return ErrnoStatus("cannot remove stale", path, errno);
  }
  int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return ErrnoStatus("cannot create", path, errno);
  std::string data(contents);
  data.push_back('\n');
  absl::Status status;
  // The umask can only remove bits; make the mode exactly 0600 whatever it is.
  if (::fchmod(fd, 0600) != 0)
    status = ErrnoStatus("cannot set the mode of", path, errno);
  for (size_t written = 0; status.ok() && written < data.size();) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status = ErrnoStatus("cannot write", path, errno);
    } else {
      written += static_cast<size_t>(n);
    }
  }
  if (status.ok() && ::fsync(fd) != 0) status = ErrnoStatus("cannot sync", path, errno);
  if (::close(fd) != 0 && status.ok()) status = ErrnoStatus("cannot close", path, errno);
  if (!status.ok()) {
    ::unlink(path.c_str());
    return status;
  }
  return FsyncDirectory(std::filesystem::path(path).parent_path().string());
}

absl::StatusOr<BootstrapResult> BootstrapAdminKey(ApiKeyStore* keys,
                                                  const std::string& dir) {
  AZM_ASSIGN_OR_RETURN(bool has_admin, keys->HasActiveAdminKey());
  BootstrapResult result;
  if (has_admin) return result;
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot create folder '", dir, "': ", error.message()));
  }
  const std::string path = (std::filesystem::path(dir) / kAdminKeyFileName).string();
  v1::CreateApiKeyRequest request;
  request.set_role("admin");
  request.set_label("bootstrap");
  AZM_ASSIGN_OR_RETURN(CreatedApiKey created,
                       keys->Create(request, [&](const CreatedApiKey& key) {
                         return WriteSecretFile(path, key.key);
                       }));
  result.created = true;
  result.key_file = path;
  result.key_id = created.info.id();
  return result;
}

}  // namespace azubimatch::service
