#include "bench/matching_load/suggest_load_flags.h"

#include <optional>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench/flags/bench_flags.h"

namespace azubimatch::bench {
namespace {

// The flags of suggest_load (CLI11), bound to `flags`; --offers and --candidates go to
// `offers` / `candidates`, since their defaults depend on --assign.
void DefineFlags(CLI::App& app, SuggestLoadFlags& flags, std::optional<int>& offers,
                 std::optional<int>& candidates, std::string& rpcs, bool& by_offer) {
  PrepareFlagApp(app);
  app.add_option_function<int>("--offers", [&offers](const int& n) { offers = n; },
                               "training offers to load (default 100000; --assign: 20000)")
      ->type_name("N")
      ->check(IntIn(0, 1000000));
  app.add_option_function<int>("--candidates", [&candidates](const int& n) { candidates = n; },
                               "candidates to load (default 100000; --assign: 50000)")
      ->type_name("N")
      ->check(IntIn(1, 1000000));
  app.add_option("--seed", flags.seed, "cohort seed and candidate choice (default 1)")
      ->type_name("S")
      ->check(Unsigned64());
  app.add_option("--prefix", flags.prefix, "external id prefix of the cohort (default \"load\")")
      ->type_name("P");
  app.add_option("--batch", flags.batch, "records per Import stream (default 5000)")
      ->type_name("N")
      ->check(IntIn(1, 100000));
  app.add_option("--clients", flags.clients, "client threads, one channel each (default 8)")
      ->type_name("C")
      ->check(IntIn(1, 1024));
  app.add_option("--seconds", flags.seconds, "measured window in seconds (default 10)")
      ->type_name("S")
      ->check(SecondsAtLeast(0.1));
  app.add_option("--warmup", flags.warmup, "unmeasured seconds before it (default 2)")
      ->type_name("S")
      ->check(SecondsAtLeast(0));
  app.add_option("--k", flags.k, "suggestions per call (default 10)")
      ->type_name("K")
      ->check(IntIn(1, 100));
  app.add_option("--rpc", rpcs,
                 "calls to load, one after another: health, get-candidate,\n"
                 "suggest-offers, suggest-candidates (default suggest-offers)")
      ->type_name("LIST");
  app.add_flag("--by-offer", by_offer, "short for --rpc suggest-candidates");
  app.add_flag("--no-schools", flags.no_schools,
               "generate offers without a vocational school (as before schools existed)");
  app.add_flag("--sync-writes", flags.sync_writes,
               "the in-process server syncs every write (as matchd does by default):\n"
               "durable import and audited calls");
  app.add_flag("--assign", flags.assign,
               "time one Assign (mode optimal, no filters) end to end");
  app.add_option("--server", flags.server, "use a running matchd instead of one in process")
      ->type_name("H:P");
  app.add_option("--api-key", flags.api_key, "officer key for --server")->type_name("KEY");
  app.add_option("--data-dir", flags.data_dir,
                 "folder of the in-process server (default: a temporary one, removed)")
      ->type_name("DIR");
  app.add_flag("--json", flags.json, "print a one-line JSON summary at the end");
  app.add_flag("-h,--help", flags.show_help, "this text");
}

}  // namespace

absl::StatusOr<SuggestLoadFlags> ParseSuggestLoadFlags(
    const std::vector<std::string>& args) {
  SuggestLoadFlags flags;
  std::optional<int> offers, candidates;
  std::string rpcs;
  bool by_offer = false;
  CLI::App app{"", "suggest_load"};
  DefineFlags(app, flags, offers, candidates, rpcs, by_offer);
  if (absl::Status parsed = ParseFlagWords(app, args); !parsed.ok()) return parsed;
  flags.offers = offers.value_or(flags.assign ? 20000 : 100000);
  flags.candidates = candidates.value_or(flags.assign ? 50000 : 100000);
  if (!flags.server.empty() && flags.api_key.empty()) {
    return absl::InvalidArgumentError("--api-key: required with --server");
  }
  if (by_offer && !rpcs.empty()) {
    return absl::InvalidArgumentError("--by-offer: not with --rpc");
  }
  if (by_offer) rpcs = "suggest-candidates";
  if (!rpcs.empty()) {
    if (flags.assign) {
      return absl::InvalidArgumentError(
          absl::StrCat(by_offer ? "--by-offer" : "--rpc", ": not with --assign"));
    }
    flags.rpcs.clear();
    for (absl::string_view name : absl::StrSplit(rpcs, ',')) {
      const std::optional<LoadRpc> rpc = ParseLoadRpc(std::string(name));
      if (!rpc.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--rpc: unknown call \"", name,
            "\", expected health, get-candidate, suggest-offers or suggest-candidates"));
      }
      flags.rpcs.push_back(*rpc);
    }
  }
  if (!flags.server.empty() && !flags.data_dir.empty()) {
    return absl::InvalidArgumentError("--data-dir: only for the in-process server");
  }
  return flags;
}

std::string SuggestLoadUsage() {
  SuggestLoadFlags unused;
  std::optional<int> offers, candidates;
  std::string rpcs;
  bool by_offer = false;
  CLI::App app{"", "suggest_load"};
  DefineFlags(app, unused, offers, candidates, rpcs, by_offer);
  const std::string usage =
      "usage: suggest_load [flags]\n\n"
      "Loads a demo cohort into matchd through Registry.Import, then either runs concurrent\n"
      "clients of one call after another (--rpc; default SuggestOffers), each compared to\n"
      "the first health run when there is one, or times one optimal Assign (--assign).\n\n";
  return usage + FlagTable(app);
}

}  // namespace azubimatch::bench
