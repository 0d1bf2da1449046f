// Crash recovery: a writer process is killed with SIGKILL at a random moment, over and
// over, on the same data folder. After each kill the store must open, hold every batch
// the writer saw acknowledged (and none it saw deleted), and hold every batch whole or
// not at all.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "tests/support/test_seed.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

constexpr int kRounds = 20;
constexpr int kMaxRunMillis = 250;

struct WriterRun {
  std::vector<std::string> acknowledged;  // "P <id>" / "D <id>" lines, in order
  int exit_signal = 0;
};

// Starts the writer on `path`, lets it run `run_millis` after its first acknowledged
// batch (or from its start, when `kill_during_open`), kills it with SIGKILL, and
// returns every line it reported.
WriterRun RunAndKill(const std::string& path, int round, int run_millis,
                     bool kill_during_open) {
  WriterRun run;
  int fds[2];
  if (pipe(fds) != 0) {
    ADD_FAILURE() << "pipe failed";
    return run;
  }
  const std::string round_name = absl::StrFormat("%02d", round);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl(AZM_STORE_CRASH_WRITER, AZM_STORE_CRASH_WRITER, path.c_str(),
          round_name.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  std::string received;
  auto read_some = [&](int timeout_millis) {
    pollfd pfd = {fds[0], POLLIN, 0};
    if (poll(&pfd, 1, timeout_millis) <= 0) return true;
    char buffer[4096];
    const ssize_t n = read(fds[0], buffer, sizeof(buffer));
    if (n <= 0) return false;  // writer gone
    received.append(buffer, n);
    return true;
  };
  using Clock = std::chrono::steady_clock;
  if (!kill_during_open) {
    const auto give_up = Clock::now() + std::chrono::seconds(20);
    while (received.find('\n') == std::string::npos && Clock::now() < give_up) {
      if (!read_some(50)) break;
    }
  }
  const auto deadline = Clock::now() + std::chrono::milliseconds(run_millis);
  while (Clock::now() < deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (!read_some(static_cast<int>(std::max<int64_t>(1, left.count())))) break;
  }
  kill(pid, SIGKILL);
  int wait_status = 0;
  waitpid(pid, &wait_status, 0);
  if (WIFSIGNALED(wait_status)) run.exit_signal = WTERMSIG(wait_status);
  while (read_some(1000)) {
  }
  close(fds[0]);
  // Only complete lines were acknowledged (a line is written in one write(2)).
  for (absl::string_view line : absl::StrSplit(received, '\n')) {
    if (!line.empty()) run.acknowledged.emplace_back(line);
  }
  if (!received.empty() && received.back() != '\n') run.acknowledged.pop_back();
  return run;
}

// 0..3: how many entries of record `id` the store holds.
int EntriesOf(const KvStore& store, const std::string& id) {
  return store.Get(Family::kCandidates, id).ok() +
         store.Get(Family::kIndex, "ext/" + id).ok() + store.Get(Family::kAudit, id).ok();
}

TEST(StoreCrashTest, AcknowledgedBatchesSurviveSigkillAtRandomMoments) {
  ScopedTempDir dir;
  const std::string path = dir.Sub("data");
  const unsigned seed = testing_support::TestSeed();
  SCOPED_TRACE(absl::StrCat("seed ", seed));
  std::mt19937 random(seed);
  std::set<std::string> live;     // acknowledged, not deleted
  std::set<std::string> deleted;  // acknowledged deletes
  int killed_by_us = 0;
  int total_acknowledged = 0;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE(absl::StrCat("round ", round));
    const bool kill_during_open = random() % 4 == 0;
    const int run_millis = static_cast<int>(random() % kMaxRunMillis);
    WriterRun run = RunAndKill(path, round, run_millis, kill_during_open);
    if (run.exit_signal == SIGKILL) ++killed_by_us;
    int last_put = -1;
    bool last_was_put = false;
    for (const std::string& line : run.acknowledged) {
      const std::string id = line.substr(2);
      last_was_put = line[0] == 'P';
      if (last_was_put) {
        live.insert(id);
        last_put = std::stoi(id.substr(id.find('-') + 1));
      } else {
        live.erase(id);
        deleted.insert(id);
      }
    }
    total_acknowledged += static_cast<int>(run.acknowledged.size());
    // The batch in flight when the writer died (see crash_writer_main.cc): after the
    // put of record i with i % 10 == 9 the writer deletes record i - 5, otherwise it
    // puts record i + 1.
    const bool delete_in_flight = last_was_put && last_put % 10 == 9;
    const std::string in_flight = absl::StrFormat(
        "r%02d-%06d", round, delete_in_flight ? last_put - 5 : last_put + 1);
    if (delete_in_flight) live.erase(in_flight);

    StoreOptions options;
    options.path = path;
    auto store = RocksDbStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    for (const std::string& id : live) {
      ASSERT_EQ(EntriesOf(**store, id), 3) << "acknowledged record lost: " << id;
    }
    for (const std::string& id : deleted) {
      ASSERT_EQ(EntriesOf(**store, id), 0) << "acknowledged delete lost: " << id;
    }
    // Whole or absent, never torn; durable even though never acknowledged.
    const int entries = EntriesOf(**store, in_flight);
    ASSERT_TRUE(entries == 0 || entries == 3)
        << in_flight << " has " << entries << " of 3";
    if (entries == 3) live.insert(in_flight);
    if (entries == 0 && delete_in_flight) deleted.insert(in_flight);
  }
  EXPECT_GT(killed_by_us, kRounds / 2) << "the writer should mostly die by our SIGKILL";
  EXPECT_GT(total_acknowledged, kRounds) << "the writer should acknowledge batches";
  RecordProperty("acknowledged_lines", total_acknowledged);
}

}  // namespace
}  // namespace azubimatch::service
