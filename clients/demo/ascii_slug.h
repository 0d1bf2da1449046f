// AsciiSlug: turns a UTF-8 name into a lower-case ASCII slug for host names and
// e-mail addresses, e.g. "Yılmaz Kfz-Service GmbH" -> "yilmaz-kfz-service-gmbh".
//
// Letters of the languages in heritage_groups.h are transliterated (ä -> ae, ß -> ss,
// ı -> i, ş -> s, č -> c, đ -> dj, ł -> l, ț -> t, ...); any other run of characters
// becomes one '-', and leading and trailing '-' are dropped. Pure function; O(n).
#ifndef AZUBIMATCH_CLIENTS_DEMO_ASCII_SLUG_H_
#define AZUBIMATCH_CLIENTS_DEMO_ASCII_SLUG_H_

#include <string>

#include "absl/strings/string_view.h"

namespace azubimatch::clients {

std::string AsciiSlug(absl::string_view utf8);

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_ASCII_SLUG_H_
