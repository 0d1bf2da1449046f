// Test support: throwaway certificates made with the `openssl` command in a temporary
// folder: a CA, a server certificate for localhost / 127.0.0.1 signed by it, a client
// certificate signed by it, and a client certificate signed by an unrelated CA. P-256
// keys, valid for one day.
#ifndef AZUBIMATCH_TESTS_SERVICE_AUTH_TEST_CERTIFICATES_H_
#define AZUBIMATCH_TESTS_SERVICE_AUTH_TEST_CERTIFICATES_H_

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {

class TestCertificates {
 public:
  // Runs openssl; ok() tells whether every step worked.
  TestCertificates() {
    ok_ = MakeCa("ca") && MakeCa("rogue_ca") &&
          MakeLeaf("server", "ca", "localhost",
                   "subjectAltName=DNS:localhost,IP:127.0.0.1") &&
          MakeLeaf("client", "ca", "matchctl", "extendedKeyUsage=clientAuth") &&
          MakeLeaf("rogue_client", "rogue_ca", "intruder", "extendedKeyUsage=clientAuth");
  }

  bool ok() const { return ok_; }
  // `<name>.pem` (certificate) and `<name>.key` (private key) in the folder.
  std::string Cert(const std::string& name) const { return dir_.Sub(name + ".pem"); }
  std::string Key(const std::string& name) const { return dir_.Sub(name + ".key"); }
  std::string Path(const std::string& file) const { return dir_.Sub(file); }

 private:
  bool Run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
  }
  bool MakeCa(const std::string& name) {
    return Run(
        "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
        " -days 1 -subj /CN=" +
        name + " -keyout " + Key(name) + " -out " + Cert(name));
  }
  bool MakeLeaf(const std::string& name, const std::string& ca, const std::string& cn,
                const std::string& extension) {
    const std::string ext_file = Path(name + ".ext");
    std::ofstream(ext_file) << extension << "\n";
    return Run("openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
               "-subj /CN=" +
               cn + " -keyout " + Key(name) + " -out " + Path(name + ".csr")) &&
           Run("openssl x509 -req -days 1 -in " + Path(name + ".csr") + " -CA " +
               Cert(ca) + " -CAkey " + Key(ca) + " -CAcreateserial -extfile " + ext_file +
               " -out " + Cert(name));
  }

  ScopedTempDir dir_;
  bool ok_ = false;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_AUTH_TEST_CERTIFICATES_H_
