#include "engine/matching/language_names.h"

namespace azubimatch::engine {
namespace {

struct LanguageEntry {
  std::string_view code;
  std::string_view name;
};

constexpr LanguageEntry kLanguages[] = {
    {"de", "German"},      {"en", "English"},    {"tr", "Turkish"},  {"it", "Italian"},
    {"el", "Greek"},       {"hr", "Croatian"},   {"pl", "Polish"},   {"ro", "Romanian"},
    {"ru", "Russian"},     {"uk", "Ukrainian"},  {"ar", "Arabic"},   {"ku", "Kurdish"},
    {"fa", "Farsi"},       {"fr", "French"},     {"es", "Spanish"},  {"pt", "Portuguese"},
    {"sq", "Albanian"},    {"sr", "Serbian"},    {"bs", "Bosnian"},  {"bg", "Bulgarian"},
    {"hu", "Hungarian"},   {"cs", "Czech"},      {"sk", "Slovak"},   {"sl", "Slovenian"},
    {"mk", "Macedonian"},  {"vi", "Vietnamese"}, {"zh", "Chinese"},  {"ps", "Pashto"},
    {"ti", "Tigrinya"},    {"so", "Somali"},     {"am", "Amharic"},  {"hi", "Hindi"},
    {"ur", "Urdu"},        {"ta", "Tamil"},      {"ka", "Georgian"}, {"hy", "Armenian"},
    {"az", "Azerbaijani"}, {"nl", "Dutch"},      {"he", "Hebrew"},   {"th", "Thai"},
};

}  // namespace

std::string_view LanguageName(std::string_view iso_639_1) {
  for (const LanguageEntry& entry : kLanguages) {
    if (entry.code == iso_639_1) return entry.name;
  }
  return iso_639_1;
}

}  // namespace azubimatch::engine
