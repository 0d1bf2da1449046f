#include "clients/matchctl/progress_bar.h"

#include <algorithm>

#include "absl/strings/str_format.h"

namespace azubimatch::matchctl {

constexpr int64_t kSteps = 200;
constexpr int kBarWidth = 30;

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::string label,
                         int64_t total)
    : out_(out),
      enabled_(enabled && total > 0),
      label_(std::move(label)),
      total_(total) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(int64_t done) {
  if (!enabled_) return;
  done = std::clamp<int64_t>(done, 0, total_);
  const int64_t step = done * kSteps / total_;
  if (step == last_step_ && done != total_) return;
  last_step_ = step;
  const int filled = static_cast<int>(done * kBarWidth / total_);
  const std::string line = absl::StrFormat(
      "%s [%s%s] %d/%d %3d%%", label_, std::string(filled, '#'),
      std::string(kBarWidth - filled, '-'), done, total_, done * 100 / total_);
  out_ << "\r" << line << std::flush;
  drawn_width_ = line.size();
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  enabled_ = false;
  if (drawn_width_ > 0)
    out_ << "\r" << std::string(drawn_width_, ' ') << "\r" << std::flush;
}

}  // namespace azubimatch::matchctl
