// Peer solver for bench/peers/compare.py: reads an assignment problem file (the
// formats of clients/solve/problem_formats.h), solves it as a min-cost flow with one
// of LEMON's min-cost flow algorithms (rows supply 1, columns drain into one sink through arcs of
// their capacity, the sink demands every row), and prints one JSON line
//   {"status":"OPTIMAL","assigned":A,"cost":X,"read_seconds":R,"solve_seconds":T}
// where read_seconds covers reading the file (the same reader as `matchctl solve`)
// and solve_seconds building the LEMON graph and running the algorithm. Assumes every
// row can be assigned (true for the timing instances); prints status INFEASIBLE
// otherwise. With --max-cardinality rows may stay out, as in our solver's objective
// (most rows first, then least cost): each row also gets an arc straight to the sink
// at a cost M larger than any difference of assignment costs, and the cost printed
// leaves those arcs out.
//
//   lemon_assignment [--format orlib|orlib-sparse|edges] [--max-cardinality]
//                    [--algorithm network-simplex|cost-scaling] FILE
//
// network-simplex (default) is LEMON's fastest on most of our instances;
// cost-scaling is its fastest on some large, contested ones.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "clients/solve/problem_formats.h"
#include "lemon/cost_scaling.h"
#include "lemon/network_simplex.h"
#include "lemon/smart_graph.h"

namespace {

// Builds the flow network of `problem`, solves it with `Algorithm` (a LEMON min-cost
// flow class) and prints the JSON line; returns the exit status.
template <typename Algorithm>
int Solve(const azubimatch::engine::AssignmentProblem& problem, bool max_cardinality,
          double read_seconds) {
  const auto start = std::chrono::steady_clock::now();
  lemon::SmartDigraph graph;
  const int32_t rows = problem.num_rows;
  const int32_t cols = problem.num_cols();
  graph.reserveNode(rows + cols + 1);
  graph.reserveArc(static_cast<int>(problem.edges.size()) + cols);
  std::vector<lemon::SmartDigraph::Node> nodes(rows + cols + 1);
  for (auto& node : nodes) node = graph.addNode();
  lemon::SmartDigraph::ArcMap<int64_t> cost(graph);
  lemon::SmartDigraph::ArcMap<int32_t> capacity(graph);
  lemon::SmartDigraph::NodeMap<int32_t> supply(graph, 0);
  for (const auto& edge : problem.edges) {
    auto arc = graph.addArc(nodes[edge.row], nodes[rows + edge.col]);
    cost[arc] = edge.cost;
    capacity[arc] = 1;
  }
  const auto sink = nodes[rows + cols];
  for (int32_t col = 0; col < cols; ++col) {
    auto arc = graph.addArc(nodes[rows + col], sink);
    cost[arc] = 0;
    capacity[arc] = problem.capacities[col];
  }
  std::vector<lemon::SmartDigraph::Arc> left_out;
  int64_t left_out_cost = 0;
  if (max_cardinality && !problem.edges.empty()) {
    int64_t lowest = problem.edges[0].cost, highest = lowest;
    for (const auto& edge : problem.edges) {
      lowest = std::min(lowest, edge.cost);
      highest = std::max(highest, edge.cost);
    }
    left_out_cost = (highest - lowest + 1) * (int64_t{rows} + 1) + std::max<int64_t>(highest, 0);
    for (int32_t row = 0; row < rows; ++row) {
      auto arc = graph.addArc(nodes[row], sink);
      cost[arc] = left_out_cost;
      capacity[arc] = 1;
      left_out.push_back(arc);
    }
  }
  for (int32_t row = 0; row < rows; ++row) supply[nodes[row]] = 1;
  supply[sink] = -rows;
  Algorithm simplex(graph);
  simplex.upperMap(capacity).costMap(cost).supplyMap(supply);
  const auto outcome = simplex.run();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (outcome != Algorithm::OPTIMAL) {
    std::printf("{\"status\":\"INFEASIBLE\",\"read_seconds\":%.6f,\"solve_seconds\":%.6f}\n",
                read_seconds, seconds);
    return 1;
  }
  int64_t out = 0;
  for (const auto& arc : left_out) out += simplex.flow(arc);
  std::printf(
      "{\"status\":\"OPTIMAL\",\"assigned\":%lld,\"cost\":%lld,\"read_seconds\":%.6f,"
      "\"solve_seconds\":%.6f}\n",
      static_cast<long long>(rows - out),
      static_cast<long long>(simplex.template totalCost<int64_t>() - out * left_out_cost),
      read_seconds, seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using azubimatch::solve::ProblemFormat;
  ProblemFormat format = ProblemFormat::kEdges;
  std::string file;
  bool max_cardinality = false;
  std::string algorithm = "network-simplex";
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (arg == "--max-cardinality") {
      max_cardinality = true;
    } else if (arg == "--algorithm" && k + 1 < argc) {
      algorithm = argv[++k];
      if (algorithm != "network-simplex" && algorithm != "cost-scaling") {
        std::fprintf(stderr,
                     "lemon_assignment: unknown --algorithm %s (network-simplex, "
                     "cost-scaling)\n",
                     algorithm.c_str());
        return 2;
      }
    } else if (arg == "--format" && k + 1 < argc) {
      std::optional<ProblemFormat> parsed =
          azubimatch::solve::ProblemFormatFromName(argv[++k]);
      if (!parsed) {
        std::fprintf(stderr, "lemon_assignment: unknown format %s\n", argv[k]);
        return 2;
      }
      format = *parsed;
    } else {
      file = arg;
    }
  }
  const auto read_start = std::chrono::steady_clock::now();
  std::ifstream in(file);
  if (!in) {
    std::fprintf(stderr, "lemon_assignment: cannot open '%s'\n", file.c_str());
    return 1;
  }
  auto problem = azubimatch::solve::ReadProblem(in, format);
  if (!problem.ok()) {
    std::fprintf(stderr, "lemon_assignment: %s\n",
                 std::string(problem.status().message()).c_str());
    return 2;
  }

  const double read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
  if (algorithm == "cost-scaling") {
    return Solve<lemon::CostScaling<lemon::SmartDigraph, int32_t, int64_t>>(
        *problem, max_cardinality, read_seconds);
  }
  return Solve<lemon::NetworkSimplex<lemon::SmartDigraph, int32_t, int64_t>>(
      *problem, max_cardinality, read_seconds);
}
