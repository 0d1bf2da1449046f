#include "clients/matchctl/report_html.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/matchctl/matching_command_support.h"
#include "clients/matchctl/report_retention_html.h"
#include "clients/matchctl/svg_chart.h"

namespace azubimatch::matchctl {
namespace {

constexpr char kStyle[] =
    "body{font-family:sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}"
    "h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}"
    "table{border-collapse:collapse;margin:0.5em 0 1em}"
    "th,td{border:1px solid #ccc;padding:3px 8px;font-size:0.9em}"
    "td.n{text-align:right}th{background:#f2f2f2}td.s{color:#888;font-style:italic}"
    ".charts svg{display:block;margin:0.5em 0}";

std::string Share(double v) { return absl::StrFormat("%.1f%%", 100 * v); }

const char* DimensionTitle(const std::string& dimension) {
  static const std::map<std::string, const char*> kTitles = {
      {"municipality", "Municipality of the candidate's home"},
      {"occupation", "Occupation (KldB 2010) of the first wish"},
      {"sector", "Sector of the first wish"},
      {"school_certificate", "School certificate"},
      {"german_level", "German (CEFR)"},
      {"origin", "Country of origin (candidates with \"statistics\" consent only)"},
      {"heritage_language", "Heritage language (candidates with \"statistics\" consent only)"},
      {"member", "Member organisation"},
  };
  auto it = kTitles.find(dimension);
  return it == kTitles.end() ? "" : it->second;
}

void Headline(const std::vector<v1::RunReport>& reports, std::string& html) {
  html += "<h2>Headline</h2><table><tr><th>metric</th>";
  for (const v1::RunReport& r : reports) absl::StrAppend(&html, "<th>", XmlEscape(RunName(r)), "</th>");
  html += "</tr>";
  const std::vector<std::pair<const char*, std::function<std::string(const v1::RunReport&)>>>
      rows = {
          {"label", [](const v1::RunReport& r) { return XmlEscape(r.label()); }},
          {"created (UTC)", [](const v1::RunReport& r) { return TimeText(r.created_at()); }},
          {"candidates", [](const v1::RunReport& r) { return absl::StrCat(r.metrics().candidates()); }},
          {"seats", [](const v1::RunReport& r) { return absl::StrCat(r.metrics().seats()); }},
          {"eligible pairs", [](const v1::RunReport& r) { return absl::StrCat(r.eligible_pairs()); }},
          {"placed", [](const v1::RunReport& r) { return absl::StrCat(r.metrics().placed()); }},
          {"fill rate", [](const v1::RunReport& r) { return Share(r.metrics().fill_rate()); }},
          {"total score", [](const v1::RunReport& r) { return absl::StrFormat("%.1f", r.metrics().total_score()); }},
          {"mean score", [](const v1::RunReport& r) { return ScoreText(r.metrics().mean_score()); }},
          {"first wish", [](const v1::RunReport& r) { return Share(r.metrics().first_choice_share()); }},
          {"top-3 wish", [](const v1::RunReport& r) { return Share(r.metrics().top3_share()); }},
          {"commute median (min)", [](const v1::RunReport& r) { return MinutesText(r.metrics().commute_median_min()); }},
          {"commute p90 (min)", [](const v1::RunReport& r) { return MinutesText(r.metrics().commute_p90_min()); }},
          {"blocking pairs", [](const v1::RunReport& r) { return absl::StrCat(r.metrics().blocking_pairs()); }},
      };
  for (const auto& [name, value] : rows) {
    absl::StrAppend(&html, "<tr><th>", name, "</th>");
    for (const v1::RunReport& r : reports) absl::StrAppend(&html, "<td class=\"n\">", value(r), "</td>");
    html += "</tr>";
  }
  html += "</table>";
}

// One bar per run for a run-level figure.
std::string PerRunChart(const std::vector<v1::RunReport>& reports, std::string title,
                        std::string y_label, bool percent,
                        const std::function<double(const v1::RunReport&)>& value) {
  BarChart chart;
  chart.title = std::move(title);
  chart.y_label = std::move(y_label);
  chart.percent = percent;
  chart.width = 360;
  ChartSeries series;
  series.name = chart.y_label;
  for (const v1::RunReport& r : reports) {
    // The axis has room for short names: the mode, and the run id's start when two runs
    // share a mode (the table above names each run in full).
    std::string name = ModeName(r.mode());
    for (const v1::RunReport& other : reports) {
      if (&other != &r && other.mode() == r.mode()) {
        absl::StrAppend(&name, " ", r.run_id().substr(0, 4));
        break;
      }
    }
    chart.categories.push_back(std::move(name));
    series.values.push_back(value(r));
  }
  chart.series.push_back(std::move(series));
  return SvgBarChart(chart);
}

std::string HistogramChart(const std::vector<v1::RunReport>& reports, std::string title,
                           std::string y_label,
                           const std::function<const v1::Histogram&(const v1::RunReport&)>& of) {
  BarChart chart;
  chart.title = std::move(title);
  chart.y_label = std::move(y_label);
  for (const v1::HistogramBin& bin : of(reports.front()).bins()) chart.categories.push_back(bin.label());
  for (const v1::RunReport& r : reports) {
    ChartSeries series;
    series.name = RunName(r);
    for (const v1::HistogramBin& bin : of(r).bins()) series.values.push_back(bin.count());
    chart.series.push_back(std::move(series));
  }
  return SvgBarChart(chart);
}

void BreakdownSection(const std::vector<v1::RunReport>& reports, int index, std::string& html) {
  const std::string& dimension = reports.front().breakdowns(index).dimension();
  absl::StrAppend(&html, "<h3>", XmlEscape(DimensionTitle(dimension)), " <small>(",
                  XmlEscape(dimension), ")</small></h3>");
  // Groups of every run, by name; the chart takes the largest of the first run.
  std::map<std::string, std::vector<const v1::GroupRow*>> groups;
  for (size_t r = 0; r < reports.size(); ++r) {
    const v1::Breakdown* b = nullptr;
    for (const v1::Breakdown& candidate : reports[r].breakdowns()) {
      if (candidate.dimension() == dimension) b = &candidate;
    }
    if (b == nullptr) continue;
    for (const v1::GroupRow& row : b->rows()) {
      auto& slots = groups[row.group()];
      slots.resize(reports.size(), nullptr);
      slots[r] = &row;
    }
  }
  if (groups.empty()) {
    html += "<p>No candidates in this breakdown.</p>";
    return;
  }
  std::vector<std::string> names;
  for (const auto& [name, rows] : groups) names.push_back(name);
  std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    const v1::GroupRow* ra = groups[a][0];
    const v1::GroupRow* rb = groups[b][0];
    return (ra != nullptr ? ra->candidates() : 0) > (rb != nullptr ? rb->candidates() : 0);
  });
  BarChart chart;
  chart.title = absl::StrCat("Placement rate by ", dimension);
  chart.y_label = "placed / candidates";
  chart.percent = true;
  const size_t shown = std::min<size_t>(names.size(), kMaxChartGroups);
  for (size_t i = 0; i < shown; ++i) chart.categories.push_back(names[i]);
  for (size_t r = 0; r < reports.size(); ++r) {
    ChartSeries series;
    series.name = RunName(reports[r]);
    for (size_t i = 0; i < shown; ++i) {
      const v1::GroupRow* row = groups[names[i]][r];
      if (row == nullptr || row->suppressed()) {
        series.values.push_back(std::nullopt);
      } else {
        series.values.push_back(row->placement_rate());
      }
    }
    chart.series.push_back(std::move(series));
  }
  absl::StrAppend(&html, "<div class=\"charts\">", SvgBarChart(chart), "</div>");
  if (names.size() > shown) {
    absl::StrAppend(&html, "<p>The chart shows the ", shown, " largest of ", names.size(),
                    " groups; the table lists them all.</p>");
  }
  html += "<table><tr><th rowspan=\"2\">group</th>";
  for (const v1::RunReport& r : reports) {
    absl::StrAppend(&html, "<th colspan=\"5\">", XmlEscape(RunName(r)), "</th>");
  }
  html += "</tr><tr>";
  for (size_t r = 0; r < reports.size(); ++r) {
    html += "<th>candidates</th><th>placed</th><th>rate</th><th>mean score</th><th>median commute</th>";
  }
  html += "</tr>";
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    absl::StrAppend(&html, "<tr><td>", XmlEscape(name), "</td>");
    for (size_t r = 0; r < reports.size(); ++r) {
      const v1::GroupRow* row = groups[name][r];
      if (row == nullptr) {
        html += "<td colspan=\"5\" class=\"s\">–</td>";
      } else if (row->suppressed()) {
        html += "<td colspan=\"5\" class=\"s\">suppressed (fewer than 5)</td>";
      } else {
        absl::StrAppend(&html, "<td class=\"n\">", row->candidates(), "</td><td class=\"n\">",
                        row->placed(), "</td><td class=\"n\">", Share(row->placement_rate()),
                        "</td><td class=\"n\">", ScoreText(row->mean_score()),
                        "</td><td class=\"n\">", MinutesText(row->commute_median_min()), "</td>");
      }
    }
    html += "</tr>";
  }
  html += "</table>";
}

}  // namespace

std::string RunName(const v1::RunReport& report) {
  return absl::StrCat(report.run_id(), " (", ModeName(report.mode()), ")");
}

std::string RunReportsHtml(const std::vector<v1::RunReport>& reports,
                           const v1::RetentionReport* retention) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>azubimatch run report</title><style>";
  html += kStyle;
  html += "</style></head><body>\n<h1>azubimatch run report</h1>\n<p>Runs compared: ";
  for (size_t i = 0; i < reports.size(); ++i) {
    absl::StrAppend(&html, i == 0 ? "" : ", ", "<b>", XmlEscape(RunName(reports[i])), "</b>");
  }
  html +=
      ". Aggregates only: no candidate or offer is named. Groups with fewer than 5 "
      "candidates are suppressed; origin and heritage language count only candidates who "
      "consented to statistics.</p>\n";
  if (reports.empty()) return html + "</body></html>\n";
  Headline(reports, html);
  html += "<h2>Placements, fill rate and stability</h2><div class=\"charts\">";
  html += PerRunChart(reports, "Placed candidates", "placed", false,
                      [](const v1::RunReport& r) { return static_cast<double>(r.metrics().placed()); });
  html += PerRunChart(reports, "Fill rate (seats filled / seats)", "fill rate", true,
                      [](const v1::RunReport& r) { return r.metrics().fill_rate(); });
  html += PerRunChart(reports, "Blocking pairs (0 = stable)", "blocking pairs", false,
                      [](const v1::RunReport& r) { return static_cast<double>(r.metrics().blocking_pairs()); });
  html += "</div>\n<h2>Distributions</h2><div class=\"charts\">";
  html += HistogramChart(reports, "Score of the placements", "placements",
                         [](const v1::RunReport& r) -> const v1::Histogram& { return r.score(); });
  html += HistogramChart(reports, "Commute of the placements (minutes, one way)", "placements",
                         [](const v1::RunReport& r) -> const v1::Histogram& { return r.commute_minutes(); });
  html += HistogramChart(reports, "Rank of the placed occupation among the candidate's wishes",
                         "placements",
                         [](const v1::RunReport& r) -> const v1::Histogram& { return r.wish_rank(); });
  html += "</div>\n<h2>Breakdowns</h2>\n";
  for (int i = 0; i < reports.front().breakdowns_size(); ++i) BreakdownSection(reports, i, html);
  if (retention != nullptr) html += RetentionSectionHtml(*retention);
  html += "</body></html>\n";
  return html;
}

}  // namespace azubimatch::matchctl
