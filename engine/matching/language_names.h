// English names of the languages candidates and companies commonly list, for the
// sentences of explanations ("German B1 required, candidate has A2").
//
// Thread safety: pure function over constant data. Complexity: O(number of known codes).
#ifndef AZUBIMATCH_ENGINE_MATCHING_LANGUAGE_NAMES_H_
#define AZUBIMATCH_ENGINE_MATCHING_LANGUAGE_NAMES_H_

#include <string_view>

namespace azubimatch::engine {

// The English name for an ISO 639-1 code ("de" -> "German"); the code itself when it is
// not in the table.
std::string_view LanguageName(std::string_view iso_639_1);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_LANGUAGE_NAMES_H_
