#include "service/transport/tls_options.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/base/status_macros.h"

namespace azubimatch::service {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& flag, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(flag, ": cannot read '", path, "'"));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return absl::UnavailableError(absl::StrCat(flag, ": error reading '", path, "'"));
  }
  return contents.str();
}

using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;
using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

BioPtr MemoryBio(const std::string& pem) {
  return BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
}

// The first certificate of `pem`, or InvalidArgument naming `flag`.
absl::StatusOr<X509Ptr> FirstCertificate(const std::string& flag,
                                         const std::string& pem) {
  BioPtr bio = MemoryBio(pem);
  X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
  ERR_clear_error();
  if (cert == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": no PEM certificate in the file"));
  }
  return cert;
}

// Reads a PEM certificate file and checks that it holds a certificate.
absl::StatusOr<std::string> ReadCertificateFile(const std::string& flag,
                                                const std::string& path) {
  AZM_ASSIGN_OR_RETURN(std::string pem, ReadFile(flag, path));
  AZM_RETURN_IF_ERROR(FirstCertificate(flag, pem).status());
  return pem;
}

// Reads a PEM private key and checks that it belongs to the first certificate of
// `cert_pem`.
absl::StatusOr<std::string> ReadKeyFileFor(const std::string& flag,
                                           const std::string& path,
                                           const std::string& cert_flag,
                                           const std::string& cert_pem) {
  AZM_ASSIGN_OR_RETURN(std::string pem, ReadFile(flag, path));
  BioPtr bio = MemoryBio(pem);
  KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
             &EVP_PKEY_free);
  ERR_clear_error();
  if (key == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": no unencrypted PEM private key in the file"));
  }
  AZM_ASSIGN_OR_RETURN(X509Ptr cert, FirstCertificate(cert_flag, cert_pem));
  bool matches = X509_check_private_key(cert.get(), key.get()) == 1;
  ERR_clear_error();
  if (!matches) {
    return absl::InvalidArgumentError(absl::StrCat(
        flag, ": the key does not belong to the certificate of ", cert_flag));
  }
  return pem;
}

// The host part of "host:port", "[v6]:port" or "host".
std::string_view HostOf(std::string_view address) {
  if (address.starts_with("[")) {
    size_t close = address.find(']');
    return close == std::string_view::npos ? address.substr(1)
                                           : address.substr(1, close - 1);
  }
  size_t colon = address.rfind(':');
  // More than one colon without brackets: a bare IPv6 address.
  if (colon != std::string_view::npos && address.find(':') == colon) {
    return address.substr(0, colon);
  }
  return address;
}

bool IsLoopbackIpv4(std::string_view host) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(host.data(), host.size()), '.');
  if (parts.size() != 4 || parts[0] != "127") return false;
  for (absl::string_view part : parts) {
    int value;
    if (part.empty() || !absl::SimpleAtoi(part, &value) || value < 0 || value > 255)
      return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<TlsServerMaterial> LoadTlsServerMaterial(const TlsServerOptions& options) {
  TlsServerMaterial material;
  AZM_ASSIGN_OR_RETURN(material.cert_chain_pem,
                       ReadCertificateFile("--tls-cert", options.cert_file));
  AZM_ASSIGN_OR_RETURN(material.private_key_pem,
                       ReadKeyFileFor("--tls-key", options.key_file, "--tls-cert",
                                      material.cert_chain_pem));
  if (!options.client_ca_file.empty()) {
    AZM_ASSIGN_OR_RETURN(material.client_ca_pem,
                         ReadCertificateFile("--tls-client-ca", options.client_ca_file));
  }
  return material;
}

bool IsLoopbackAddress(std::string_view listen_address) {
  if (listen_address.starts_with("unix:") ||
      listen_address.starts_with("unix-abstract:")) {
    return true;
  }
  std::string_view address = listen_address;
  for (std::string_view scheme : {"ipv4:", "ipv6:", "dns:"}) {
    if (address.starts_with(scheme)) address.remove_prefix(scheme.size());
  }
  std::string_view host = HostOf(address);
  return absl::AsciiStrToLower(std::string(host)) == "localhost" || host == "::1" ||
         IsLoopbackIpv4(host);
}

absl::Status CheckListenSecurity(std::string_view listen_address,
                                 const TlsServerOptions& options, bool allow_insecure) {
  if (options.cert_file.empty() != options.key_file.empty()) {
    return absl::InvalidArgumentError(
        options.cert_file.empty() ? "--tls-cert: required together with --tls-key"
                                  : "--tls-key: required together with --tls-cert");
  }
  if (!options.client_ca_file.empty() && !options.enabled()) {
    return absl::InvalidArgumentError(
        "--tls-client-ca: needs --tls-cert and --tls-key (mutual TLS is TLS first)");
  }
  if (options.enabled() || allow_insecure || IsLoopbackAddress(listen_address)) {
    return absl::OkStatus();
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "--listen: refusing plaintext on the non-loopback address '",
      std::string(listen_address),
      "'; give --tls-cert and --tls-key, or --allow-insecure to accept the risk"));
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const TlsClientOptions& options) {
  if (!options.enabled()) return grpc::InsecureChannelCredentials();
  if (options.cert_file.empty() != options.key_file.empty()) {
    return absl::InvalidArgumentError(
        options.cert_file.empty() ? "--tls-cert: required together with --tls-key"
                                  : "--tls-key: required together with --tls-cert");
  }
  grpc::SslCredentialsOptions ssl;
  if (!options.ca_file.empty()) {
    AZM_ASSIGN_OR_RETURN(ssl.pem_root_certs,
                         ReadCertificateFile("--tls-ca", options.ca_file));
  }
  if (!options.cert_file.empty()) {
    AZM_ASSIGN_OR_RETURN(ssl.pem_cert_chain,
                         ReadCertificateFile("--tls-cert", options.cert_file));
    AZM_ASSIGN_OR_RETURN(
        ssl.pem_private_key,
        ReadKeyFileFor("--tls-key", options.key_file, "--tls-cert", ssl.pem_cert_chain));
  }
  return grpc::SslCredentials(ssl);
}

}  // namespace azubimatch::service
