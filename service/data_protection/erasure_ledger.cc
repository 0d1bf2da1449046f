#include "service/data_protection/erasure_ledger.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/base/status_macros.h"

namespace azubimatch::service {
namespace {

absl::Status FileError(absl::string_view what, const std::string& path, int error) {
  return absl::UnavailableError(
      absl::StrCat("erasure ledger: ", what, " ", path, ": ", std::strerror(error)));
}

// Writes all of `text` to `fd`.
absl::Status WriteAll(int fd, absl::string_view text, const std::string& path) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return FileError("cannot write", path, errno);
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

absl::Status SyncFolder(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return FileError("cannot open folder", dir, errno);
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) return FileError("cannot sync folder", dir, error);
  return absl::OkStatus();
}

// Writes `text` into `path` (flags as given), fsyncs and closes it.
absl::Status WriteAndSync(const std::string& path, int flags, absl::string_view text) {
  const int fd = ::open(path.c_str(), flags | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return FileError("cannot open", path, errno);
  absl::Status status = WriteAll(fd, text, path);
  if (status.ok() && ::fsync(fd) != 0) status = FileError("cannot sync", path, errno);
  if (::close(fd) != 0 && status.ok()) status = FileError("cannot close", path, errno);
  return status;
}

}  // namespace

ErasureLedger::ErasureLedger(std::string data_dir)
    : data_dir_(std::move(data_dir)),
      path_(absl::StrCat(data_dir_, "/", kErasureLedgerFileName)) {}

absl::Status ErasureLedger::Append(const ErasureRecord& record) {
  if (!IsIdHash(record.id_hash)) {
    return absl::InvalidArgumentError("record.id_hash: not a keyed hash");
  }
  absl::MutexLock lock(&mu_);
  std::error_code error;
  const bool existed = std::filesystem::exists(path_, error);
  std::filesystem::create_directories(data_dir_, error);
  AZM_RETURN_IF_ERROR(WriteAndSync(path_, O_CREAT | O_APPEND,
                                   absl::StrCat(EncodeErasureRecord(record), "\n")));
  if (!existed) AZM_RETURN_IF_ERROR(SyncFolder(data_dir_));
  return absl::OkStatus();
}

absl::StatusOr<std::vector<ErasureRecord>> ErasureLedger::Load() const {
  std::vector<ErasureRecord> records;
  std::error_code error;
  if (!std::filesystem::exists(path_, error)) return records;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return FileError("cannot read", path_, errno);
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return FileError("cannot read", path_, errno);
  absl::flat_hash_set<std::string> seen;
  const std::string contents = text.str();
  for (absl::string_view line : absl::StrSplit(contents, '\n', absl::SkipEmpty())) {
    absl::StatusOr<ErasureRecord> record = DecodeErasureRecord(line);
    if (!record.ok()) continue;  // a torn append
    if (seen.insert(record->id_hash).second) records.push_back(*std::move(record));
  }
  return records;
}

absl::Status ErasureLedger::Rewrite(const std::vector<ErasureRecord>& records) {
  std::string text;
  for (const ErasureRecord& record : records) {
    if (!IsIdHash(record.id_hash)) {
      return absl::InvalidArgumentError("records: an id_hash is not a keyed hash");
    }
    absl::StrAppend(&text, EncodeErasureRecord(record), "\n");
  }
  absl::MutexLock lock(&mu_);
  std::error_code error;
  std::filesystem::create_directories(data_dir_, error);
  const std::string temporary = path_ + ".tmp";
  AZM_RETURN_IF_ERROR(WriteAndSync(temporary, O_CREAT | O_TRUNC, text));
  if (::rename(temporary.c_str(), path_.c_str()) != 0) {
    return FileError("cannot replace", path_, errno);
  }
  return SyncFolder(data_dir_);
}

}  // namespace azubimatch::service
