#include "engine/assignment/internal/radix_heap.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace azubimatch::engine::assignment_internal {
namespace {

TEST(RadixHeapTest, PopsKeysInOrderUnderDijkstraLikeUse) {
  std::mt19937_64 rng(13);
  RadixHeap heap;
  std::vector<uint64_t> reference;  // kept as a min-heap
  uint64_t last = 0;
  for (int step = 0; step < 20000; ++step) {
    if (reference.empty() || rng() % 3 != 0) {
      // Keys never go below the last popped one; ranges from tiny to 2^60.
      const uint64_t key = last + (rng() >> (4 + rng() % 60));
      heap.Push(key, step);
      reference.push_back(key);
      std::push_heap(reference.begin(), reference.end(), std::greater<>());
    } else {
      ASSERT_EQ(heap.MinKey(), reference.front());
      const RadixHeap::Entry top = heap.Pop();
      ASSERT_EQ(top.key, reference.front());
      std::pop_heap(reference.begin(), reference.end(), std::greater<>());
      reference.pop_back();
      last = top.key;
    }
  }
  EXPECT_EQ(heap.empty(), reference.empty());
}

TEST(RadixHeapTest, ClearStartsOverFromZero) {
  RadixHeap heap;
  heap.Push(100, 1);
  EXPECT_EQ(heap.Pop().value, 1);
  heap.Clear();
  heap.Push(3, 2);  // below the last popped key: allowed after Clear
  heap.Push(3, 3);
  EXPECT_EQ(heap.MinKey(), 3u);
  EXPECT_EQ(heap.Pop().key, 3u);
  EXPECT_EQ(heap.Pop().key, 3u);
  EXPECT_TRUE(heap.empty());
}

}  // namespace
}  // namespace azubimatch::engine::assignment_internal
