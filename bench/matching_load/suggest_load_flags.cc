#include "bench/matching_load/suggest_load_flags.h"

#include <functional>
#include <map>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace azubimatch::bench {
namespace {

// Stores a flag's value; an error message names what is wrong with it.
using Store = std::function<absl::Status(const std::string& value)>;

Store IntIn(int* target, int min, int max, const std::string& flag) {
  return [=](const std::string& value) {
    int parsed = 0;
    if (!absl::SimpleAtoi(value, &parsed) || parsed < min || parsed > max) {
      return absl::InvalidArgumentError(
          absl::StrCat("--", flag, ": expected an integer in [", min, ", ", max,
                       "], got \"", value, "\""));
    }
    *target = parsed;
    return absl::OkStatus();
  };
}

Store SecondsAtLeast(double* target, double min, const std::string& flag) {
  return [=](const std::string& value) {
    double parsed = 0;
    if (!absl::SimpleAtod(value, &parsed) || !(parsed >= min) || parsed > 86400) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--", flag, ": expected seconds in [", min, ", 86400], got \"", value, "\""));
    }
    *target = parsed;
    return absl::OkStatus();
  };
}

Store Text(std::string* target) {
  return [=](const std::string& value) {
    *target = value;
    return absl::OkStatus();
  };
}

}  // namespace

absl::StatusOr<SuggestLoadFlags> ParseSuggestLoadFlags(
    const std::vector<std::string>& args) {
  SuggestLoadFlags flags;
  std::optional<int> offers, candidates;
  int offers_value = 0, candidates_value = 0;
  const std::map<std::string, Store> valued = {
      {"offers", IntIn(&offers_value, 0, 1000000, "offers")},
      {"candidates", IntIn(&candidates_value, 1, 1000000, "candidates")},
      {"seed",
       [&](const std::string& value) {
         if (!absl::SimpleAtoi(value, &flags.seed)) {
           return absl::InvalidArgumentError(
               absl::StrCat("--seed: expected an unsigned integer, got \"", value, "\""));
         }
         return absl::OkStatus();
       }},
      {"prefix", Text(&flags.prefix)},
      {"batch", IntIn(&flags.batch, 1, 100000, "batch")},
      {"clients", IntIn(&flags.clients, 1, 1024, "clients")},
      {"seconds", SecondsAtLeast(&flags.seconds, 0.1, "seconds")},
      {"warmup", SecondsAtLeast(&flags.warmup, 0, "warmup")},
      {"k", IntIn(&flags.k, 1, 100, "k")},
      {"server", Text(&flags.server)},
      {"api-key", Text(&flags.api_key)},
      {"data-dir", Text(&flags.data_dir)},
  };
  const std::map<std::string, bool*> switches = {
      {"assign", &flags.assign}, {"by-offer", &flags.by_offer}, {"json", &flags.json}, {"help", &flags.show_help}};

  for (size_t i = 0; i < args.size(); ++i) {
    absl::string_view arg = args[i];
    if (arg == "-h") arg = "--help";
    if (!absl::ConsumePrefix(&arg, "--")) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", arg, "\""));
    }
    std::string name(arg);
    std::optional<std::string> value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (auto it = switches.find(name); it != switches.end() && !value.has_value()) {
      *it->second = true;
      continue;
    }
    const auto it = valued.find(name);
    if (it == valued.end()) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag --", name));
    }
    if (!value.has_value()) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat("--", name, ": missing value"));
      }
      value = args[++i];
    }
    if (absl::Status status = it->second(*value); !status.ok()) return status;
    if (name == "offers") offers = offers_value;
    if (name == "candidates") candidates = candidates_value;
  }
  flags.offers = offers.value_or(flags.assign ? 20000 : 100000);
  flags.candidates = candidates.value_or(flags.assign ? 50000 : 100000);
  if (!flags.server.empty() && flags.api_key.empty()) {
    return absl::InvalidArgumentError("--api-key: required with --server");
  }
  if (flags.assign && flags.by_offer) {
    return absl::InvalidArgumentError("--by-offer: not with --assign");
  }
  if (!flags.server.empty() && !flags.data_dir.empty()) {
    return absl::InvalidArgumentError("--data-dir: only for the in-process server");
  }
  return flags;
}

std::string SuggestLoadUsage() {
  return R"(usage: suggest_load [flags]

Loads a demo cohort into matchd through Registry.Import, then either runs concurrent
SuggestOffers clients (default) or times one optimal Assign (--assign).

  --offers N        training offers to load (default 100000; --assign: 20000)
  --candidates N    candidates to load (default 100000; --assign: 50000)
  --seed S          cohort seed and candidate choice (default 1)
  --prefix P        external id prefix of the cohort (default "load")
  --batch N         records per Import stream (default 5000)
  --clients C       client threads, one channel each (default 8)
  --seconds S       measured window in seconds (default 10)
  --warmup S        unmeasured seconds before it (default 2)
  --k K             suggestions per call (default 10)
  --by-offer        SuggestCandidates(offer, k) for random offers instead
  --assign          time one Assign (mode optimal, no filters) end to end
  --server H:P      use a running matchd instead of one in process
  --api-key KEY     officer key for --server
  --data-dir DIR    folder of the in-process server (default: a temporary one, removed)
  --json            print a one-line JSON summary at the end
  --help            this text
)";
}

}  // namespace azubimatch::bench
