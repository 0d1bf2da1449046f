#include "service/overload/in_flight_limiter.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "service/registry/retry_info.h"

namespace azubimatch::service {
namespace {

using grpc::experimental::InterceptionHookPoints;

constexpr absl::string_view kHealthPrefix = "/grpc.health.v1.Health/";

class InFlightInterceptor final : public grpc::experimental::Interceptor {
 public:
  InFlightInterceptor(InFlightLimiter* limiter, const grpc::ServerContextBase* context)
      : limiter_(limiter), context_(context), admitted_(limiter->Enter(context)) {}

  ~InFlightInterceptor() override { Release(); }

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      Release();
      grpc::Status status = methods->GetSendStatus();
      if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        methods->ModifySendStatus(
            EnsureRetryInfo(status, limiter_->options().default_retry_delay));
      }
    }
    methods->Proceed();
  }

 private:
  void Release() {
    if (released_) return;
    released_ = true;
    limiter_->Leave(context_, admitted_);
  }

  InFlightLimiter* const limiter_;
  const grpc::ServerContextBase* const context_;
  const bool admitted_;
  bool released_ = false;
};

class InFlightInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  explicit InFlightInterceptorFactory(InFlightLimiter* limiter) : limiter_(limiter) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override {
    const char* method = info->method();
    if (method != nullptr && absl::StartsWith(method, kHealthPrefix)) return nullptr;
    return new InFlightInterceptor(limiter_, info->server_context());
  }

 private:
  InFlightLimiter* const limiter_;
};

}  // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
InFlightLimiter::NewInterceptorFactory() {
  return std::make_unique<InFlightInterceptorFactory>(this);
}

bool InFlightLimiter::Enter(const grpc::ServerContextBase* context) {
  const int now_in_flight = in_flight_.fetch_add(1, std::memory_order_relaxed) + 1;
  if (options_.max_in_flight <= 0 || now_in_flight <= options_.max_in_flight) return true;
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  shed_total_.fetch_add(1, std::memory_order_relaxed);
  absl::MutexLock lock(&mu_);
  if (shed_calls_.insert(context).second) marked_.fetch_add(1, std::memory_order_relaxed);
  return false;
}

void InFlightLimiter::Leave(const grpc::ServerContextBase* context, bool admitted) {
  if (admitted) {
    in_flight_.fetch_sub(1, std::memory_order_relaxed);
    return;
  }
  absl::MutexLock lock(&mu_);
  if (shed_calls_.erase(context) > 0) marked_.fetch_sub(1, std::memory_order_relaxed);
}

absl::Status InFlightLimiter::Admission(const grpc::ServerContextBase& context) const {
  if (marked_.load(std::memory_order_relaxed) == 0) return absl::OkStatus();
  {
    absl::MutexLock lock(&mu_);
    if (!shed_calls_.contains(&context)) return absl::OkStatus();
  }
  return WithRetryInfo(
      absl::ResourceExhaustedError(absl::StrCat(
          "matchd is busy: ", options_.max_in_flight,
          " calls in flight already; retry after the delay in google.rpc.RetryInfo")),
      options_.retry_delay);
}

}  // namespace azubimatch::service
