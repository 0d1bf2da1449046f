// store_crash_writer DATA_DIR ROUND: writes batches into a RocksDbStore until killed,
// reporting each acknowledged batch on stdout as soon as Write() returned OK:
//   "P <id>"  the record <id> (three entries in three families) was written;
//   "D <id>"  the record <id> was deleted (all three entries).
// Small memtables make flushes and compactions happen while it runs, and an occasional
// ForceOut makes the parent's SIGKILL hit those too. Used by store_crash_test.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "service/store/rocksdb_store.h"

namespace azubimatch::service {
namespace {

std::string RecordId(const std::string& round, int i) {
  return absl::StrFormat("r%s-%06d", round, i);
}

void Report(const std::string& line) {
  const std::string out = line + "\n";
  if (::write(STDOUT_FILENO, out.data(), out.size()) !=
      static_cast<ssize_t>(out.size())) {
    std::_Exit(4);  // the parent is gone
  }
}

int Run(const std::string& path, const std::string& round) {
  StoreOptions options;
  options.path = path;
  options.write_buffer_bytes = 64 << 10;
  auto store = RocksDbStore::Open(options);
  if (!store.ok()) {
    std::fprintf(stderr, "open: %s\n", std::string(store.status().message()).c_str());
    return 2;
  }
  const std::string padding(900, 'x');
  for (int i = 0;; ++i) {
    const std::string id = RecordId(round, i);
    WriteBatch batch;
    batch.Put(Family::kCandidates, id, absl::StrCat("record ", id, padding));
    batch.Put(Family::kIndex, "ext/" + id, id);
    batch.Put(Family::kAudit, id, "created");
    absl::Status status = (*store)->Write(batch);
    if (!status.ok()) {
      std::fprintf(stderr, "write: %s\n", std::string(status.message()).c_str());
      return 3;
    }
    Report("P " + id);
    if (i % 10 == 9) {
      const std::string old_id = RecordId(round, i - 5);
      WriteBatch erase;
      erase.Delete(Family::kCandidates, old_id);
      erase.Delete(Family::kIndex, "ext/" + old_id);
      erase.Delete(Family::kAudit, old_id);
      status = (*store)->Write(erase);
      if (!status.ok()) return 3;
      Report("D " + old_id);
      if (i % 40 == 39) {
        status = (*store)->ForceOut(Family::kCandidates, old_id, "");
        if (!status.ok()) return 3;
      }
    }
  }
}

}  // namespace
}  // namespace azubimatch::service

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DATA_DIR ROUND\n", argv[0]);
    return 2;
  }
  return azubimatch::service::Run(argv[1], argv[2]);
}
