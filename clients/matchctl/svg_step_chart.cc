#include "clients/matchctl/svg_step_chart.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/matchctl/svg_chart.h"

namespace azubimatch::matchctl {

std::string SvgStepChart(const StepChart& chart) {
  const bool legend = chart.series.size() > 1;
  const double left = 56, right = 16, top = legend ? 44 : 28, bottom = 44;
  const double plot_w = chart.width - left - right, plot_h = chart.height - top - bottom;
  double max_day = 365;
  for (const StepSeries& s : chart.series) max_day = std::max(max_day, s.last_day);
  max_day = 365 * std::ceil(max_day / 365);
  auto x_of = [&](double day) {
    return left + plot_w * std::clamp(day / max_day, 0.0, 1.0);
  };
  auto y_of = [&](double v) { return top + plot_h * (1 - std::clamp(v, 0.0, 1.0)); };

  std::vector<std::string> names;
  for (const StepSeries& series : chart.series) names.push_back(series.name);
  std::string svg = SvgChartOpening(chart.title, chart.width, chart.height, left, names);
  for (int i = 0; i <= 5; ++i) {
    const double y = y_of(i / 5.0);
    absl::StrAppendFormat(
        &svg,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>",
        left, y, left + plot_w, y, i == 0 ? "#333" : "#ddd", left - 4, y + 4, 20 * i);
  }
  std::vector<double> ticks = {0, 122};
  for (double d = 365; d <= max_day; d += 365) ticks.push_back(d);
  for (double d : ticks) {
    absl::StrAppendFormat(
        &svg,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>",
        x_of(d), top, x_of(d), top + plot_h, x_of(d), top + plot_h + 14, d);
  }
  absl::StrAppendFormat(
      &svg,
      "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">days since the start"
      "</text><text transform=\"translate(12 %.1f) rotate(-90)\" "
      "text-anchor=\"middle\">still in training</text>",
      left + plot_w / 2, top + plot_h + 32, top + plot_h / 2);
  for (size_t i = 0; i < chart.series.size(); ++i) {
    const StepSeries& s = chart.series[i];
    // The step path of `value` (or of the band's edges), from day 0 to last_day.
    auto path = [&](double StepPoint::*field, bool reverse) {
      std::vector<std::pair<double, double>> corners = {{0, 1}};
      for (const StepPoint& p : s.steps) {
        corners.push_back({p.day, corners.back().second});
        corners.push_back({p.day, p.*field});
      }
      corners.push_back({s.last_day, corners.back().second});
      if (reverse) std::reverse(corners.begin(), corners.end());
      std::string d;
      for (const auto& [day, v] : corners) {
        absl::StrAppendFormat(&d, "%s%.1f %.1f ", d.empty() ? "" : "L", x_of(day),
                              y_of(v));
      }
      return d;
    };
    if (s.has_band && !s.steps.empty()) {
      absl::StrAppendFormat(
          &svg, "<path d=\"M%sL%sZ\" fill=\"%s\" fill-opacity=\"0.15\"/>",
          path(&StepPoint::low, false), path(&StepPoint::high, true), SeriesColour(i));
    }
    absl::StrAppendFormat(
        &svg,
        "<path d=\"M%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\">"
        "<title>%s</title></path>",
        path(&StepPoint::value, false), SeriesColour(i), XmlEscape(s.name));
  }
  svg += "</svg>";
  return svg;
}

}  // namespace azubimatch::matchctl
