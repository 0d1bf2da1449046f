#include "service/server/server.h"

#include <chrono>
#include <utility>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "engine/base/status_macros.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "service/admin/admin_service.h"
#include "service/console/console_files.h"
#include "service/data_protection/ledger_restore.h"
#include "service/store/rocksdb_store.h"

namespace azubimatch::service {
namespace {

// Refuses calls the in-flight bound shed, else forwards to whatever resolver the
// server holds at the time of the call.
class ForwardingResolver final : public CallerResolver {
 public:
  ForwardingResolver(CallerResolver* const* target, const InFlightLimiter* in_flight)
      : target_(target), in_flight_(in_flight) {}
  absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase& context) override {
    if (absl::Status admission = in_flight_->Admission(context); !admission.ok()) {
      return admission;
    }
    return (*target_)->Resolve(context);
  }

 private:
  CallerResolver* const* const target_;
  const InFlightLimiter* const in_flight_;
};

// The host part of HOST:PORT ("[::1]:0" -> "[::1]").
std::string HostOf(const std::string& address) {
  const size_t colon = address.rfind(':');
  return colon == std::string::npos ? address : address.substr(0, colon);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Server>> Server::Open(ServerOptions options) {
  const LogSink log = MessageSink(options.log_format, SinkOrStderr(options.log_sink));
  if (!options.restore_from.empty()) {
    absl::StatusOr<RestoreOutcome> restored =
        RestoreKeepingErasures(options.restore_from, options.data_dir);
    if (!restored.ok()) {
      return absl::Status(restored.status().code(),
                          absl::StrCat("--restore-from ", options.restore_from, ": ",
                                       restored.status().message()));
    }
    log(absl::StrCat("matchd: restored the newest backup of ", options.restore_from,
                     " into ", options.data_dir, "; ", restored->candidates_erased,
                     " erased candidates removed again (", restored->ledger_entries,
                     " erasures on record)"));
  }
  StoreOptions store_options;
  store_options.path = options.data_dir;
  store_options.sync_writes = options.sync_writes;
  AZM_ASSIGN_OR_RETURN(std::unique_ptr<RocksDbStore> store,
                       RocksDbStore::Open(store_options));
  AZM_ASSIGN_OR_RETURN(std::unique_ptr<AccessControl> access,
                       AccessControl::Open(store.get(), options.access));
  if (options.require_api_keys) {
    AZM_ASSIGN_OR_RETURN(BootstrapResult boot, access->BootstrapAdminKey(options.data_dir));
    if (boot.created) {
      log(absl::StrCat("matchd: new admin key ", boot.key_id, " written to ",
                       boot.key_file));
    }
  }
  std::unique_ptr<Server> server(
      new Server(std::move(options), std::move(store), std::move(access)));
  ServerMetricsSources sources;
  sources.records = server->records_.get();
  sources.store = dynamic_cast<const RocksDbStore*>(server->store_.get());
  sources.rate_limiter = &server->access_->rate_limiter();
  sources.in_flight = server->in_flight_.get();
  AZM_ASSIGN_OR_RETURN(server->metrics_, ServerMetrics::Create(sources));
  return server;
}

Server::Server(ServerOptions options, std::unique_ptr<KvStore> store,
               std::unique_ptr<AccessControl> access)
    : options_(std::move(options)), store_(std::move(store)), access_(std::move(access)) {
  log_sink_ = SinkOrStderr(options_.log_sink);
  RecordStoreOptions record_options;
  record_options.max_page_size = options_.max_page_size;
  records_ = std::make_unique<RecordStore>(store_.get(), record_options);
  if (options_.require_api_keys) {
    resolver_ = &access_->resolver();
  } else {
    owned_resolver_ = std::make_unique<FixedCallerResolver>(DefaultCaller());
    resolver_ = owned_resolver_.get();
  }
  in_flight_ = std::make_unique<InFlightLimiter>(options_.in_flight);
  resolver_proxy_ = std::make_unique<ForwardingResolver>(&resolver_, in_flight_.get());
  RegistryServiceOptions registry_options;
  registry_options.import_batch_size = options_.import_batch_size;
  AddService(std::make_unique<RegistryService>(records_.get(), resolver_proxy_.get(),
                                               registry_options),
             v1::Registry::service_full_name());
  AdminServiceOptions admin_options;
  admin_options.backup_dir = options_.backup_dir;
  AddService(std::make_unique<AdminService>(access_.get(), store_.get(), admin_options),
             v1::Admin::service_full_name());
}

Server::~Server() {
  Shutdown(absl::ZeroDuration());
  if (grpc_server_ != nullptr) grpc_server_->Wait();
  http_.reset();
  grpc_server_.reset();
  services_.clear();
  metrics_.reset();  // stops its listener, unsubscribes from the record store
  records_.reset();
  access_.reset();
  store_.reset();
}

void Server::SetCallerResolver(std::unique_ptr<CallerResolver> resolver) {
  owned_resolver_ = std::move(resolver);
  resolver_ = owned_resolver_.get();
}

void Server::AddService(std::unique_ptr<grpc::Service> service, std::string health_name) {
  services_.push_back(std::move(service));
  if (!health_name.empty()) health_names_.push_back(std::move(health_name));
}

void Server::AddInterceptor(
    std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface> factory) {
  interceptors_.push_back(std::move(factory));
}

absl::Status Server::Start() {
  if (grpc_server_ != nullptr) return absl::FailedPreconditionError("server already started");
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();

  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  AZM_RETURN_IF_ERROR(
      CheckListenSecurity(options_.listen_address, options_.tls, options_.allow_insecure));
  if (options_.require_api_keys) {
    AZM_ASSIGN_OR_RETURN(credentials, access_->ServerCredentials(options_.tls));
  } else if (options_.tls.enabled()) {
    return absl::InvalidArgumentError(
        "tls: served only with require_api_keys");
  }

  grpc::ServerBuilder builder;
  builder.AddListeningPort(options_.listen_address, credentials, &port_);
  // A port in use is an error, not a port silently shared with another process.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(options_.max_receive_message_bytes);
  builder.SetMaxSendMessageSize(options_.max_send_message_bytes);
  for (const auto& service : services_) builder.RegisterService(service.get());

  std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      creators;
  // Always installed: it returns every call's x-request-id, even without log lines.
  RequestLogOptions log_options;
  log_options.log_requests = options_.log_requests;
  log_options.format = options_.log_format;
  log_options.resolver = resolver_proxy_.get();
  creators.push_back(std::make_unique<RequestLogInterceptorFactory>(log_sink_, log_options));
  creators.push_back(metrics_->grpc().NewInterceptorFactory());
  creators.push_back(in_flight_->NewInterceptorFactory());
  if (options_.require_api_keys) creators.push_back(access_->NewAuditInterceptorFactory());
  for (auto& factory : interceptors_) creators.push_back(std::move(factory));
  interceptors_.clear();
  if (!creators.empty()) builder.experimental().SetInterceptorCreators(std::move(creators));

  if (!options_.metrics_listen.empty()) {
    AZM_RETURN_IF_ERROR(
        metrics_->StartListener(options_.metrics_listen, options_.allow_insecure));
  }
  grpc_server_ = builder.BuildAndStart();
  if (grpc_server_ == nullptr || port_ == 0) {
    grpc_server_.reset();
    metrics_->StopListener();
    port_ = 0;
    return absl::UnavailableError(
        absl::StrCat("listen: cannot bind ", options_.listen_address));
  }
  if (!options_.http.listen_address.empty()) {
    grpc::ChannelArguments channel_args;
    channel_args.SetMaxReceiveMessageSize(options_.max_send_message_bytes);
    channel_args.SetMaxSendMessageSize(options_.max_receive_message_bytes);
    HttpAuthStep auth;
    if (options_.require_api_keys) {
      auth = [authenticator = access_->authenticator()](
                 std::string_view method, const std::vector<std::string_view>& values) {
        return authenticator->Authenticate(method, values).status();
      };
    }
    // /metrics and the HTTP route metrics come from the same registry as the gRPC
    // metrics (and --metrics-listen, when set).
    HttpExtras extras;
    // The web console (service/console): static files only; its data calls are API
    // calls with the user's key.
    extras.static_file =
        [](std::string_view path) -> std::optional<HttpStaticFile> {
      const console::ConsoleFile* file = console::FindConsoleFile(path);
      if (file == nullptr) return std::nullopt;
      return HttpStaticFile{file->content_type, file->etag, file->body};
    };
    extras.metrics_text = [metrics = metrics_.get()] {
      return metrics->registry().RenderText();
    };
    extras.observe = [metrics = metrics_.get()](const std::string& method,
                                                const std::string& route, int status,
                                                absl::Duration elapsed) {
      metrics->http().Observe(method, route, status, elapsed);
    };
    absl::StatusOr<std::unique_ptr<HttpGateway>> http =
        HttpGateway::Start(options_.http, options_.tls, options_.allow_insecure,
                           grpc_server_->InProcessChannel(channel_args), std::move(auth),
                           std::move(extras));
    if (!http.ok()) {
      grpc_server_->Shutdown();
      grpc_server_->Wait();
      grpc_server_.reset();
      port_ = 0;
      return http.status();
    }
    http_ = std::move(*http);
  }
  if (grpc::HealthCheckServiceInterface* health = grpc_server_->GetHealthCheckService()) {
    health->SetServingStatus(true);
    for (const std::string& name : health_names_) health->SetServingStatus(name, true);
  }
  return absl::OkStatus();
}

std::string Server::bound_address() const {
  return absl::StrCat(HostOf(options_.listen_address), ":", port_);
}

std::string Server::http_bound_address() const {
  if (http_ == nullptr) return "";
  return absl::StrCat(HostOf(options_.http.listen_address), ":", http_->port());
}

void Server::Shutdown(absl::Duration grace) {
  {
    absl::MutexLock lock(&shutdown_mu_);
    if (shut_down_ || grpc_server_ == nullptr) return;
    shut_down_ = true;
  }
  if (grpc::HealthCheckServiceInterface* health = grpc_server_->GetHealthCheckService()) {
    health->Shutdown();
  }
  // HTTP stops accepting first; its calls in flight drain (or are cancelled) with
  // the gRPC server's, then its threads are joined.
  if (http_ != nullptr) http_->BeginStop();
  grpc_server_->Shutdown(absl::ToChronoTime(absl::Now() + grace));
  if (http_ != nullptr) http_->Stop();
}

void Server::Wait() {
  if (grpc_server_ != nullptr) grpc_server_->Wait();
}

}  // namespace azubimatch::service
