// The command line of matchctl without a server: global flags anywhere, help, and the
// exit codes of usage and input errors.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clients/matchctl/global_flags.h"
#include "clients/matchctl/progress_bar.h"
#include "clients/matchctl/record_noun_commands.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/clients/matchctl/matchctl_runner.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(GlobalFlagsTest, AcceptedBeforeAndAfterTheCommandInBothSpellings) {
  absl::StatusOr<GlobalFlagsResult> before = ExtractGlobalFlags(
      {"--server", "h:1", "--json", "list", "offers", "--limit", "3"}, {});
  absl::StatusOr<GlobalFlagsResult> after = ExtractGlobalFlags(
      {"list", "offers", "--limit", "3", "--server=h:1", "--json=true"}, {});
  absl::StatusOr<GlobalFlagsResult> between = ExtractGlobalFlags(
      {"list", "--json", "offers", "--server", "h:1", "--limit", "3"}, {});
  for (const auto* result : {&before, &after, &between}) {
    ASSERT_TRUE(result->ok()) << result->status();
    EXPECT_EQ((*result)->options.server, "h:1");
    EXPECT_TRUE((*result)->options.json);
    EXPECT_THAT((*result)->rest, ElementsAre("list", "offers", "--limit", "3"));
  }
}

TEST(GlobalFlagsTest, EnvironmentGivesDefaultsThatFlagsOverride) {
  const absl::flat_hash_map<std::string, std::string> env = {
      {"AZUBIMATCH_SERVER", "env-host:7"}, {"AZUBIMATCH_API_KEY", "env-key"}};
  absl::StatusOr<GlobalFlagsResult> from_env = ExtractGlobalFlags({"list"}, env);
  ASSERT_TRUE(from_env.ok());
  EXPECT_EQ(from_env->options.server, "env-host:7");
  EXPECT_EQ(from_env->options.api_key, "env-key");
  absl::StatusOr<GlobalFlagsResult> from_flags = ExtractGlobalFlags(
      {"list", "--api-key", "flag-key", "--server", "flag-host:8"}, env);
  ASSERT_TRUE(from_flags.ok());
  EXPECT_EQ(from_flags->options.server, "flag-host:8");
  EXPECT_EQ(from_flags->options.api_key, "flag-key");
  absl::StatusOr<GlobalFlagsResult> defaults = ExtractGlobalFlags({"list"}, {});
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults->options.server, "127.0.0.1:50051");
  EXPECT_EQ(defaults->options.api_key, "");
  EXPECT_EQ(defaults->options.timeout, absl::ZeroDuration());
}

TEST(GlobalFlagsTest, DoubleDashEndsGlobalFlagsAndBadValuesNameTheFlag) {
  absl::StatusOr<GlobalFlagsResult> result =
      ExtractGlobalFlags({"solve", "--", "--json", "-h"}, {});
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result->options.json);
  EXPECT_FALSE(result->options.help);
  EXPECT_THAT(result->rest, ElementsAre("solve", "--", "--json", "-h"));

  EXPECT_THAT(ExtractGlobalFlags({"list", "--timeout", "soon"}, {}).status().message(),
              HasSubstr("--timeout"));
  EXPECT_THAT(ExtractGlobalFlags({"list", "--timeout", "-1"}, {}).status().message(),
              HasSubstr("--timeout"));
  EXPECT_THAT(ExtractGlobalFlags({"list", "--server"}, {}).status().message(),
              HasSubstr("--server needs a value"));
  absl::StatusOr<GlobalFlagsResult> timeout = ExtractGlobalFlags({"--timeout=2.5"}, {});
  ASSERT_TRUE(timeout.ok());
  EXPECT_EQ(timeout->options.timeout, absl::Milliseconds(2500));
}

TEST(GlobalFlagsTest, DashAndUnderscoreAreAlikeAndSwitchesTakeOnlyBooleans) {
  absl::StatusOr<GlobalFlagsResult> underscores = ExtractGlobalFlags(
      {"--api_key", "k1", "list", "offers", "--tls_ca=", "x"}, {});
  EXPECT_THAT(underscores.status().message(), HasSubstr("--tls-ca: empty"));
  underscores = ExtractGlobalFlags({"--api_key", "k1", "list", "offers", "--json=false"}, {});
  ASSERT_TRUE(underscores.ok()) << underscores.status();
  EXPECT_EQ(underscores->options.api_key, "k1");
  EXPECT_FALSE(underscores->options.json);
  EXPECT_THAT(underscores->rest, ElementsAre("list", "offers"));
  absl::StatusOr<GlobalFlagsResult> on = ExtractGlobalFlags({"list", "--json=1", "--api_key=k2"}, {});
  ASSERT_TRUE(on.ok()) << on.status();
  EXPECT_TRUE(on->options.json);
  EXPECT_EQ(on->options.api_key, "k2");
  EXPECT_THAT(ExtractGlobalFlags({"--json=yes"}, {}).status().message(),
              HasSubstr("--json: \"yes\" is not true or false"));
  EXPECT_THAT(ExtractGlobalFlags({"--server="}, {}).status().message(),
              HasSubstr("--server: empty address"));
  // Command flags and their values stay in order, in either spelling.
  absl::StatusOr<GlobalFlagsResult> mixed = ExtractGlobalFlags(
      {"suggest", "--candidate", "c1", "--timeout", "2", "--page_size=3", "-x", "-1"}, {});
  ASSERT_TRUE(mixed.ok()) << mixed.status();
  EXPECT_EQ(mixed->options.timeout, absl::Seconds(2));
  EXPECT_THAT(mixed->rest, ElementsAre("suggest", "--candidate", "c1", "--page_size=3", "-x", "-1"));
}

TEST(MatchctlCommandLineTest, HelpListsCommandsAndExplainsEachWithExitCodeZero) {
  CtlResult help = RunCtl({"--help"});
  EXPECT_EQ(help.code, 0);
  for (const char* name : {"list", "get", "add", "delete", "import", "demo", "solve"}) {
    EXPECT_THAT(help.out, HasSubstr(std::string("\n  ") + name + " ")) << name;
  }
  EXPECT_THAT(help.out, HasSubstr("--server HOST:PORT"));
  EXPECT_THAT(help.out, HasSubstr("exit codes"));
  EXPECT_THAT(help.err, IsEmpty());

  CtlResult list_help = RunCtl({"list", "--help"});
  EXPECT_EQ(list_help.code, 0);
  EXPECT_THAT(list_help.out,
              HasSubstr("usage: matchctl list {companies|offers|candidates}"));
  EXPECT_THAT(list_help.out, HasSubstr("--municipality NAME"));

  CtlResult import_help = RunCtl({"-h", "import"});
  EXPECT_EQ(import_help.code, 0);
  EXPECT_THAT(import_help.out, HasSubstr("IMPORT.md"));

  CtlResult help_word = RunCtl({"help", "delete"});
  EXPECT_EQ(help_word.code, 0);
  EXPECT_THAT(help_word.out, HasSubstr("--version V"));
}

TEST(MatchctlCommandLineTest, NounFirstSpellingIsListedAndOldSpellingsApart) {
  const CtlResult help = RunCtl({"--help"});
  EXPECT_EQ(help.code, 0);
  const size_t old_section = help.out.find("old spellings");
  ASSERT_NE(old_section, std::string::npos) << help.out;
  for (const char* noun : {"company", "offer", "candidate", "run"}) {
    const size_t at = help.out.find(std::string("\n  ") + noun + " ");
    ASSERT_NE(at, std::string::npos) << noun;
    EXPECT_LT(at, old_section) << noun;
  }
  const size_t old_list = help.out.find("\n  list ", old_section);
  ASSERT_NE(old_list, std::string::npos);
  EXPECT_THAT(help.out.substr(old_list), HasSubstr("now: {company|offer|candidate} list"));
  EXPECT_EQ(help.out.find("\n  list "), old_list) << "`list` is only an old spelling";

  const CtlResult noun_help = RunCtl({"offer", "--help"});
  EXPECT_EQ(noun_help.code, 0);
  EXPECT_THAT(noun_help.out, HasSubstr("usage: matchctl offer {list|get|add|delete|import}"));
  for (const char* line : {"matchctl offer list [--limit N]", "matchctl offer get ID",
                           "matchctl offer delete ID", "matchctl offer import FILE"}) {
    EXPECT_THAT(noun_help.out, HasSubstr(line));
  }
  const CtlResult verb_help = RunCtl({"candidates", "get", "--help"});
  EXPECT_EQ(verb_help.code, 0);
  EXPECT_THAT(verb_help.out, HasSubstr("usage: matchctl candidate get ID\n"));
  const CtlResult json_help = RunCtl({"--json", "company", "import", "-h"});
  EXPECT_EQ(json_help.code, 0);
  EXPECT_THAT(json_help.out, HasSubstr("usage: matchctl company import FILE"));

  const CtlResult unknown = RunCtl({"offer", "frobnicate"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("unknown offer command \"frobnicate\""));
  const CtlResult no_verb = RunCtl({"company"});
  EXPECT_EQ(no_verb.code, 2);
  EXPECT_THAT(no_verb.err, HasSubstr("list, get, add, delete, import"));
  // The verb's own usage errors come through unchanged.
  EXPECT_EQ(RunCtl({"offer", "get"}).code, 2);
}

TEST(NounFirstUsageTest, RewritesOnlyTheFirstVerbKindsPrefix) {
  EXPECT_EQ(NounFirstUsage("matchctl get {company|offer|candidate} ID\nmore",
                                     "get", "offer"),
            "matchctl offer get ID\nmore");
  EXPECT_EQ(NounFirstUsage("no prefix here", "get", "offer"), "no prefix here");
  EXPECT_EQ(NounFirstUsage("matchctl get {unclosed", "get", "offer"),
            "matchctl get {unclosed");
}

TEST(MatchctlCommandLineTest, UsageErrorsExitTwoWithAMessageOnStderr) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{}, "no command given"},
      {{"lst", "offers"}, "unknown command \"lst\""},
      {{"--verbose", "list", "offers"}, "unknown global flag --verbose"},
      {{"list"}, "expected KIND"},
      {{"list", "offerz"}, "unknown record kind \"offerz\""},
      {{"list", "offers", "--bogus"}, "unknown flag --bogus"},
      {{"list", "offers", "--limit", "0"}, "--limit: must be at least 1"},
      {{"list", "offers", "--limit"}, "--limit needs a value"},
      {{"list", "offers", "--status", "sold"}, "--status: unknown OfferStatus \"sold\""},
      {{"list", "companies", "--company", "x"}, "--company filters offers only"},
      {{"get", "offer"}, "expected KIND ID"},
      {{"delete", "offer", "x", "--version", "new"},
       "--version: \"new\" is not a whole number"},
      {{"add", "--seats", "2"}, "the kind comes first"},
      {{"add", "offer"}, "give --file or at least one --COLUMN VALUE"},
      {{"add", "offer", "--seats", "two"}, "--seats: \"two\" is not a whole number"},
      {{"add", "offer", "--seat", "2"}, "unknown flag --seat"},
      {{"import", "offers"}, "expected KIND FILE"},
      {{"import", "offers", "x.txt"}, "use --format csv or --format jsonl"},
      {{"import", "offers", "/nonexistent/o.csv"}, "/nonexistent/o.csv: no such file"},
      {{"list", "offers", "--timeout", "0"}, "--timeout"},
      {{"demo", "--candidates", "-5"}, "--candidates: must be at least 0"},
  };
  for (const Case& c : cases) {
    const CtlResult result = RunCtl(c.args);
    EXPECT_EQ(result.code, 2) << testing::PrintToString(c.args);
    EXPECT_THAT(result.err, HasSubstr(c.message)) << testing::PrintToString(c.args);
    EXPECT_THAT(result.out, IsEmpty()) << testing::PrintToString(c.args);
  }
}

TEST(MatchctlCommandLineTest, MalformedImportFileExitsTwoNamingEveryBadLine) {
  const CtlResult result = RunCtl({"import", "offers", "-", "--format", "csv"},
                                  "external_id,seats\n"
                                  "o-1,1\n"
                                  "o-2,zwei\n"
                                  "o-3,\"3\n");
  EXPECT_EQ(result.code, 2);
  EXPECT_THAT(result.err, HasSubstr("-:3: seats: \"zwei\" is not a whole number"));
  EXPECT_THAT(result.err, HasSubstr("-:4: field 2: quoted field is not closed"));
  EXPECT_THAT(result.err, HasSubstr("2 errors; nothing was sent"));
}

TEST(MatchctlCommandLineTest, DryRunReadsTheFileAndSendsNothing) {
  const CtlResult result =
      RunCtl({"--json", "import", "candidates", "-", "--format=jsonl", "--dry-run"},
             "{\"display_name\":\"A\"}\n{\"display_name\":\"B\"}\n");
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out, "{\"file\":\"-\",\"kind\":\"candidates\",\"records\":2}\n");
}

TEST(MatchctlCommandLineTest, SolveGetsTheGlobalJsonAndHelpFlags) {
  const std::string path = testing::TempDir() + "/matchctl_solve_edges.txt";
  std::ofstream(path) << "2 2 3\n0 0 5\n0 1 1\n1 0 2\n";
  const CtlResult solved = RunCtl({"--json", "solve", path});
  EXPECT_EQ(solved.code, 0) << solved.err;
  EXPECT_THAT(solved.out, HasSubstr("\"status\":\"OPTIMAL\""));
  EXPECT_THAT(solved.out, HasSubstr("\"cost\":3"));
  EXPECT_THAT(solved.out, HasSubstr("\"assignment\":[1,0]"));

  const CtlResult help = RunCtl({"solve", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_THAT(help.out + help.err, HasSubstr("--format"));
}

TEST(ProgressBarTest, DrawsOnlyWhenEnabledAndClearsItsLine) {
  std::ostringstream off;
  {
    ProgressBar bar(off, /*enabled=*/false, "importing", 10);
    bar.Update(5);
  }
  EXPECT_EQ(off.str(), "");

  std::ostringstream on;
  {
    ProgressBar bar(on, /*enabled=*/true, "importing", 4);
    for (int i = 1; i <= 4; ++i) bar.Update(i);
  }
  const std::string text = on.str();
  EXPECT_THAT(text, HasSubstr("\rimporting [#######-----------------------] 1/4  25%"));
  EXPECT_THAT(text, HasSubstr("\rimporting [##############################] 4/4 100%"));
  EXPECT_EQ(text.back(), '\r');  // the line is blanked at the end
}

}  // namespace
}  // namespace azubimatch::matchctl
