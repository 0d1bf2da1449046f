// `matchctl import {companies|offers|candidates} FILE`: CSV or JSON Lines through the
// Import RPC, with errors mapped back to input lines.
#include <algorithm>
#include <ostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "clients/matchctl/import_stream.h"
#include "clients/matchctl/json_writer.h"
#include "clients/matchctl/progress_bar.h"
#include "clients/matchctl/record_columns.h"
#include "clients/matchctl/record_file.h"
#include "clients/matchctl/registry_commands.h"
#include "clients/matchctl/rpc_error.h"
#include "engine/base/json_string.h"

namespace azubimatch::matchctl {
namespace {

// Lines listed when a file cannot be read; the rest are counted.
constexpr size_t kMaxListedLineErrors = 100;

struct RecordError {
  int64_t line = 0;
  v1::ImportError error;
};

int ReportUnreadable(Context& context, const std::string& path,
                     std::vector<LineError> errors) {
  std::stable_sort(
      errors.begin(), errors.end(),
      [](const LineError& a, const LineError& b) { return a.line < b.line; });
  for (size_t i = 0; i < errors.size() && i < kMaxListedLineErrors; ++i) {
    context.err() << path << ":" << errors[i].line << ": " << errors[i].message << "\n";
  }
  if (errors.size() > kMaxListedLineErrors) {
    context.err() << "... and " << errors.size() - kMaxListedLineErrors << " more\n";
  }
  context.err() << "matchctl: " << path << ": " << errors.size()
                << (errors.size() == 1 ? " error" : " errors") << "; nothing was sent\n";
  return kExitUsage;
}

void PrintReport(Context& context, const std::string& path, RecordKind kind,
                 size_t records, const ImportOutcome& outcome,
                 const std::vector<RecordError>& errors,
                 const std::vector<std::string>& ids, bool complete) {
  if (context.json()) {
    std::string out;
    JsonWriter json(&out);
    json.BeginObject();
    json.Key("file");
    json.String(path);
    json.Key("kind");
    json.String(KindPlural(kind));
    json.Key("records");
    json.Int(static_cast<int64_t>(records));
    json.Key("received");
    json.Int(outcome.received);
    json.Key("created");
    json.Int(outcome.created);
    json.Key("updated");
    json.Int(outcome.updated);
    json.Key("failed");
    json.Int(outcome.failed);
    json.Key("complete");
    json.Bool(complete);
    json.Key("errors");
    json.BeginArray();
    for (const RecordError& e : errors) {
      json.BeginObject();
      json.Key("line");
      json.Int(e.line);
      json.Key("external_id");
      json.String(e.error.external_id());
      json.Key("code");
      json.String(e.error.code());
      json.Key("field");
      json.String(e.error.field());
      json.Key("message");
      json.String(e.error.message());
      json.EndObject();
    }
    json.EndArray();
    json.Key("ids");
    json.BeginArray();
    for (const std::string& id : ids) json.String(id);
    json.EndArray();
    json.EndObject();
    context.out() << out << "\n";
    return;
  }
  context.out() << path << ": " << records << " " << KindPlural(kind) << " read, "
                << outcome.received << " received by the server: " << outcome.created
                << " created, " << outcome.updated << " updated, " << outcome.failed
                << " failed" << (complete ? "" : " (import stopped early)") << "\n";
  for (const RecordError& e : errors) {
    context.err() << path << ":" << e.line;
    if (!e.error.external_id().empty()) {
      context.err() << " (external_id " << e.error.external_id() << ")";
    }
    context.err() << ": " << e.error.code() << ": " << e.error.message();
    if (!e.error.field().empty() &&
        !absl::StrContains(e.error.message(), e.error.field())) {
      context.err() << " [field " << e.error.field() << "]";
    }
    context.err() << "\n";
  }
  if (outcome.errors.size() < static_cast<size_t>(outcome.failed)) {
    context.err() << "(the server listed " << outcome.errors.size() << " of "
                  << outcome.failed << " errors)\n";
  }
}

int RunImport(Context& context, const std::vector<std::string>& args) {
  absl::StatusOr<KindArgs> parsed = ParseKindArgs(
      args, {{"format"}, {"batch_size"}, {"dry_run", false}}, 2, "KIND FILE");
  if (!parsed.ok()) return context.UsageError(parsed.status().message());
  const RecordKind kind = parsed->kind;
  const std::string& path = parsed->args.positional[1];
  absl::StatusOr<RecordFormat> format =
      ChooseRecordFormat(path, parsed->args.Value("format"));
  if (!format.ok()) return context.UsageError(format.status().message());
  absl::StatusOr<std::optional<int64_t>> batch_size =
      parsed->args.IntValue("batch_size", 1);
  if (!batch_size.ok()) return context.UsageError(batch_size.status().message());

  absl::StatusOr<std::string> text = ReadInputFile(path, context.in());
  if (!text.ok()) return context.InputError(text.status().message());
  ParsedRecords input = ParseRecords(kind, *format, *text);
  if (!input.errors.empty())
    return ReportUnreadable(context, path, std::move(input.errors));

  if (parsed->args.Has("dry_run")) {
    if (context.json()) {
      context.out() << "{\"file\":" << engine::JsonQuote(path) << ",\"kind\":\""
                    << KindPlural(kind) << "\",\"records\":" << input.records.size()
                    << "}\n";
    } else {
      context.out() << path << ": " << input.records.size() << " " << KindPlural(kind)
                    << " read; nothing sent (--dry-run)\n";
    }
    return kExitOk;
  }

  std::vector<v1::ImportRequest> to_send;
  std::vector<int64_t> lines;  // input line of each record sent
  for (ParsedRecord& record : input.records) {
    to_send.push_back(std::move(record.record));
    lines.push_back(record.line);
  }

  ImportOptions options;
  if (batch_size->has_value()) options.batch_size = static_cast<int>(**batch_size);
  ImportOutcome outcome;
  grpc::Status status;
  {
    ProgressBar bar(context.err(), context.err_is_terminal(),
                    absl::StrCat("importing ", KindPlural(kind)),
                    static_cast<int64_t>(to_send.size()));
    status = StreamImport(
        context, to_send, options, [&bar](int64_t written) { bar.Update(written); },
        &outcome);
  }

  std::vector<RecordError> errors;
  for (const v1::ImportError& error : outcome.errors) {
    RecordError& e = errors.emplace_back();
    const size_t index = static_cast<size_t>(error.index());
    e.line = index < lines.size() ? lines[index] : 0;
    e.error = error;
  }
  std::stable_sort(
      errors.begin(), errors.end(),
      [](const RecordError& a, const RecordError& b) { return a.line < b.line; });
  std::vector<std::string> ids = outcome.ids;
  ids.resize(to_send.size());  // records after a failed batch were not imported
  PrintReport(context, path, kind, to_send.size(), outcome, errors, ids, status.ok());
  if (!status.ok()) return context.RpcError(status);
  return outcome.failed == 0 ? kExitOk : kExitRefused;
}

}  // namespace

Command ImportCommand() {
  Command command;
  command.name = "import";
  command.summary = "import companies, offers or candidates from CSV or JSON Lines";
  command.usage =
      "matchctl import {companies|offers|candidates} FILE [--format csv|jsonl] "
      "[--batch-size N] [--dry-run]\n"
      "\n"
      "Reads every record of FILE ('-' = stdin) and streams them through the Import "
      "RPC,\n"
      "which creates records, or updates the one with the same external_id.\n"
      "  FILE             .csv/.tsv: CSV with a header row; .jsonl/.ndjson/.json: one\n"
      "                   proto JSON object per line. Columns: see IMPORT.md.\n"
      "  --format F       csv or jsonl, when the file name does not tell\n"
      "  --batch-size N   records per Import stream (default 500)\n"
      "  --dry-run        read and check the file only; send nothing\n"
      "A line that cannot be read is reported as FILE:LINE: why, and then nothing is\n"
      "sent (exit 2). Records the server refuses are reported by line (exit 1); the\n"
      "others are imported. A progress bar is drawn when stderr is a terminal.\n"
      "Output: the counts; with --json {\"file\",\"kind\",\"records\",\"received\",\n"
      "\"created\",\"updated\",\"failed\",\"complete\",\"errors\":[{\"line\",\"external_"
      "id\",\n"
      "\"code\",\"field\",\"message\"}],\"ids\":[id per record, \"\" if failed]}.";
  command.run = RunImport;
  return command;
}

}  // namespace azubimatch::matchctl
