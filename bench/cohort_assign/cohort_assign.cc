// `cohort_assign`: the assignment modes on a generated Baden-Württemberg cohort, in
// process, without gRPC or storage: generate the cohort (clients/demo), turn it into
// engine profiles as the service does, build the eligible pairs, then run each mode
// and print how long every step took and what the run achieved.
//
//   cohort_assign [--candidates 50000] [--offers 20000] [--seed 1]
//                 [--modes optimal,stable,greedy] [--write-problem FILE]
//                 [--company-policy W,W,W,W,W] [--rankings] [--no-schools]
//                 [--generate-only]
//
// --rankings ranks both sides as after interviews (clients/demo/demo_rankings.h) and
// runs the two-sided modes on those lists; --generate-only stops after generating.
//
// --company-policy runs the two-sided modes (optimal, stable, stable-offer-proposing,
// best-stable, greedy; engine/matching/two_sided_run.h) with no rankings, every offer
// ranking its candidates by these weights (occupation, language, commute, certificate,
// start_date; engine/matching/company_policy.h), candidates by the pair score, and
// prints the metrics against those lists beside the score metrics.
//
// --write-problem writes the optimal mode's solver problem (engine/matching/
// optimal_assignment.h: BuildOptimalProblem) in the `edges` format of `matchctl
// solve`, as costs to minimise (cost = -weight), so that bench/peers/compare.py can
// time peers on it; `--modes ""` runs no mode.
#include <array>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "bench/flags/bench_flags.h"
#include "clients/demo/demo_cohort.h"
#include "bench/cohort_assign/demo_pool.h"
#include "clients/demo/demo_rankings.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_run.h"
#include "engine/matching/company_policy.h"
#include "engine/matching/constraints.h"
#include "engine/matching/eligible_pairs.h"
#include "engine/matching/metrics.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"
#include "engine/matching/two_sided_run.h"

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Flags {
  int candidates = 50000;
  int offers = 20000;
  uint64_t seed = 1;
  std::vector<std::string> modes = {"optimal", "stable", "greedy"};
  std::string write_problem;
  std::string company_policy;  // "W,W,W,W,W"; empty: the one-sided modes
  bool no_schools = false;
  bool generate_only = false;
  bool rankings = false;
};

constexpr char kAbout[] =
    "Runs the assignment modes on a generated cohort in process (no server) and\n"
    "prints the time of each step.";

// The flags (bench/flags/bench_flags.h), bound to `flags`.
void DefineFlags(CLI::App& app, Flags& flags) {
  azubimatch::bench::PrepareFlagApp(app);
  app.add_option("--candidates", flags.candidates,
                 "candidates to generate (default 50000)")
      ->type_name("N")
      ->check(azubimatch::bench::IntIn(1, INT_MAX));
  app.add_option("--offers", flags.offers, "training offers to generate (default 20000)")
      ->type_name("N")
      ->check(azubimatch::bench::IntIn(1, INT_MAX));
  app.add_option("--seed", flags.seed, "cohort seed (default 1)")->type_name("S");
  app.add_option_function<std::string>(
         "--modes",
         [&flags](const std::string& value) {
           flags.modes = absl::StrSplit(value, ',', absl::SkipEmpty());
         },
         "modes to run, comma-separated (default optimal,stable,greedy; \"\" runs none)")
      ->type_name("LIST");
  app.add_option("--write-problem", flags.write_problem,
                 "write the optimal mode's solver problem in the edges format of\n"
                 "`matchctl solve`, as costs to minimise (cost = -weight)")
      ->type_name("FILE");
  app.add_flag("--rankings", flags.rankings,
               "rank both sides as after interviews (clients/demo/demo_rankings.h) and\n"
               "run the two-sided modes on those lists");
  app.add_flag("--generate-only", flags.generate_only,
               "only generate the cohort and print how long it took");
  app.add_flag("--no-schools", flags.no_schools,
               "offers name no vocational school (the cohort as before schools)");
  app.add_option(
         "--company-policy", flags.company_policy,
         "every offer ranks its candidates by these weights (occupation,language,\n"
         "commute,certificate,start_date); runs the two-sided modes")
      ->type_name("W,W,W,W,W");
}

// The two-sided modes in `flags.modes` on `lists`; false (after printing why) on a bad
// mode or a failed run.
bool RunTwoSidedModes(const Flags& flags,
                      const azubimatch::engine::AssignmentInstance& instance,
                      const azubimatch::engine::TwoSidedRankings& lists) {
  namespace engine = azubimatch::engine;
  for (const std::string& name : flags.modes) {
    absl::StatusOr<engine::TwoSidedMode> mode = engine::ParseTwoSidedMode(name);
    if (!mode.ok()) {
      std::fprintf(stderr, "cohort_assign: --modes: %s\n",
                   std::string(mode.status().message()).c_str());
      return false;
    }
    const Clock::time_point start = Clock::now();
    absl::StatusOr<engine::TwoSidedRun> run =
        engine::RunTwoSidedAssignment(instance, lists, *mode, flags.seed);
    if (!run.ok()) {
      std::fprintf(stderr, "cohort_assign: %s: %s\n", name.c_str(),
                   run.status().ToString().c_str());
      return false;
    }
    std::printf(
        "%-22s %.2f s: placed %lld, total score %.1f, blocking pairs (lists) %lld, "
        "candidates' mean rank %.3f, first choice %.3f, offers' mean rank %.3f\n",
        name.c_str(), SecondsSince(start), static_cast<long long>(run->metrics.placed),
        run->metrics.total_score, static_cast<long long>(run->two_sided.blocking_pairs),
        run->two_sided.candidate_mean_rank, run->two_sided.first_choice_share,
        run->two_sided.offer_mean_rank);
  }
  return true;
}

// The two-sided modes in `flags.modes` with every offer on the company policy; false
// (after printing why) on a bad flag or a failed run.
bool RunWithCompanyPolicy(const Flags& flags,
                          const azubimatch::engine::AssignmentInstance& instance,
                          const azubimatch::engine::ScoringPolicy& policy) {
  namespace engine = azubimatch::engine;
  const std::vector<std::string> words = absl::StrSplit(flags.company_policy, ',');
  engine::ComponentWeights weights{};
  bool parsed = words.size() == weights.size();
  for (size_t i = 0; parsed && i < words.size(); ++i) {
    parsed = absl::SimpleAtod(words[i], &weights[i]);
  }
  if (!parsed || !engine::ValidateComponentWeights(weights).ok()) {
    std::fprintf(stderr,
                 "cohort_assign: --company-policy: expected 5 weights >= 0, one > 0\n");
    return false;
  }
  const std::vector<std::optional<engine::ComponentWeights>> offer_weights(
      instance.offers.size(), weights);
  Clock::time_point start = Clock::now();
  absl::StatusOr<std::vector<double>> scores =
      engine::CompanySideScores(instance, policy, offer_weights);
  if (!scores.ok()) return false;
  std::printf("company-side scores %zu: %.2f s\n", scores->size(), SecondsSince(start));
  engine::TwoSidedRankings lists;
  lists.offer_side_scores = *std::move(scores);
  return RunTwoSidedModes(flags, instance, lists);
}

bool WriteProblem(const azubimatch::engine::AssignmentProblem& problem,
                  const std::string& path) {
  std::ofstream out(path);
  if (!out) return false;
  out << "# optimal mode's problem, cost = -weight; written by cohort_assign\n";
  out << problem.num_rows << ' ' << problem.num_cols() << ' ' << problem.edges.size()
      << '\n';
  for (int32_t col = 0; col < problem.num_cols(); ++col) {
    if (problem.capacities[col] != 1)
      out << "cap " << col << ' ' << problem.capacities[col] << '\n';
  }
  for (const azubimatch::engine::AssignmentEdge& e : problem.edges) {
    out << e.row << ' ' << e.col << ' ' << -e.cost << '\n';
  }
  return static_cast<bool>(out);
}

// Why pairs are cut: candidates without an eligible offer by their top reason, and the
// wished offers within reach excluded by each constraint (eligible_pairs.h counts).
void PrintExclusions(const azubimatch::engine::EligibleGraph& graph) {
  namespace engine = azubimatch::engine;
  std::array<int64_t, engine::kExclusionCodeCount> without{};
  std::array<int64_t, engine::kExclusionCodeCount> excluded{};
  int64_t wished = 0;
  int64_t none = 0;
  for (const engine::CandidateExclusions& e : graph.exclusions) {
    wished += e.wished_offers;
    for (int r = 0; r < engine::kExclusionCodeCount; ++r)
      excluded[r] += e.offers_by_reason[r];
    if (e.eligible_offers == 0) {
      ++none;
      ++without[static_cast<int>(engine::TopExclusionReason(e))];
    }
  }
  std::printf("candidates without an eligible offer %lld; wished offers %lld",
              static_cast<long long>(none), static_cast<long long>(wished));
  for (int r = 0; r < engine::kExclusionCodeCount; ++r) {
    if (without[r] == 0 && excluded[r] == 0) continue;
    std::printf(
        "; %s: %lld without, %lld excluded",
        std::string(engine::ExclusionCodeName(static_cast<engine::ExclusionCode>(r)))
            .c_str(),
        static_cast<long long>(without[r]), static_cast<long long>(excluded[r]));
  }
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  namespace engine = azubimatch::engine;
  Flags flags;
  CLI::App app{"", "cohort_assign"};
  DefineFlags(app, flags);
  if (std::optional<int> exit =
          azubimatch::bench::ParseProgramFlags(app, argc, argv, kAbout)) {
    return *exit;
  }

  Clock::time_point start = Clock::now();
  azubimatch::clients::DemoCohortOptions cohort_options;
  cohort_options.candidates = flags.candidates;
  cohort_options.offers = flags.offers;
  cohort_options.seed = flags.seed;
  cohort_options.vocational_schools = !flags.no_schools;
  absl::StatusOr<azubimatch::clients::DemoCohort> cohort =
      azubimatch::clients::GenerateDemoCohort(cohort_options);
  if (!cohort.ok()) {
    std::fprintf(stderr, "cohort_assign: %s\n", cohort.status().ToString().c_str());
    return 1;
  }
  std::printf("generate %zu candidates, %zu offers, %zu companies: %.2f s\n",
              cohort->candidates.size(), cohort->offers.size(), cohort->companies.size(),
              SecondsSince(start));
  if (flags.generate_only) return 0;
  start = Clock::now();
  azubimatch::bench::DemoPool pool = azubimatch::bench::ToDemoPool(*cohort);
  const std::vector<engine::CandidateProfile>& candidates = pool.candidates;
  const std::vector<engine::OfferProfile>& offers = pool.offers;
  std::printf("engine profiles: %.2f s\n", SecondsSince(start));

  const engine::ScoringPolicy policy;
  const engine::GreatCircleTravelTime travel;
  start = Clock::now();
  absl::StatusOr<engine::AssignmentInstance> instance =
      engine::BuildAssignmentInstance(candidates, offers, {}, {}, policy, travel);
  if (!instance.ok()) {
    std::fprintf(stderr, "cohort_assign: %s\n", instance.status().ToString().c_str());
    return 1;
  }
  int64_t seats = 0;
  for (int32_t c : instance->capacity) seats += c;
  std::printf("eligible pairs %zu, seats %lld: %.2f s\n", instance->graph.edges.size(),
              static_cast<long long>(seats), SecondsSince(start));
  PrintExclusions(instance->graph);

  if (!flags.write_problem.empty()) {
    const engine::OptimalProblem built = engine::BuildOptimalProblem(*instance);
    if (!WriteProblem(built.problem, flags.write_problem)) {
      std::fprintf(stderr, "cohort_assign: cannot write %s\n",
                   flags.write_problem.c_str());
      return 1;
    }
    std::printf("wrote %s (%d rows, %d columns, %zu edges)\n",
                flags.write_problem.c_str(), built.problem.num_rows,
                built.problem.num_cols(), built.problem.edges.size());
  }

  if (!flags.company_policy.empty()) {
    return RunWithCompanyPolicy(flags, *instance, policy) ? 0 : 1;
  }
  if (flags.rankings) {
    start = Clock::now();
    const engine::TwoSidedRankings lists =
        azubimatch::clients::InterviewRankings(*instance, flags.seed);
    int64_t entries = 0;
    int64_t ranked_candidates = 0;
    for (const auto& ranking : lists.candidate_rankings) {
      if (!ranking.has_value()) continue;
      ++ranked_candidates;
      entries += static_cast<int64_t>(ranking->size());
    }
    int64_t ranked_offers = 0;
    for (const auto& ranking : lists.offer_rankings) ranked_offers += ranking.has_value();
    std::printf("rankings: %lld candidates (%lld entries), %lld offers: %.2f s\n",
                static_cast<long long>(ranked_candidates),
                static_cast<long long>(entries), static_cast<long long>(ranked_offers),
                SecondsSince(start));
    return RunTwoSidedModes(flags, *instance, lists) ? 0 : 1;
  }
  for (const std::string& name : flags.modes) {
    absl::StatusOr<engine::AssignMode> mode = engine::ParseAssignMode(name);
    if (!mode.ok()) {
      std::fprintf(stderr, "cohort_assign: --modes: %s\n",
                   std::string(mode.status().message()).c_str());
      return 2;
    }
    start = Clock::now();
    absl::StatusOr<engine::AssignmentOutcome> outcome =
        engine::AssignWithMode(*instance, *mode, flags.seed);
    if (!outcome.ok()) {
      std::fprintf(stderr, "cohort_assign: %s: %s\n", name.c_str(),
                   outcome.status().ToString().c_str());
      return 1;
    }
    const double assign_s = SecondsSince(start);
    start = Clock::now();
    const engine::MatchingMetrics metrics = engine::ComputeMetrics(*instance, *outcome);
    std::printf(
        "%-8s assign %.2f s, metrics %.2f s: placed %lld (fill %.3f), total score "
        "%.3f, mean %.4f, first choice %.3f, top 3 %.3f, commute median %.1f / p90 "
        "%.1f min, blocking pairs %lld\n",
        name.c_str(), assign_s, SecondsSince(start),
        static_cast<long long>(metrics.placed), metrics.fill_rate, metrics.total_score,
        metrics.mean_score, metrics.first_choice_share, metrics.top3_share,
        metrics.commute_median_minutes, metrics.commute_p90_minutes,
        static_cast<long long>(metrics.blocking_pairs));
  }
  return 0;
}
