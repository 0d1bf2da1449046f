// matchd serves the web console (service/console) on its HTTP listener: the page and
// its files without a key, with their content types, a same-origin-only CSP and an
// ETag; everything else stays the API's, which needs a key.
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "service/console/console_files.h"
#include "tests/service/http/http_test_server.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using console::ConsoleFile;
using console::ConsoleFiles;
using console::FindConsoleFile;

TEST(ConsoleFilesTest, RootAndConsoleFolderAreTheIndexPage) {
  const ConsoleFile* root = FindConsoleFile("/");
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->path, "/console/index.html");
  EXPECT_EQ(FindConsoleFile("/console/"), root);
  EXPECT_EQ(root->content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(root->body.find("<html lang=\"de\">") != std::string_view::npos);
}

TEST(ConsoleFilesTest, EveryFileUnderConsoleWithTypeAndEtagAndNoExternalUrl) {
  ASSERT_GE(ConsoleFiles().size(), 4u);
  size_t total = 0;
  for (const ConsoleFile& file : ConsoleFiles()) {
    EXPECT_TRUE(file.path.starts_with("/console/")) << file.path;
    EXPECT_FALSE(file.content_type.empty()) << file.path;
    EXPECT_EQ(file.etag.size(), 22u) << file.path;  // 20 hex digits in quotes
    EXPECT_FALSE(file.body.find("http://") != std::string_view::npos) << file.path;
    EXPECT_FALSE(file.body.find("https://") != std::string_view::npos) << file.path;
    total += file.body.size();
  }
  EXPECT_LE(total, 300u * 1024u);  // the first page loads every file
}

TEST(ConsoleFilesTest, UnknownPathsAndApiPathsAreNotFiles) {
  EXPECT_EQ(FindConsoleFile("/console/nothing.js"), nullptr);
  EXPECT_EQ(FindConsoleFile("/v1/candidates"), nullptr);
  EXPECT_EQ(FindConsoleFile("/console/../admin.key"), nullptr);
  EXPECT_EQ(FindConsoleFile("/index.html"), nullptr);
}

class ConsoleServingTest : public ::testing::Test {
 protected:
  void SetUp() override { server_.Start(dir_); }
  ScopedTempDir dir_;
  HttpTestServer server_;
};

TEST_F(ConsoleServingTest, PageWithoutKeyWithSameOriginPolicy) {
  const HttpAnswer page = server_.Call("GET", "/", "");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("Content-Type"), "text/html; charset=utf-8");
  const std::string csp = page.header("Content-Security-Policy");
  EXPECT_TRUE(absl::StrContains(csp, "default-src 'none'")) << csp;
  EXPECT_TRUE(absl::StrContains(csp, "script-src 'self'")) << csp;
  EXPECT_TRUE(absl::StrContains(csp, "connect-src 'self'")) << csp;
  EXPECT_TRUE(absl::StrContains(csp, "frame-ancestors 'none'")) << csp;
  EXPECT_FALSE(absl::StrContains(csp, "http")) << csp;
  EXPECT_EQ(page.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(page.header("Cache-Control"), "no-cache");
  EXPECT_EQ(page.body, std::string(FindConsoleFile("/")->body));
}

TEST_F(ConsoleServingTest, ScriptsAndStylesWithTheirTypes) {
  EXPECT_EQ(server_.Call("GET", "/console/app.js", "").header("Content-Type"),
            "text/javascript; charset=utf-8");
  EXPECT_EQ(server_.Call("GET", "/console/console.css", "").header("Content-Type"),
            "text/css; charset=utf-8");
}

TEST_F(ConsoleServingTest, EtagRevalidationAnswersNotModified) {
  const HttpAnswer first = server_.Call("GET", "/console/app.js", "");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.header("ETag");
  ASSERT_FALSE(etag.empty());
  const HttpAnswer again =
      server_.Call("GET", "/console/app.js", "", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  const HttpAnswer changed =
      server_.Call("GET", "/console/app.js", "", "", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(changed.status, 200);
}

TEST_F(ConsoleServingTest, DataNeedsAKeyAndUnknownFilesAreNotFound) {
  EXPECT_EQ(server_.Call("GET", "/v1/candidates", "").status, 401);
  EXPECT_EQ(server_.Call("GET", "/v1/runs", "").status, 401);
  const HttpAnswer missing = server_.Call("GET", "/console/nothing.js", "");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json["code"], 5);  // a google.rpc.Status, like every API error
}

TEST_F(ConsoleServingTest, PostToThePageIsNotAllowed) {
  EXPECT_NE(server_.Call("POST", "/", "", "{}").status, 200);
}

}  // namespace
}  // namespace azubimatch::service
