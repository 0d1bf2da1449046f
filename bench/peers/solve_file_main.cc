// `assignment_solve`: the `matchctl solve` command on its own (same code,
// clients/solve), for machines or builds without the full matchctl. Arguments and
// output are those of `matchctl solve` (see clients/solve/solve_command.h).
#include <iostream>
#include <string>
#include <vector>

#include "clients/solve/solve_command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return azubimatch::solve::RunSolveCommand(args, std::cout, std::cerr);
}
