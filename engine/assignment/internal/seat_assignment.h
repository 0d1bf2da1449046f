// Internal to engine/assignment: which row sits in which seat of which column.
// Columns keep their capacity natively (no replication): the rows of column `c`
// occupy the slots [slot_begin(c), slot_begin(c) + load(c)) of one flat array.
//
// Thread safety: none; owned by one solve. All operations are O(1).
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SEAT_ASSIGNMENT_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SEAT_ASSIGNMENT_H_

#include <cstdint>
#include <span>
#include <vector>

namespace azubimatch::engine::assignment_internal {

class SeatAssignment {
 public:
  SeatAssignment() = default;
  // `capacities` may contain zeros (columns that can hold nobody).
  SeatAssignment(int32_t num_rows, const std::vector<int32_t>& capacities)
      : capacity_(capacities),
        load_(capacities.size(), 0),
        slot_begin_(capacities.size() + 1, 0),
        row_col_(num_rows, -1),
        row_slot_(num_rows, -1),
        row_cost_(num_rows, 0) {
    for (size_t c = 0; c < capacities.size(); ++c) {
      slot_begin_[c + 1] = slot_begin_[c] + capacities[c];
    }
    slot_row_.assign(slot_begin_.back(), -1);
  }

  int32_t num_rows() const { return static_cast<int32_t>(row_col_.size()); }
  int32_t num_cols() const { return static_cast<int32_t>(capacity_.size()); }
  int32_t capacity(int32_t col) const { return capacity_[col]; }
  int32_t load(int32_t col) const { return load_[col]; }
  bool full(int32_t col) const { return load_[col] >= capacity_[col]; }

  int32_t col_of(int32_t row) const { return row_col_[row]; }
  int64_t slot_of(int32_t row) const { return row_slot_[row]; }
  // Cost of the edge the row is assigned along (meaningful only if assigned).
  int64_t cost_of(int32_t row) const { return row_cost_[row]; }

  std::span<const int32_t> rows_in(int32_t col) const {
    return {slot_row_.data() + slot_begin_[col], static_cast<size_t>(load_[col])};
  }

  // REQUIRES: !full(col). Returns the slot of a newly taken seat of `col`; the
  // caller must fill it with PlaceInSlot.
  int64_t TakeFreeSeat(int32_t col) { return slot_begin_[col] + load_[col]++; }

  // Puts `row` into `slot` of `col`, replacing whoever was there (that row is left
  // pointing at its old seat; the caller re-seats or releases it).
  void PlaceInSlot(int32_t row, int32_t col, int64_t slot, int64_t cost) {
    slot_row_[slot] = row;
    row_col_[row] = col;
    row_slot_[row] = slot;
    row_cost_[row] = cost;
  }

  // REQUIRES: !full(col).
  void Assign(int32_t row, int32_t col, int64_t cost) {
    PlaceInSlot(row, col, TakeFreeSeat(col), cost);
  }

  // `row` takes the seat of `occupant`, which becomes unassigned.
  void Replace(int32_t occupant, int32_t row, int64_t cost) {
    const int32_t col = row_col_[occupant];
    PlaceInSlot(row, col, row_slot_[occupant], cost);
    row_col_[occupant] = -1;
    row_slot_[occupant] = -1;
  }

 private:
  std::vector<int32_t> capacity_;
  std::vector<int32_t> load_;
  std::vector<int64_t> slot_begin_;
  std::vector<int32_t> slot_row_;
  std::vector<int32_t> row_col_;
  std::vector<int64_t> row_slot_;
  std::vector<int64_t> row_cost_;
};

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SEAT_ASSIGNMENT_H_
