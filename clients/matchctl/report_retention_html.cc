#include "clients/matchctl/report_retention_html.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/matchctl/retention_command.h"
#include "clients/matchctl/svg_chart.h"
#include "clients/matchctl/svg_step_chart.h"

namespace azubimatch::matchctl {
namespace {

std::string Share(double v) { return absl::StrFormat("%.1f%%", 100 * v); }

StepSeries SeriesOf(std::string name, const v1::RetentionFigures& f) {
  StepSeries series;
  series.name = std::move(name);
  series.last_day = f.last_day();
  series.has_band = true;
  for (const v1::SurvivalStep& s : f.curve()) {
    series.steps.push_back(
        {static_cast<double>(s.days()), s.survival(), s.ci_low(), s.ci_high()});
  }
  return series;
}

void FigureCells(const v1::RetentionFigures& f, std::string& html) {
  absl::StrAppend(&html, "<td class=\"n\">", f.started(), "</td><td class=\"n\">",
                  f.ended_early(), "</td><td class=\"n\">",
                  f.has_probation_pass_rate() ? Share(f.probation_pass_rate()) : "–",
                  "</td>");
  for (const v1::SurvivalPoint& p : f.survival()) {
    if (!p.has_survival()) {
      html += "<td class=\"n\">–</td>";
      continue;
    }
    absl::StrAppendFormat(&html, "<td class=\"n\">%s <small>(%.0f–%.0f %%)</small></td>",
                          Share(p.survival()), 100 * p.ci_low(), 100 * p.ci_high());
  }
}

}  // namespace

std::string RetentionSectionHtml(const v1::RetentionReport& r) {
  std::string html = absl::StrFormat(
      "<h2>Retention by assignment mode</h2>\n<p>Placements that started training, as of "
      "%04d-%02d-%02d: time in training from the start, ending early as the event, "
      "completion and still training censored (Kaplan–Meier; bands and brackets: 95 %% "
      "log-log Greenwood intervals). Placements not proposed by a run count under "
      "“no run”; groups under %d started placements are suppressed.</p>\n",
      r.as_of().year(), r.as_of().month(), r.as_of().day(), r.min_group_size());
  if (r.overall().started() == 0) return html + "<p>No placement has started yet.</p>\n";
  StepChart chart;
  chart.title = "Share still in training";
  chart.series.push_back(SeriesOf("all placements", r.overall()));
  for (const v1::RetentionGroup& g : r.groups()) {
    if (!g.suppressed())
      chart.series.push_back(SeriesOf(RetentionGroupName(r, g.group()), g.figures()));
  }
  html += "<div class=\"charts\">" + SvgStepChart(chart) + "</div>\n";
  html +=
      "<table><tr><th>group</th><th>started</th><th>ended early</th><th>probation "
      "passed</th>";
  for (int32_t day : r.at_days()) absl::StrAppend(&html, "<th>after ", day, " days</th>");
  html += "</tr><tr><td>all placements</td>";
  FigureCells(r.overall(), html);
  html += "</tr>";
  for (const v1::RetentionGroup& g : r.groups()) {
    absl::StrAppend(&html, "<tr><td>", XmlEscape(RetentionGroupName(r, g.group())),
                    "</td>");
    if (g.suppressed()) {
      absl::StrAppend(&html, "<td class=\"s\" colspan=\"", 3 + r.at_days_size(),
                      "\">suppressed</td>");
    } else {
      FigureCells(g.figures(), html);
    }
    html += "</tr>";
  }
  html += "</table>\n";
  if (r.has_log_rank()) {
    absl::StrAppendFormat(
        &html,
        "<p>Log-rank test over the %d groups shown: chi-square %.3f on %d "
        "degrees of freedom, p = %.4g.</p>\n",
        r.log_rank().groups(), r.log_rank().chi_square(),
        r.log_rank().degrees_of_freedom(), r.log_rank().p_value());
  }
  return html;
}

}  // namespace azubimatch::matchctl
