// ProgressBar: a one-line progress bar on a terminal, redrawn in place with '\r':
//
//   importing offers [##########----------]  4500/9000  50%
//
// Disabled (draws nothing) when the stream is not a terminal, so that logs and pipes
// stay clean. Redraws only when the drawn bar would change (at most ~200 times), so
// updating per record is cheap. No clock is read.
//
// Thread-compatible.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_PROGRESS_BAR_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_PROGRESS_BAR_H_

#include <cstdint>
#include <ostream>
#include <string>

namespace azubimatch::matchctl {

class ProgressBar {
 public:
  ProgressBar(std::ostream& out, bool enabled, std::string label, int64_t total);
  ~ProgressBar();  // calls Finish()

  void Update(int64_t done);
  // Clears the line; later updates are ignored.
  void Finish();

 private:
  std::ostream& out_;
  bool enabled_;
  std::string label_;
  int64_t total_;
  int64_t last_step_ = -1;  // 0..200 at the last draw
  size_t drawn_width_ = 0;
};

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_PROGRESS_BAR_H_
