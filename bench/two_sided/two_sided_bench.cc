// `two_sided_bench`: the five two-sided modes (engine/matching/two_sided_modes.h) on a
// generated market with rankings on both sides (two_sided_market_generator.h), in
// process. Prints the time of every step and what each mode achieved, and checks the
// known answers: the stable modes have no blocking pair and place the same candidates,
// best-stable scores at least as high as either deferred acceptance, optimal places at
// least as many as any other mode.
//
//   two_sided_bench [--candidates 50000] [--offers 20000] [--seed 1] [--common 0.5]
//                   [--modes stable,stable-offer-proposing,best-stable,greedy,optimal]
//                   [--offers-per-region 200] [--full-offer-lists 0]
//                   [--complete-lists 0] [--help]
//
// Flags as every benchmark's (bench/flags/bench_flags.h: CLI11, '-' and '_' alike).
//
// --common is the weight of the common quality in both sides' preferences (1: everybody
// agrees, few stable matchings; 0: independent tastes, more rotations). Small regions
// with full offer lists give the most rotations (a stress case for best-stable).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench/flags/bench_flags.h"
#include "bench/two_sided/two_sided_market_generator.h"
#include "engine/matching/max_weight_closure.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/stable_rotations.h"
#include "engine/matching/two_sided_market.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_modes.h"

namespace {

using Clock = std::chrono::steady_clock;
using azubimatch::bench::MarketShape;
namespace engine = azubimatch::engine;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

constexpr char kAbout[] =
    "Runs the five two-sided modes on a generated market with rankings on both sides\n"
    "and prints the time of each. The cross-mode checks apply to the modes run.";

// The flags (bench/flags/bench_flags.h), bound to `shape` and `modes`.
void DefineFlags(CLI::App& app, MarketShape& shape, std::vector<engine::TwoSidedMode>& modes) {
  using azubimatch::bench::IntIn;
  azubimatch::bench::PrepareFlagApp(app);
  app.add_option("--candidates", shape.candidates, "candidates (default 50000)")
      ->type_name("N")
      ->check(IntIn(1, INT32_MAX));
  app.add_option("--offers", shape.offers, "offers (default 20000)")
      ->type_name("N")
      ->check(IntIn(1, INT32_MAX));
  app.add_option("--seed", shape.seed, "market seed (default 1)")
      ->type_name("S")
      ->check(azubimatch::bench::Unsigned64());
  app.add_option("--common", shape.common,
                 "weight of the shared quality in both sides' preferences, 0..1\n"
                 "(default 0.5)")
      ->type_name("W")
      ->check(azubimatch::bench::NumberWhere([](double w) { return w >= 0 && w <= 1; },
                                             "a weight in [0, 1]"));
  app.add_option_function<std::string>(
         "--modes",
         [&modes](const std::string& value) {
           modes.clear();
           for (absl::string_view name : absl::StrSplit(value, ',', absl::SkipEmpty())) {
             modes.push_back(*engine::ParseTwoSidedMode(std::string(name)));
           }
         },
         "modes to run, comma-separated (default all five:\n"
         "stable,stable-offer-proposing,best-stable,greedy,optimal)")
      ->type_name("LIST")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            for (absl::string_view name : absl::StrSplit(value, ',', absl::SkipEmpty())) {
              if (!engine::ParseTwoSidedMode(std::string(name)).ok()) {
                return absl::StrCat("bad value '", value, "'");
              }
            }
            return "";
          },
          ""));
  app.add_option("--offers-per-region", shape.offers_per_region,
                 "offers per region (default 200)")
      ->type_name("N")
      ->check(IntIn(1, INT32_MAX));
  app.add_option("--full-offer-lists", shape.full_offer_lists,
                 "1: offers rank all their interviewees, not 5-20 (default 0)")
      ->type_name("0|1")
      ->check(IntIn(0, 1));
  app.add_option("--complete-lists", shape.complete_lists,
                 "1: every offer of the region interviews every candidate (default 0)")
      ->type_name("0|1")
      ->check(IntIn(0, 1));
}

int64_t TotalWeight(const engine::TwoSidedMarket& market,
                    const engine::TwoSidedMatching& matching) {
  int64_t w = 0;
  for (int64_t p : matching.pair_of_candidate) {
    if (p >= 0) w += engine::OptimalWeight(market.pairs[p].score);
  }
  return w;
}

bool Check(bool ok, const char* what) {
  if (!ok) std::fprintf(stderr, "two_sided_bench: CHECK FAILED: %s\n", what);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  MarketShape shape;
  std::vector<engine::TwoSidedMode> modes = {
      engine::TwoSidedMode::kStable, engine::TwoSidedMode::kStableOfferProposing,
      engine::TwoSidedMode::kBestStable, engine::TwoSidedMode::kGreedy,
      engine::TwoSidedMode::kOptimal};
  CLI::App app{"", "two_sided_bench"};
  DefineFlags(app, shape, modes);
  if (std::optional<int> exit =
          azubimatch::bench::ParseProgramFlags(app, argc, argv, kAbout)) {
    return *exit;
  }

  Clock::time_point start = Clock::now();
  const engine::TiedMarketInput tied = azubimatch::bench::GenerateTwoSidedMarket(shape);
  std::printf("generate   %8.3f s  %d candidates, %d offers, seed %llu, common %.2f\n",
              SecondsSince(start), shape.candidates, shape.offers,
              static_cast<unsigned long long>(shape.seed), shape.common);
  start = Clock::now();
  absl::StatusOr<engine::TwoSidedMarketInput> input = engine::BreakTiesBySeed(tied, 1);
  if (!input.ok()) {
    std::fprintf(stderr, "two_sided_bench: %s\n", input.status().ToString().c_str());
    return 1;
  }
  std::printf("ties       %8.3f s  lists made strict by the lottery of seed 1\n",
              SecondsSince(start));
  start = Clock::now();
  absl::StatusOr<engine::TwoSidedMarket> market = engine::BuildTwoSidedMarket(*input);
  if (!market.ok()) {
    std::fprintf(stderr, "two_sided_bench: %s\n", market.status().ToString().c_str());
    return 1;
  }
  int64_t seats = 0;
  for (int32_t s : market->seats) seats += s;
  std::printf("market     %8.3f s  %zu mutually acceptable pairs, %lld seats\n",
              SecondsSince(start), market->pairs.size(), static_cast<long long>(seats));

  // The rotation poset on its own, for the figures behind best-stable.
  start = Clock::now();
  absl::StatusOr<engine::RotationPoset> poset = engine::BuildRotationPoset(*market);
  if (!poset.ok()) return 1;
  const double poset_seconds = SecondsSince(start);
  int64_t moves = 0, positive = 0;
  std::vector<int64_t> weights;
  for (const engine::Rotation& r : poset->rotations) {
    moves += static_cast<int64_t>(r.moves.size());
    positive += r.weight > 0;
    weights.push_back(r.weight);
  }
  start = Clock::now();
  const std::vector<uint8_t> chosen =
      engine::MaxWeightClosure(weights, poset->precedences);
  int64_t eliminated = 0;
  for (uint8_t x : chosen) eliminated += x;
  std::printf(
      "rotations  %8.3f s  %zu rotations (%lld moves, %lld of positive weight), "
      "%zu precedence arcs; closure %.3f s, %lld rotations eliminated\n",
      poset_seconds, poset->rotations.size(), static_cast<long long>(moves),
      static_cast<long long>(positive), poset->precedences.size(), SecondsSince(start),
      static_cast<long long>(eliminated));

  std::printf("\n%-23s %8s %8s %12s %9s %9s %9s %9s %9s\n", "mode", "time s", "placed",
              "total score", "blocking", "cand rank", "1st share", "offer rank",
              "weight");
  bool ok = true;
  int64_t stable_placed = -1, best_da_weight = INT64_MIN, most_placed = 0,
          optimal_placed = 0;
  int64_t best_stable_weight = 0;
  bool ran_best_stable = false, ran_optimal = false;
  for (engine::TwoSidedMode mode : modes) {
    start = Clock::now();
    absl::StatusOr<engine::TwoSidedMatching> m = engine::SolveTwoSided(*market, mode);
    const double seconds = SecondsSince(start);
    if (!m.ok()) {
      std::fprintf(stderr, "two_sided_bench: %s\n", m.status().ToString().c_str());
      return 1;
    }
    ok &= Check(engine::CheckTwoSidedMatching(*market, *m).ok(), "feasible matching");
    const engine::TwoSidedMetrics metrics = engine::ComputeTwoSidedMetrics(*market, *m);
    const int64_t weight = TotalWeight(*market, *m);
    std::printf("%-23s %8.3f %8lld %12.1f %9lld %9.3f %9.3f %9.3f %9lld\n",
                std::string(engine::TwoSidedModeName(mode)).c_str(), seconds,
                static_cast<long long>(metrics.placed), metrics.total_score,
                static_cast<long long>(metrics.blocking_pairs),
                metrics.candidate_mean_rank, metrics.first_choice_share,
                metrics.offer_mean_rank, static_cast<long long>(weight));
    most_placed = std::max(most_placed, metrics.placed);
    switch (mode) {
      case engine::TwoSidedMode::kStable:
      case engine::TwoSidedMode::kStableOfferProposing:
        best_da_weight = std::max(best_da_weight, weight);
        [[fallthrough]];
      case engine::TwoSidedMode::kBestStable:
        ok &= Check(metrics.blocking_pairs == 0, "stable modes have no blocking pair");
        if (stable_placed < 0) stable_placed = metrics.placed;
        ok &= Check(metrics.placed == stable_placed, "stable modes place alike");
        if (mode == engine::TwoSidedMode::kBestStable) {
          best_stable_weight = weight;
          ran_best_stable = true;
        }
        break;
      case engine::TwoSidedMode::kOptimal:
        optimal_placed = metrics.placed;
        ran_optimal = true;
        break;
      case engine::TwoSidedMode::kGreedy:
        break;
    }
  }
  if (ran_best_stable) {
    ok &= Check(best_stable_weight >= best_da_weight, "best-stable >= both DA weights");
  }
  if (ran_optimal) ok &= Check(optimal_placed == most_placed, "optimal places the most");
  return ok ? 0 : 1;
}
