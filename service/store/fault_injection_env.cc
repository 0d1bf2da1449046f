#include "service/store/fault_injection_env.h"

#include <atomic>
#include <memory>
#include <string>
#include <utility>

#include "rocksdb/env.h"
#include "rocksdb/file_system.h"
#include "rocksdb/io_status.h"

namespace azubimatch::service {

namespace rdb = ::ROCKSDB_NAMESPACE;

struct FaultInjectionEnv::State {
  std::atomic<Fault> append_fault{Fault::kNone};
  std::atomic<Fault> sync_fault{Fault::kNone};
  std::atomic<int64_t> injected{0};

  // OK, or the injected error for an operation currently failing with `fault`.
  rdb::IOStatus Check(const std::atomic<Fault>& fault, const char* operation) {
    switch (fault.load()) {
      case Fault::kNone:
        return rdb::IOStatus::OK();
      case Fault::kNoSpace:
        ++injected;
        return rdb::IOStatus::NoSpace(operation,
                                      "injected fault: no space left on device");
      case Fault::kIoError:
        ++injected;
        return rdb::IOStatus::IOError(operation, "injected fault: device error");
    }
    return rdb::IOStatus::OK();
  }
};

namespace {

using State = FaultInjectionEnv::State;

class FaultyWritableFile final : public rdb::FSWritableFileOwnerWrapper {
 public:
  FaultyWritableFile(std::unique_ptr<rdb::FSWritableFile> file,
                     std::shared_ptr<State> state)
      : FSWritableFileOwnerWrapper(std::move(file)), state_(std::move(state)) {}

  rdb::IOStatus Append(const rdb::Slice& data, const rdb::IOOptions& options,
                       rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->append_fault, "append");
    return status.ok() ? FSWritableFileOwnerWrapper::Append(data, options, dbg) : status;
  }
  rdb::IOStatus Append(const rdb::Slice& data, const rdb::IOOptions& options,
                       const rdb::DataVerificationInfo& info,
                       rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->append_fault, "append");
    return status.ok() ? FSWritableFileOwnerWrapper::Append(data, options, info, dbg)
                       : status;
  }
  rdb::IOStatus PositionedAppend(const rdb::Slice& data, uint64_t offset,
                                 const rdb::IOOptions& options,
                                 rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->append_fault, "positioned append");
    return status.ok()
               ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, options, dbg)
               : status;
  }
  rdb::IOStatus PositionedAppend(const rdb::Slice& data, uint64_t offset,
                                 const rdb::IOOptions& options,
                                 const rdb::DataVerificationInfo& info,
                                 rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->append_fault, "positioned append");
    return status.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset,
                                                                      options, info, dbg)
                       : status;
  }
  rdb::IOStatus Sync(const rdb::IOOptions& options, rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->sync_fault, "sync");
    return status.ok() ? FSWritableFileOwnerWrapper::Sync(options, dbg) : status;
  }
  rdb::IOStatus Fsync(const rdb::IOOptions& options, rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->sync_fault, "fsync");
    return status.ok() ? FSWritableFileOwnerWrapper::Fsync(options, dbg) : status;
  }
  rdb::IOStatus RangeSync(uint64_t offset, uint64_t nbytes, const rdb::IOOptions& options,
                          rdb::IODebugContext* dbg) override {
    rdb::IOStatus status = state_->Check(state_->sync_fault, "range sync");
    return status.ok()
               ? FSWritableFileOwnerWrapper::RangeSync(offset, nbytes, options, dbg)
               : status;
  }

 private:
  std::shared_ptr<State> state_;
};

class FaultyFileSystem final : public rdb::FileSystemWrapper {
 public:
  explicit FaultyFileSystem(std::shared_ptr<State> state)
      : FileSystemWrapper(rdb::FileSystem::Default()), state_(std::move(state)) {}

  const char* Name() const override { return "AzubimatchFaultyFileSystem"; }

  rdb::IOStatus NewWritableFile(const std::string& name, const rdb::FileOptions& options,
                                std::unique_ptr<rdb::FSWritableFile>* result,
                                rdb::IODebugContext* dbg) override {
    return Wrap(target()->NewWritableFile(name, options, result, dbg), result);
  }
  rdb::IOStatus ReopenWritableFile(const std::string& name,
                                   const rdb::FileOptions& options,
                                   std::unique_ptr<rdb::FSWritableFile>* result,
                                   rdb::IODebugContext* dbg) override {
    return Wrap(target()->ReopenWritableFile(name, options, result, dbg), result);
  }
  rdb::IOStatus ReuseWritableFile(const std::string& name, const std::string& old_name,
                                  const rdb::FileOptions& options,
                                  std::unique_ptr<rdb::FSWritableFile>* result,
                                  rdb::IODebugContext* dbg) override {
    return Wrap(target()->ReuseWritableFile(name, old_name, options, result, dbg),
                result);
  }

 private:
  rdb::IOStatus Wrap(rdb::IOStatus opened, std::unique_ptr<rdb::FSWritableFile>* result) {
    if (opened.ok())
      *result = std::make_unique<FaultyWritableFile>(std::move(*result), state_);
    return opened;
  }

  std::shared_ptr<State> state_;
};

}  // namespace

FaultInjectionEnv::FaultInjectionEnv()
    : state_(std::make_shared<State>()),
      file_system_(std::make_shared<FaultyFileSystem>(state_)),
      env_(rdb::NewCompositeEnv(file_system_)) {}

FaultInjectionEnv::~FaultInjectionEnv() = default;

rdb::Env* FaultInjectionEnv::env() const { return env_.get(); }

void FaultInjectionEnv::SetAppendFault(Fault fault) { state_->append_fault.store(fault); }
void FaultInjectionEnv::SetSyncFault(Fault fault) { state_->sync_fault.store(fault); }

void FaultInjectionEnv::Heal() {
  state_->append_fault.store(Fault::kNone);
  state_->sync_fault.store(Fault::kNone);
}

int64_t FaultInjectionEnv::injected_failures() const { return state_->injected.load(); }

}  // namespace azubimatch::service
