// Exact solver for the sparse, rectangular, capacitated assignment problem of
// assignment_problem.h: assign as many rows as possible, then minimise the total
// cost (or maximise the total weight).
//
// Algorithm: shortest augmenting paths of the Jonker-Volgenant family.
//  1. The costs are put in compressed sparse rows (or a dense matrix when every
//     row has an edge to every column), negated for `maximize` and shifted so the
//     smallest is 0; duplicate edges keep the best cost.
//  2. The maximum number K of rows that can be assigned is found first (greedy +
//     augmenting paths, costs ignored). If K < num_rows, one extra column Z with
//     num_rows - K seats is added, reachable from every row at one common cost.
//     Every row is then assigned in the extended problem, exactly K of them to
//     real columns, and since every solution pays the same for Z, the cheapest
//     extended solution is the cheapest assignment of maximum size. No penalty
//     constant is involved.
//     When seats are to spare (more usable seats than K), the problem is first
//     split (internal/surplus_split.h) into a block where every seat is taken
//     and a block where every row is assigned; no maximum assignment uses an edge
//     between them. The first is solved with rows and seats exchanged, so that
//     both blocks are of the kind where each search ends at the first free
//     column (internal/split_solve.h), and the duals are joined.
//  3. If every seat must be taken (the extended problem is perfect), JV column
//     reduction with reduction transfer runs first; otherwise prices start at 0.
//     Passes of augmenting row reduction follow (capacity-aware).
//  4. Each row still free is assigned along a shortest augmenting path: Dijkstra
//     on reduced costs with lazy price updates and early exit at the first free
//     seat; a full column continues the search through all of its rows (native
//     capacities, no column replication). Complete matrices use contiguous,
//     vectorised scans instead of a heap. When every seat must be taken and many
//     rows per column are still free, a phase searches from all free rows at
//     once and then takes the tight augmenting paths of its shortest-path
//     forest that do not cross.
//     On sparse rows with costs of 32 bits, the searches read a packed copy of
//     the edges, each row sorted by reduced cost, and stop reading a row at the
//     first edge that cannot matter (internal/sparse_shortest_path.h).
// The duals of the result prove optimality (optimality_certificate.h).
//
// Complexity: O(E + R + C) to build; the shortest-path phase is O(R * E log E) in
// the worst case (O(R * R * C) dense) and far less in practice thanks to the
// initialisation, early exit and pruning. Memory O(E + R + C); the packed copy
// adds 8 bytes per edge; a split adds one edge per seat and edge of a column of
// the block where every seat is taken.
//
// Determinism: the same problem and options give the same result, bit for bit.
// Ties are broken toward free columns, then toward lower column indices, then by
// the order of the edges in the input (on the packed copy: by reduced cost when
// the copy was sorted, then by column).
//
// Defined behaviour:
//  - an empty problem (no rows, no columns or no edges) is solved (nothing or
//    some rows assigned);
//  - rows without edges stay unassigned;
//  - duplicate (row, col) edges are allowed; the cheapest (heaviest with
//    `maximize`) one counts;
//  - InvalidArgument, naming the field, for num_rows < 0, capacities[c] < 1, an
//    edge row or column out of range, or a warm start of the wrong size;
//  - OutOfRange if some |cost| * (num_rows + num_cols + 3) exceeds 2^57 (or a warm
//    start price exceeds 2^57): within that bound no intermediate value can
//    overflow 64 bits; never undefined behaviour;
//  - Cancelled if SolverOptions::progress returns false.
//
// Thread safety: reentrant; the problem is only read.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_SPARSE_ASSIGNMENT_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_SPARSE_ASSIGNMENT_H_

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"

namespace azubimatch::engine {

// Solves `problem`; see the file comment. Example:
//   AssignmentProblem p{.num_rows = 2, .capacities = {1, 2},
//                       .edges = {{0, 0, 5}, {0, 1, 7}, {1, 1, 3}}};
//   absl::StatusOr<AssignmentResult> r = SolveAssignment(p);
//   // r->row_to_col == {0, 1}, r->objective == 8
absl::StatusOr<AssignmentResult> SolveAssignment(const AssignmentProblem& problem,
                                                 const SolverOptions& options = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_SPARSE_ASSIGNMENT_H_
