#include "service/store/random_id.h"

namespace azubimatch::service {

std::string RandomIdGenerator::Next() {
  static constexpr char kAlphabet[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string id(kIdLength, '0');
  absl::MutexLock lock(&mu_);
  for (char& ch : id) ch = kAlphabet[absl::Uniform(bitgen_, 0, 36)];
  return id;
}

}  // namespace azubimatch::service
