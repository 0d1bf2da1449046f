#include "clients/matchctl/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace azubimatch::matchctl {
namespace {

// Colour-blind-safe palette (Okabe–Ito).
constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                    "#56B4E9", "#D55E00", "#F0E442", "#000000"};

// A round upper bound of the axis for `max` (1, 2, 2.5 or 5 times a power of ten).
double NiceMax(double max) {
  if (!(max > 0)) return 1.0;
  const double power = std::pow(10.0, std::floor(std::log10(max)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

std::string ValueText(double value, bool percent) {
  if (percent) return absl::StrFormat("%.0f%%", 100 * value);
  if (value == std::floor(value) && std::fabs(value) < 1e15) return absl::StrFormat("%.0f", value);
  return absl::StrFormat("%.3g", value);
}

}  // namespace

const char* SeriesColour(size_t i) { return kPalette[i % 8]; }

std::string SvgChartOpening(absl::string_view title, int width, int height, double left,
                            const std::vector<std::string>& series) {
  std::string svg = absl::StrFormat(
      "<svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
      "font-family=\"sans-serif\" font-size=\"11\">",
      width, height, width, height);
  absl::StrAppend(&svg, "<title>", XmlEscape(title), "</title>");
  absl::StrAppendFormat(&svg, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>",
                        static_cast<int>(left), XmlEscape(title));
  if (series.size() > 1) {
    double x = left;
    for (size_t i = 0; i < series.size(); ++i) {
      absl::StrAppendFormat(&svg,
                            "<rect x=\"%.1f\" y=\"25\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                            "<text x=\"%.1f\" y=\"34\">%s</text>",
                            x, SeriesColour(i), x + 14, XmlEscape(series[i]));
      x += 24 + 6.5 * series[i].size();
    }
  }
  return svg;
}

std::string XmlEscape(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string SvgBarChart(const BarChart& chart) {
  const int width = chart.width, height = chart.height;
  const bool legend = chart.series.size() > 1;
  const double left = 56, right = 12, top = legend ? 44 : 28, bottom = 64;
  const double plot_w = width - left - right, plot_h = height - top - bottom;
  double max = 0;
  for (const ChartSeries& s : chart.series) {
    for (const std::optional<double>& v : s.values) {
      if (v.has_value() && std::isfinite(*v)) max = std::max(max, *v);
    }
  }
  const double axis_max = chart.percent ? std::max(1.0, NiceMax(max)) : NiceMax(max);

  std::vector<std::string> names;
  for (const ChartSeries& series : chart.series) names.push_back(series.name);
  std::string svg = SvgChartOpening(chart.title, width, height, left, names);
  // Grid and y axis.
  for (int i = 0; i <= 5; ++i) {
    const double value = axis_max * i / 5;
    const double y = top + plot_h - plot_h * i / 5;
    absl::StrAppendFormat(&svg,
                          "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>"
                          "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                          left, y, left + plot_w, y, i == 0 ? "#333" : "#ddd", left - 4, y + 4,
                          ValueText(value, chart.percent));
  }
  absl::StrAppendFormat(&svg,
                        "<text transform=\"translate(12 %.1f) rotate(-90)\" "
                        "text-anchor=\"middle\">%s</text>",
                        top + plot_h / 2, XmlEscape(chart.y_label));
  // Bars.
  const size_t n = std::max<size_t>(chart.categories.size(), 1);
  const size_t k = std::max<size_t>(chart.series.size(), 1);
  const double slot = plot_w / n;
  const double bar_w = std::max(1.0, slot * 0.8 / k);
  const bool rotate = slot < 48;
  for (size_t c = 0; c < chart.categories.size(); ++c) {
    const double x0 = left + slot * c + slot * 0.1;
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const double x = x0 + bar_w * s;
      const std::optional<double> v =
          c < chart.series[s].values.size() ? chart.series[s].values[c] : std::nullopt;
      if (!v.has_value() || !std::isfinite(*v)) {
        absl::StrAppendFormat(&svg,
                              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                              "fill=\"#888\">–</text>",
                              x + bar_w / 2, top + plot_h - 3);
        continue;
      }
      const double h = plot_h * std::clamp(*v / axis_max, 0.0, 1.0);
      absl::StrAppendFormat(&svg,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            "fill=\"%s\"><title>%s: %s</title></rect>",
                            x, top + plot_h - h, bar_w, h, SeriesColour(s),
                            XmlEscape(absl::StrCat(chart.series[s].name, ", ",
                                                   chart.categories[c])),
                            ValueText(*v, chart.percent));
    }
    const double label_x = left + slot * (c + 0.5);
    const double label_y = top + plot_h + 14;
    std::string label = chart.categories[c];
    if (label.size() > 22) {
      size_t cut = 20;  // not inside a UTF-8 sequence
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
      label = absl::StrCat(label.substr(0, cut), "…");
    }
    if (rotate) {
      absl::StrAppendFormat(&svg,
                            "<text transform=\"translate(%.1f %.1f) rotate(-40)\" "
                            "text-anchor=\"end\">%s</text>",
                            label_x, label_y - 4, XmlEscape(label));
    } else {
      absl::StrAppendFormat(&svg, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                            label_x, label_y, XmlEscape(label));
    }
  }
  svg += "</svg>";
  return svg;
}

}  // namespace azubimatch::matchctl
