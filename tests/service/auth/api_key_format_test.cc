#include "service/auth/api_key_format.h"

#include <set>

#include "gtest/gtest.h"
#include "service/auth/digest.h"
#include "service/auth/secure_random.h"

namespace azubimatch::service {
namespace {

TEST(ApiKeyFormatTest, GeneratedKeyHasPrefixIdAndBase32SecretOf256Bits) {
  absl::StatusOr<GeneratedApiKey> key = GenerateApiKey();
  ASSERT_TRUE(key.ok()) << key.status();
  EXPECT_EQ(key->key.size(), kApiKeyLength);
  EXPECT_EQ(key->key.substr(0, 4), "azm_");
  EXPECT_EQ(key->key.substr(4, kApiKeyIdLength), key->key_id);
  EXPECT_EQ(key->key[4 + kApiKeyIdLength], '_');
  // 52 base32 characters carry 260 bits, of which the 256 random ones.
  EXPECT_EQ(kApiKeySecretLength * 5, 260u);
  absl::StatusOr<std::string> id = ApiKeyIdOf(key->key);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, key->key_id);
}

TEST(ApiKeyFormatTest, ThousandKeysAreDistinctInIdAndSecret) {
  std::set<std::string> ids, keys;
  for (int i = 0; i < 1000; ++i) {
    absl::StatusOr<GeneratedApiKey> key = GenerateApiKey();
    ASSERT_TRUE(key.ok());
    ids.insert(key->key_id);
    keys.insert(key->key.substr(4 + kApiKeyIdLength + 1));
  }
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_EQ(keys.size(), 1000u);
}

TEST(ApiKeyFormatTest, MalformedKeysAreInvalidArgument) {
  absl::StatusOr<GeneratedApiKey> key = GenerateApiKey();
  ASSERT_TRUE(key.ok());
  std::string wrong_prefix = key->key;
  wrong_prefix[0] = 'x';
  std::string upper_secret = key->key;
  upper_secret.back() = 'A';
  std::string no_separator = key->key;
  no_separator[4 + kApiKeyIdLength] = '-';
  std::string bad_id = key->key;
  bad_id[5] = '_';
  for (const std::string& bad :
       {std::string(), std::string("azm_"), key->key + "a", key->key.substr(1),
        wrong_prefix, upper_secret, no_separator, bad_id}) {
    EXPECT_EQ(ApiKeyIdOf(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(ApiKeyFormatTest, StoredHashIsSha256OfTheWholeKey) {
  // FIPS 180-2 test vector.
  EXPECT_EQ(HexEncode(Sha256("abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ApiKeyHash("abc"), Sha256("abc"));
  EXPECT_EQ(ApiKeyHash("abc").size(), kDigestBytes);
}

TEST(ApiKeyFormatTest, HmacSha256MatchesRfc4231Vector) {
  // RFC 4231 test case 2.
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(ApiKeyFormatTest, Base32MatchesRfc4648LowerCaseWithoutPadding) {
  EXPECT_EQ(Base32Encode(""), "");
  EXPECT_EQ(Base32Encode("f"), "my");
  EXPECT_EQ(Base32Encode("fo"), "mzxq");
  EXPECT_EQ(Base32Encode("foo"), "mzxw6");
  EXPECT_EQ(Base32Encode("foob"), "mzxw6yq");
  EXPECT_EQ(Base32Encode("fooba"), "mzxw6ytb");
  EXPECT_EQ(Base32Encode("foobar"), "mzxw6ytboi");
}

TEST(ApiKeyFormatTest, ConstantTimeEqualsComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret!"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(SecureRandomTest, IdsUseOnlyTheAlphabetAndEveryCharacterAppears) {
  std::set<char> seen;
  for (int i = 0; i < 200; ++i) {
    absl::StatusOr<std::string> id = SecureRandomId(16);
    ASSERT_TRUE(id.ok());
    ASSERT_EQ(id->size(), 16u);
    for (char c : *id) {
      ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) << *id;
      seen.insert(c);
    }
  }
  // 3200 draws over 36 characters: each is missed with probability < 1e-37.
  EXPECT_EQ(seen.size(), 36u);
}

}  // namespace
}  // namespace azubimatch::service
