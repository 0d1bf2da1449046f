// SvgStepChart: survival curves as inline SVG step functions, for the retention section
// of the HTML run report (report_html.h). Same manner as svg_chart.h (no script, no URL,
// colours from SeriesColour).
//
// Layout: x = days since the start, 0 to the largest day of any series rounded up to a
// whole year, ticks at 0, 122 (end of probation) and every 365 days; y = share still in
// training, 0 to 100 % with 5 grid lines. Each series is a right-continuous step line
// starting at (0, 100 %) and ending at its last day; its 95 % interval, when given, is a
// light band of the same colour. A legend names the series when there are two or more.
//
// Thread-safe (pure function). O(total points).
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_SVG_STEP_CHART_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_SVG_STEP_CHART_H_

#include <string>
#include <vector>

namespace azubimatch::matchctl {

struct StepPoint {
  double day = 0;    // the step happens at this day
  double value = 1;  // the value from this day on, in [0, 1]
  double low = 1;    // interval from this day on (used when the series has_band)
  double high = 1;
};

struct StepSeries {
  std::string name;
  std::vector<StepPoint> steps;  // by day
  double last_day = 0;           // the line is drawn up to here (the last observation)
  bool has_band = false;
};

struct StepChart {
  std::string title;
  std::vector<StepSeries> series;
  int width = 720;
  int height = 320;
};

std::string SvgStepChart(const StepChart& chart);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_SVG_STEP_CHART_H_
