// The command framework of matchctl: a Command is a name, a one-line summary, a usage
// text and a function run with the Context (global options, streams, the channel to
// the server) and the command's own arguments. Commands live in groups, each in its
// own file, and command_list.cc lists the groups (one line each).
//
// Adding a command group, e.g. matching:
//   1. clients/matchctl/matching_commands.{h,cc}: `void AddMatchingCommands(
//      std::vector<Command>& commands)` appending Command{...} values;
//   2. one line in BuildCommandList() in command_list.cc and the .cc in CMakeLists.txt.
// A command parses its arguments with ParseCommandArgs (command_args.h), calls the
// server through context.channel() after context.PrepareCall(&call), prints JSON with
// proto_json.h / json_writer.h when context.options().json, tables with
// table_writer.h otherwise, and returns one of the exit codes below (through
// context.UsageError / InputError / RpcError where they fit).
//
// Thread-compatible: one Context per invocation, used from one thread.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_H_

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "clients/matchctl/global_flags.h"
#include "grpcpp/grpcpp.h"

namespace azubimatch::matchctl {

// Exit codes of every command.
inline constexpr int kExitOk = 0;       // done
inline constexpr int kExitRefused = 1;  // the server refused (any non-OK gRPC status)
inline constexpr int kExitUsage = 2;    // bad arguments or unreadable input; nothing sent

// Deadline of one RPC when --timeout is not given.
inline constexpr absl::Duration kDefaultRpcTimeout = absl::Seconds(30);

class Context;
class JsonWriter;

struct Command {
  std::string name;     // the word after `matchctl`, e.g. "list"
  std::string summary;  // one line for `matchctl --help`
  // Shown by `matchctl NAME --help`: a first line "matchctl NAME ARGS..." and then
  // the arguments, flags and output, one per line.
  std::string usage;
  // Runs the command. `args` are the words after NAME with the global flags removed.
  std::function<int(Context& context, const std::vector<std::string>& args)> run;
  // When true, `--json` and `--help` are handed on to `run` in `args` (for commands
  // that parse them themselves, e.g. `solve`) instead of being handled here.
  bool passes_global_flags = false;
  // Other words that name this command, e.g. "runs" for "run".
  std::vector<std::string> aliases = {};
  // Non-empty for an old spelling kept for one release, naming the spelling that
  // replaces it, e.g. "{company|offer|candidate} list" for `list`. It still works;
  // `matchctl --help` lists it apart from the commands.
  std::string replaced_by = {};
};

class Context {
 public:
  Context(GlobalOptions options, std::istream& in, std::ostream& out, std::ostream& err,
          bool err_is_terminal);

  const GlobalOptions& options() const { return options_; }
  bool json() const { return options_.json; }
  std::istream& in() { return in_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  // True when stderr is a terminal (progress bars are drawn only then).
  bool err_is_terminal() const { return err_is_terminal_; }

  // The channel to --server; created on first use, shared by every call.
  std::shared_ptr<grpc::Channel> channel();

  // Sets the call's deadline (--timeout, else `default_timeout`) and, when an API key
  // is set, the metadata "authorization: Bearer <key>".
  void PrepareCall(grpc::ClientContext* call,
                   absl::Duration default_timeout = kDefaultRpcTimeout) const;

  // The command being run (set by RunMatchctl before Command::run); nullptr before.
  const Command* command() const { return command_; }
  void set_command(const Command* command) { command_ = command; }

  // Prints one JSON object and a newline to stdout; `write_members` writes its keys
  // and values, the braces are written here.
  void PrintJsonObject(const std::function<void(JsonWriter& json)>& write_members);

  // Prints "matchctl NAME: <message>" and the command's usage line to stderr;
  // returns kExitUsage.
  int UsageError(absl::string_view message);
  // Prints "matchctl: <message>" to stderr; kExitUsage.
  int InputError(absl::string_view message);
  // Prints the refusal (code name, message, field violations) to stderr; kExitRefused.
  int RpcError(const grpc::Status& status);

 private:
  GlobalOptions options_;
  std::istream& in_;
  std::ostream& out_;
  std::ostream& err_;
  bool err_is_terminal_;
  std::shared_ptr<grpc::Channel> channel_;
  const Command* command_ = nullptr;
};

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_COMMAND_H_
