#include "clients/demo/ascii_slug.h"

#include <utility>

#include "absl/strings/match.h"

namespace azubimatch::clients {
namespace {

// UTF-8 letter -> ASCII replacement, lower and upper case.
constexpr std::pair<absl::string_view, absl::string_view> kTransliterations[] = {
    {"ä", "ae"}, {"Ä", "ae"}, {"ö", "oe"}, {"Ö", "oe"}, {"ü", "ue"}, {"Ü", "ue"},
    {"ß", "ss"}, {"ı", "i"},  {"İ", "i"},  {"ş", "s"},  {"Ş", "s"},  {"ç", "c"},
    {"Ç", "c"},  {"ğ", "g"},  {"Ğ", "g"},  {"č", "c"},  {"Č", "c"},  {"ć", "c"},
    {"Ć", "c"},  {"š", "s"},  {"Š", "s"},  {"ž", "z"},  {"Ž", "z"},  {"đ", "dj"},
    {"Đ", "dj"}, {"ł", "l"},  {"Ł", "l"},  {"ń", "n"},  {"ó", "o"},  {"ś", "s"},
    {"Ś", "s"},  {"ź", "z"},  {"ż", "z"},  {"Ż", "z"},  {"ą", "a"},  {"ę", "e"},
    {"ă", "a"},  {"â", "a"},  {"î", "i"},  {"ș", "s"},  {"Ș", "s"},  {"ț", "t"},
    {"Ț", "t"},  {"ë", "e"},  {"é", "e"},  {"è", "e"},  {"ê", "e"},  {"á", "a"},
    {"à", "a"},  {"ã", "a"},  {"í", "i"},  {"ú", "u"},  {"õ", "o"},  {"ô", "o"},
};

}  // namespace

std::string AsciiSlug(absl::string_view utf8) {
  std::string out;
  bool pending_dash = false;
  auto append = [&](absl::string_view s) {
    if (pending_dash && !out.empty()) out.push_back('-');
    pending_dash = false;
    out.append(s.data(), s.size());
  };
  size_t i = 0;
  while (i < utf8.size()) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      append(absl::string_view(&utf8[i], 1));
      ++i;
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      const char lower = static_cast<char>(c - 'A' + 'a');
      append(absl::string_view(&lower, 1));
      ++i;
      continue;
    }
    bool replaced = false;
    for (const auto& [from, to] : kTransliterations) {
      if (absl::StartsWith(utf8.substr(i), from)) {
        append(to);
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    // Anything else (space, punctuation, an unknown letter): one separator; skip the
    // whole UTF-8 sequence.
    pending_dash = true;
    ++i;
    while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
  }
  return out;
}

}  // namespace azubimatch::clients
