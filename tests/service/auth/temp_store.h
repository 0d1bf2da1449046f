// Test support: a RocksDbStore in a subfolder of a ScopedTempDir, for the auth and admin
// tests. Fails the current test (and returns nullptr) when the store cannot be opened.
#ifndef AZUBIMATCH_TESTS_SERVICE_AUTH_TEMP_STORE_H_
#define AZUBIMATCH_TESTS_SERVICE_AUTH_TEMP_STORE_H_

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {

// Opens (or creates) the store in `dir`/`name`. Sync writes are off unless `sync`:
// these tests need no durability, and fsyncs only slow them down.
inline std::unique_ptr<RocksDbStore> OpenTempStore(const ScopedTempDir& dir,
                                                   const std::string& name = "data",
                                                   bool sync = false) {
  StoreOptions options;
  options.path = dir.Sub(name);
  options.sync_writes = sync;
  auto store = RocksDbStore::Open(options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *std::move(store) : nullptr;
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_AUTH_TEMP_STORE_H_
