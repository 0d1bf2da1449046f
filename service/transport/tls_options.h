// TLS for matchd and its clients: options, PEM loading with early checks, the
// plaintext guard for listen addresses, and client channel credentials.
//
// Server: --tls-cert and --tls-key (PEM) turn TLS on; --tls-client-ca (PEM) also
// requires and verifies a client certificate signed by that CA (mutual TLS). Without
// TLS the server speaks plaintext, which CheckListenSecurity() allows only on loopback
// addresses (127.0.0.0/8, ::1, localhost, unix sockets) unless --allow-insecure is set.
// The server credentials themselves are built in server_auth.h, where the per-call auth
// step is attached to them.
//
// Client (matchctl): --tls-ca (PEM of the CA that signed the server's certificate)
// turns TLS on; --tls-cert and --tls-key add a client certificate for mutual TLS.
// Without any of them the channel is plaintext.
//
// Errors name the flag: InvalidArgument for a missing partner flag, a file that is not
// PEM or a key that does not belong to its certificate; NotFound for a missing file.
//
// Thread safety: pure functions (they read files). Complexity: O(file sizes).
#ifndef AZUBIMATCH_SERVICE_TRANSPORT_TLS_OPTIONS_H_
#define AZUBIMATCH_SERVICE_TRANSPORT_TLS_OPTIONS_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "grpcpp/security/credentials.h"

namespace azubimatch::service {

struct TlsServerOptions {
  // PEM file with the server's certificate chain (--tls-cert). Set together with
  // key_file; both empty means plaintext.
  // Default: "" (no TLS).
  std::string cert_file;

  // PEM file with the private key of cert_file (--tls-key).
  // Default: "".
  std::string key_file;

  // PEM file with the CA certificates client certificates must chain to
  // (--tls-client-ca). Set, every client must present a certificate signed by one of
  // them (mutual TLS); needs cert_file and key_file.
  // Default: "" (no client certificates requested).
  std::string client_ca_file;

  bool enabled() const { return !cert_file.empty() || !key_file.empty(); }
};

// The PEM contents of TlsServerOptions, checked: the certificate and key parse, and the
// key belongs to the certificate.
struct TlsServerMaterial {
  std::string cert_chain_pem;
  std::string private_key_pem;
  std::string client_ca_pem;  // empty: no client certificates
};

// Reads and checks the files of `options`. REQUIRES: options.enabled().
absl::StatusOr<TlsServerMaterial> LoadTlsServerMaterial(const TlsServerOptions& options);

// OK when serving `listen_address` ("host:port", "[v6]:port" or "unix:path") with the
// given TLS options is allowed: always with TLS, on a loopback address or a unix socket
// without, anywhere without when `allow_insecure`. FailedPrecondition ("--listen: ...")
// otherwise; InvalidArgument when only one of --tls-cert/--tls-key or --tls-client-ca
// without them is given.
absl::Status CheckListenSecurity(std::string_view listen_address,
                                 const TlsServerOptions& options, bool allow_insecure);

// True for loopback hosts and local sockets (see above).
bool IsLoopbackAddress(std::string_view listen_address);

struct TlsClientOptions {
  // PEM file with the CA certificates the server's certificate must chain to
  // (--tls-ca). Set, the channel uses TLS.
  // Default: "" (plaintext, unless cert_file is set).
  std::string ca_file;

  // PEM file with the client's certificate chain for mutual TLS (--tls-cert); set
  // together with key_file.
  // Default: "".
  std::string cert_file;

  // PEM file with the private key of cert_file (--tls-key).
  // Default: "".
  std::string key_file;

  bool enabled() const {
    return !ca_file.empty() || !cert_file.empty() || !key_file.empty();
  }
};

// Channel credentials for `options`: TLS (with a client certificate when given; the
// system's CA roots when only a client certificate is given) or plaintext.
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const TlsClientOptions& options);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_TRANSPORT_TLS_OPTIONS_H_
