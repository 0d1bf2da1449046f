// Internal to engine/assignment: a monotone priority queue for Dijkstra with
// non-negative integer keys (a radix heap, Ahuja, Mehlhorn, Orlin & Tarjan 1990).
// Every key pushed must be >= the last key popped. Entries live in 65 buckets by
// the highest bit in which their key differs from the last key popped; a pop
// empties the lowest non-empty bucket into lower ones at most once per bit.
//
// Complexity: Push O(1); Pop O(log(max key)) amortised. Entries with equal keys
// come out in a fixed order (the reverse of their pushes), so results are
// deterministic. Thread safety: none.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_RADIX_HEAP_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_RADIX_HEAP_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace azubimatch::engine::assignment_internal {

class RadixHeap {
 public:
  struct Entry {
    uint64_t key;
    int32_t value;
  };

  bool empty() const { return size_ == 0; }

  // REQUIRES: key >= the last key popped (0 after Clear).
  void Push(uint64_t key, int32_t value) {
    buckets_[BucketOf(key)].push_back({key, value});
    ++size_;
  }

  // REQUIRES: !empty(). The smallest key, without removing it.
  uint64_t MinKey() {
    Settle();
    return last_;
  }

  // REQUIRES: !empty().
  Entry Pop() {
    Settle();
    const Entry top = buckets_[0].back();
    buckets_[0].pop_back();
    --size_;
    return top;
  }

  void Clear() {
    for (auto& bucket : buckets_) bucket.clear();
    size_ = 0;
    last_ = 0;
  }

 private:
  int BucketOf(uint64_t key) const {
    return key == last_ ? 0 : 64 - __builtin_clzll(key ^ last_);
  }

  // Makes bucket 0 non-empty: moves the lowest non-empty bucket down.
  void Settle() {
    if (!buckets_[0].empty()) return;
    int index = 1;
    while (buckets_[index].empty()) ++index;
    std::vector<Entry>& bucket = buckets_[index];
    uint64_t lowest = bucket[0].key;
    for (const Entry& entry : bucket) lowest = entry.key < lowest ? entry.key : lowest;
    last_ = lowest;
    for (const Entry& entry : bucket) buckets_[BucketOf(entry.key)].push_back(entry);
    bucket.clear();
  }

  std::array<std::vector<Entry>, 65> buckets_;
  uint64_t last_ = 0;
  size_t size_ = 0;
};

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_RADIX_HEAP_H_
