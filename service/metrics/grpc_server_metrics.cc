#include "service/metrics/grpc_server_metrics.h"

#include <utility>

#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace azubimatch::service {
namespace {

using grpc::experimental::InterceptionHookPoints;

// Prometheus' default buckets (client_golang DefBuckets), as go-grpc-prometheus uses.
const prometheus::Histogram::BucketBoundaries& HandlingBuckets() {
  static const auto* const kBuckets = new prometheus::Histogram::BucketBoundaries{
      0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return *kBuckets;
}

std::string_view TypeLabel(grpc::experimental::ServerRpcInfo::Type type) {
  using Type = grpc::experimental::ServerRpcInfo::Type;
  switch (type) {
    case Type::UNARY:
      return "unary";
    case Type::CLIENT_STREAMING:
      return "client_stream";
    case Type::SERVER_STREAMING:
      return "server_stream";
    case Type::BIDI_STREAMING:
      return "bidi_stream";
  }
  return "unary";
}

class MetricsInterceptor final : public grpc::experimental::Interceptor {
 public:
  MetricsInterceptor(GrpcServerMetrics* owner, GrpcServerMetrics::MethodMetrics* method)
      : owner_(owner), method_(method), start_(absl::Now()) {
    method_->started->Increment();
  }

  ~MetricsInterceptor() override {
    if (!handled_) Handle(grpc::StatusCode::CANCELLED);
  }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        methods->GetRecvMessage() != nullptr) {
      method_->msg_received->Increment();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE)) {
      method_->msg_sent->Increment();
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Handle(methods->GetSendStatus().error_code());
    }
    methods->Proceed();
  }

 private:
  void Handle(grpc::StatusCode code) {
    handled_ = true;
    owner_->CountHandled(method_, code);
    method_->handling_seconds->Observe(absl::ToDoubleSeconds(absl::Now() - start_));
  }

  GrpcServerMetrics* const owner_;
  GrpcServerMetrics::MethodMetrics* const method_;
  const absl::Time start_;
  bool handled_ = false;
};

class MetricsInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit MetricsInterceptorFactory(GrpcServerMetrics* owner) : owner_(owner) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    const char* method = info->method();
    GrpcServerMetrics::MethodMetrics* metrics = owner_->ForMethod(
        method != nullptr ? method : "/unknown/unknown", TypeLabel(info->type()));
    return new MetricsInterceptor(owner_, metrics);
  }

 private:
  GrpcServerMetrics* const owner_;
};

}  // namespace

std::string_view GrpcCodeLabel(grpc::StatusCode code) {
  static constexpr std::string_view kNames[] = {"OK",
                                                "Canceled",
                                                "Unknown",
                                                "InvalidArgument",
                                                "DeadlineExceeded",
                                                "NotFound",
                                                "AlreadyExists",
                                                "PermissionDenied",
                                                "ResourceExhausted",
                                                "FailedPrecondition",
                                                "Aborted",
                                                "OutOfRange",
                                                "Unimplemented",
                                                "Internal",
                                                "Unavailable",
                                                "DataLoss",
                                                "Unauthenticated"};
  const int value = static_cast<int>(code);
  if (value < 0 || value > 16) return "Unknown";
  return kNames[value];
}

GrpcServerMetrics::GrpcServerMetrics(MetricsRegistry* metrics)
    : started_(prometheus::BuildCounter()
                   .Name("grpc_server_started_total")
                   .Help("Total number of RPCs started on the server.")
                   .Register(metrics->registry())),
      handled_(prometheus::BuildCounter()
                   .Name("grpc_server_handled_total")
                   .Help("Total number of RPCs completed on the server, regardless of "
                         "success or failure.")
                   .Register(metrics->registry())),
      handling_seconds_(prometheus::BuildHistogram()
                            .Name("grpc_server_handling_seconds")
                            .Help("Histogram of response latency (seconds) of gRPC that "
                                  "had been application-level handled by the server.")
                            .Register(metrics->registry())),
      msg_received_(prometheus::BuildCounter()
                        .Name("grpc_server_msg_received_total")
                        .Help("Total number of RPC stream messages received on the "
                              "server.")
                        .Register(metrics->registry())),
      msg_sent_(prometheus::BuildCounter()
                    .Name("grpc_server_msg_sent_total")
                    .Help("Total number of gRPC stream messages sent by the server.")
                    .Register(metrics->registry())) {}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
GrpcServerMetrics::NewInterceptorFactory() {
  return std::make_unique<MetricsInterceptorFactory>(this);
}

GrpcServerMetrics::MethodMetrics* GrpcServerMetrics::ForMethod(
    std::string_view full_method, std::string_view type) {
  std::string key(type);
  key.append(" ").append(full_method);
  absl::MutexLock lock(&mu_);
  auto [it, inserted] = methods_.try_emplace(std::move(key));
  MethodMetrics& m = it->second;
  if (inserted) {
    // "/azubimatch.v1.Registry/GetCandidate" -> service, method.
    std::string_view path = full_method;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    const size_t slash = path.find('/');
    const std::string_view service =
        slash == std::string_view::npos ? path : path.substr(0, slash);
    const std::string_view method =
        slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
    m.labels = {{"grpc_type", std::string(type)},
                {"grpc_service", std::string(service)},
                {"grpc_method", std::string(method)}};
    m.started = &started_.Add(m.labels);
    m.handling_seconds = &handling_seconds_.Add(m.labels, HandlingBuckets());
    m.msg_received = &msg_received_.Add(m.labels);
    m.msg_sent = &msg_sent_.Add(m.labels);
  }
  return &m;
}

void GrpcServerMetrics::CountHandled(MethodMetrics* method, grpc::StatusCode code) {
  int index = static_cast<int>(code);
  if (index < 0 || index > 16) index = static_cast<int>(grpc::StatusCode::UNKNOWN);
  prometheus::Counter* counter;
  {
    absl::MutexLock lock(&mu_);
    counter = method->handled[index];
    if (counter == nullptr) {
      prometheus::Labels labels = method->labels;
      labels.emplace("grpc_code",
                     std::string(GrpcCodeLabel(static_cast<grpc::StatusCode>(index))));
      counter = method->handled[index] = &handled_.Add(labels);
    }
  }
  counter->Increment();
}

}  // namespace azubimatch::service
