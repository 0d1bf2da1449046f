// SvgBarChart: a small, dependency-free writer of grouped bar charts as inline SVG, for
// the self-contained HTML run report (report_html.h). A histogram is a bar chart whose
// categories are its bins.
//
// Why hand-written: matchctl is a C++ binary with Debian packages only; a plotting
// library would mean a second runtime (matplotlib through Python) or a JavaScript bundle
// fetched at build time. Bars, axes and labels are all these reports draw, so about a
// hundred lines of SVG text do it, and the output carries no script and no URL (no
// xmlns either: SVG inline in HTML5 needs none). Decision recorded in
// service/reports/REPORT.md.
//
// Layout: categories along x, one bar per series in each category (series colours from a
// fixed palette, legend above the plot when there are two or more series), a y axis from
// 0 to a rounded maximum with 5 grid lines. A missing value (std::nullopt, e.g. a
// suppressed group) draws no bar and a "–" in its place.
//
// Thread-safe (pure function). O(categories x series).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_SVG_CHART_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_SVG_CHART_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace azubimatch::matchctl {

struct ChartSeries {
  std::string name;                         // legend text, e.g. a run id and its mode
  std::vector<std::optional<double>> values;  // one per category
};

struct BarChart {
  std::string title;                    // drawn above the plot and as <title>
  std::string y_label;                  // e.g. "candidates", "fill rate"
  std::vector<std::string> categories;  // x labels
  std::vector<ChartSeries> series;
  bool percent = false;                 // values in [0, 1] shown as percentages
  int width = 720;                      // pixels; the height is fixed
  int height = 300;
};

// The chart as an <svg> element.
std::string SvgBarChart(const BarChart& chart);

// The opening of a chart: the <svg> element of `width` x `height`, its <title>, the
// title in bold at (left, 16), and a legend of `series` names with their colours at
// y = 25..35 when there are two or more. Charts close it with "</svg>".
std::string SvgChartOpening(absl::string_view title, int width, int height, double left,
                            const std::vector<std::string>& series);

// The colour of series `i` (Okabe–Ito, colour-blind-safe; repeats after 8).
const char* SeriesColour(size_t i);

// `text` with &, <, >, " and ' escaped for HTML and SVG text and attributes.
std::string XmlEscape(absl::string_view text);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_SVG_CHART_H_
