// Seeded, platform-independent hashing for breaking ties between equal scores.
//
// Ties are broken by hashes of the ids (not of positions), so a result depends on the
// seed and the pool's content but not on the order in which the pool lists its
// profiles. The hashes are fixed functions (FNV-1a and SplitMix64), identical on every
// platform and in every run, unlike absl::Hash, which is salted per process.
//
// Thread safety: pure functions. Complexity: O(length of the id).
#ifndef AZUBIMATCH_ENGINE_MATCHING_TIE_BREAK_H_
#define AZUBIMATCH_ENGINE_MATCHING_TIE_BREAK_H_

#include <cstdint>
#include <string_view>

namespace azubimatch::engine {

// SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer.
constexpr uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// 64-bit FNV-1a of the bytes of `id`.
constexpr uint64_t StableIdHash(std::string_view id) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char ch : id) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// Salts of the two lotteries of single tie-breaking (seeded_tie_breaking.h): the
// candidates' numbers (by which offers order tied candidates) and the offers' numbers
// (by which candidates order tied offers).
inline constexpr uint64_t kCandidateLotterySalt = 0x6c6f7474632d6964ULL;
inline constexpr uint64_t kOfferLotterySalt = 0x6c6f74746f2d6964ULL;

// The lottery number of the record with id hash `id_hash` (StableIdHash) on the side
// of `salt`, under `seed`: SplitMix64(SplitMix64(seed ^ salt) ^ id_hash).
constexpr uint64_t LotteryNumber(uint64_t seed, uint64_t salt, uint64_t id_hash) {
  return SplitMix64(SplitMix64(seed ^ salt) ^ id_hash);
}

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TIE_BREAK_H_
