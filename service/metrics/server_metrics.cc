#include "service/metrics/server_metrics.h"

#include <exception>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "prometheus/counter.h"
#include "prometheus/exposer.h"
#include "prometheus/gauge.h"
#include "service/transport/tls_options.h"

namespace azubimatch::service {
namespace {

prometheus::Gauge& NewGauge(prometheus::Registry& registry, const std::string& name,
                            const std::string& help,
                            const prometheus::Labels& labels = {}) {
  return prometheus::BuildGauge().Name(name).Help(help).Register(registry).Add(labels);
}

// A counter that follows a monotone count kept elsewhere: each scrape adds what the
// source gained since the last one.
class FollowingCounter {
 public:
  FollowingCounter(prometheus::Registry& registry, const std::string& name,
                   const std::string& help)
      : counter_(&prometheus::BuildCounter().Name(name).Help(help).Register(registry).Add(
            {})) {}
  void Follow(int64_t source) {
    if (source > last_) counter_->Increment(static_cast<double>(source - last_));
    last_ = source;
  }

 private:
  prometheus::Counter* counter_;
  int64_t last_ = 0;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ServerMetrics>> ServerMetrics::Create(
    ServerMetricsSources sources) {
  std::unique_ptr<ServerMetrics> metrics(new ServerMetrics(sources));
  if (sources.records != nullptr) {
    RecordCounts* counts = &metrics->record_counts_;
    if (absl::Status status = sources.records->SubscribeCounting(
            counts, [counts](const RecordStore::Totals& totals) { counts->Start(totals); });
        !status.ok()) {
      return status;
    }
    metrics->subscribed_ = true;
  }
  metrics->AddSourceHooks();
  return metrics;
}

ServerMetrics::ServerMetrics(ServerMetricsSources sources)
    : sources_(sources),
      grpc_(&registry_),
      http_(&registry_),
      assign_phases_(&registry_) {}

ServerMetrics::~ServerMetrics() {
  StopListener();
  if (subscribed_) sources_.records->Unsubscribe(&record_counts_);
}

void ServerMetrics::AddSourceHooks() {
  prometheus::Registry& r = registry_.registry();
  if (sources_.records != nullptr) {
    auto& family = prometheus::BuildGauge()
                       .Name("azubimatch_records")
                       .Help("Records stored in the registry, by kind.")
                       .Register(r);
    prometheus::Gauge* companies = &family.Add({{"kind", "company"}});
    prometheus::Gauge* offers = &family.Add({{"kind", "offer"}});
    prometheus::Gauge* candidates = &family.Add({{"kind", "candidate"}});
    const RecordCounts* counts = &record_counts_;
    registry_.AddCollectHook([=] {
      companies->Set(static_cast<double>(counts->companies()));
      offers->Set(static_cast<double>(counts->offers()));
      candidates->Set(static_cast<double>(counts->candidates()));
    });
  }
  if (sources_.store != nullptr) {
    prometheus::Gauge* total = &NewGauge(
        r, "azubimatch_rocksdb_total_sst_files_bytes",
        "Size of every SST file of the store, including obsolete ones still referenced "
        "(rocksdb.total-sst-files-size).");
    prometheus::Gauge* live = &NewGauge(
        r, "azubimatch_rocksdb_live_sst_files_bytes",
        "Size of the SST files of the current version (rocksdb.live-sst-files-size).");
    prometheus::Gauge* memtables =
        &NewGauge(r, "azubimatch_rocksdb_memtable_bytes",
                  "Memory held by the memtables (rocksdb.cur-size-all-mem-tables).");
    prometheus::Gauge* pending =
        &NewGauge(r, "azubimatch_rocksdb_pending_compaction_bytes",
                  "Estimated bytes compaction must rewrite to settle the LSM tree "
                  "(rocksdb.estimate-pending-compaction-bytes).");
    prometheus::Gauge* stopped =
        &NewGauge(r, "azubimatch_rocksdb_write_stopped",
                  "1 while RocksDB stops writes (rocksdb.is-write-stopped), else 0.");
    prometheus::Gauge* delayed = &NewGauge(
        r, "azubimatch_rocksdb_delayed_write_rate_bytes",
        "Write rate RocksDB slows writes down to, bytes/s; 0 when writes are not delayed "
        "(rocksdb.actual-delayed-write-rate).");
    const RocksDbStore* store = sources_.store;
    registry_.AddCollectHook([=] {
      const RocksDbFigures f = store->Figures();
      total->Set(static_cast<double>(f.total_sst_bytes));
      live->Set(static_cast<double>(f.live_sst_bytes));
      memtables->Set(static_cast<double>(f.memtable_bytes));
      pending->Set(static_cast<double>(f.pending_compaction_bytes));
      stopped->Set(f.write_stopped ? 1 : 0);
      delayed->Set(f.write_stopped ? 0 : static_cast<double>(f.delayed_write_rate));
    });
  }
  if (sources_.rate_limiter != nullptr) {
    auto refusals = std::make_shared<FollowingCounter>(
        r, "azubimatch_rate_limit_refusals_total",
        "Calls refused with RESOURCE_EXHAUSTED by the per-key rate limit.");
    const RateLimiter* limiter = sources_.rate_limiter;
    registry_.AddCollectHook([=] { refusals->Follow(limiter->refused()); });
  }
  if (sources_.in_flight != nullptr) {
    prometheus::Gauge* in_flight =
        &NewGauge(r, "azubimatch_in_flight_calls",
                  "Calls being worked on now (health checks aside).");
    prometheus::Gauge* limit =
        &NewGauge(r, "azubimatch_in_flight_limit",
                  "The bound on calls in flight (--max-in-flight); 0 means none.");
    auto shed = std::make_shared<FollowingCounter>(
        r, "azubimatch_shed_calls_total",
        "Calls refused with RESOURCE_EXHAUSTED and RetryInfo because the in-flight "
        "bound was reached.");
    const InFlightLimiter* limiter = sources_.in_flight;
    registry_.AddCollectHook([=] {
      in_flight->Set(limiter->in_flight());
      limit->Set(std::max(limiter->options().max_in_flight, 0));
      shed->Follow(limiter->shed());
    });
  }
}

absl::Status ServerMetrics::StartListener(const std::string& address,
                                          bool allow_insecure) {
  if (exposer_ != nullptr) {
    return absl::FailedPreconditionError("--metrics-listen: already listening");
  }
  if (!allow_insecure && !IsLoopbackAddress(address)) {
    return absl::FailedPreconditionError(
        absl::StrCat("--metrics-listen: refusing the non-loopback address '", address,
                     "' (plain HTTP); give --allow-insecure to accept the risk"));
  }
  try {
    // prometheus-cpp reports a failed bind with an exception; it stops here.
    exposer_ = std::make_unique<prometheus::Exposer>(address, /*num_threads=*/1);
  } catch (const std::exception& e) {
    return absl::UnavailableError(
        absl::StrCat("--metrics-listen: cannot bind ", address, ": ", e.what()));
  }
  exposer_->RegisterCollectable(registry_.collectable());
  const std::vector<int> ports = exposer_->GetListeningPorts();
  listener_port_ = ports.empty() ? 0 : ports.front();
  return absl::OkStatus();
}

void ServerMetrics::StopListener() {
  exposer_.reset();
  listener_port_ = 0;
}

}  // namespace azubimatch::service
