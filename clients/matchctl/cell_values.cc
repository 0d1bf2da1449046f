#include "clients/matchctl/cell_values.h"

#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "clients/matchctl/enum_names.h"
#include "engine/base/input_rules.h"
#include "engine/base/status_macros.h"

namespace azubimatch::matchctl {
namespace {

absl::Status NotA(absl::string_view what, absl::string_view cell) {
  return absl::InvalidArgumentError(absl::StrCat("\"", cell, "\" is not ", what));
}

bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::vector<absl::string_view> SplitListCell(absl::string_view cell) {
  std::vector<absl::string_view> items;
  for (absl::string_view item : absl::StrSplit(cell, ';')) {
    item = absl::StripAsciiWhitespace(item);
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

absl::StatusOr<int32_t> ParseInt32Cell(absl::string_view cell) {
  int32_t value = 0;
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(cell), &value)) {
    return NotA("a whole number", cell);
  }
  return value;
}

absl::StatusOr<int64_t> ParseInt64Cell(absl::string_view cell) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(cell), &value)) {
    return NotA("a whole number", cell);
  }
  return value;
}

absl::StatusOr<double> ParseDecimalCell(absl::string_view cell) {
  std::string text(absl::StripAsciiWhitespace(cell));
  if (text.find('.') == std::string::npos) {
    const size_t comma = text.find(',');
    if (comma != std::string::npos && text.find(',', comma + 1) == std::string::npos) {
      text[comma] = '.';
    }
  }
  double value = 0;
  if (!absl::SimpleAtod(text, &value) || !std::isfinite(value)) {
    return NotA("a number", cell);
  }
  return value;
}

absl::StatusOr<v1::Date> ParseDateCell(absl::string_view cell) {
  const absl::string_view text = absl::StripAsciiWhitespace(cell);
  std::vector<absl::string_view> parts;
  bool german = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    parts = absl::StrSplit(text, '-');  // year, month, day
  } else if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
    parts = absl::StrSplit(text, '.');  // day, month, year
    german = true;
  }
  if (parts.size() != 3 || !AllDigits(parts[0]) || !AllDigits(parts[1]) ||
      !AllDigits(parts[2])) {
    return NotA("a date (YYYY-MM-DD or DD.MM.YYYY)", cell);
  }
  int year = 0, month = 0, day = 0;
  (void)absl::SimpleAtoi(german ? parts[2] : parts[0], &year);
  (void)absl::SimpleAtoi(parts[1], &month);
  (void)absl::SimpleAtoi(german ? parts[0] : parts[2], &day);
  if (!engine::IsValidDate(year, month, day)) {
    return NotA("a date that exists, in the years 1900..2200", cell);
  }
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

absl::StatusOr<bool> ParseBoolCell(absl::string_view cell) {
  const std::string text = absl::AsciiStrToLower(absl::StripAsciiWhitespace(cell));
  for (absl::string_view yes : {"true", "yes", "ja", "y", "j", "1", "x"}) {
    if (text == yes) return true;
  }
  for (absl::string_view no : {"false", "no", "nein", "n", "0"}) {
    if (text == no) return false;
  }
  return NotA("yes or no (true/false, yes/no, ja/nein, 1/0)", cell);
}

absl::StatusOr<std::vector<std::string>> ParseLanguageListCell(absl::string_view cell) {
  std::vector<std::string> languages;
  for (absl::string_view item : SplitListCell(cell)) {
    if (item.find(':') != absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("\"", item, "\": expected a language code alone, e.g. \"de;tr\""));
    }
    languages.push_back(absl::AsciiStrToLower(item));
  }
  return languages;
}

absl::StatusOr<std::vector<v1::LanguageSkill>> ParseLanguageSkillsCell(
    absl::string_view cell) {
  std::vector<v1::LanguageSkill> skills;
  for (absl::string_view item : SplitListCell(cell)) {
    std::vector<absl::string_view> parts = absl::StrSplit(item, ':');
    if (parts.size() != 2) {
      return absl::InvalidArgumentError(absl::StrCat(
          "\"", item, "\": expected language:level, e.g. \"de:B1\" (lists use ';')"));
    }
    v1::LanguageSkill skill;
    skill.set_language(absl::AsciiStrToLower(absl::StripAsciiWhitespace(parts[0])));
    AZM_ASSIGN_OR_RETURN(const int level,
                         ParseEnumName(v1::CefrLevel_descriptor(), parts[1]));
    skill.set_level(static_cast<v1::CefrLevel>(level));
    skills.push_back(std::move(skill));
  }
  return skills;
}

absl::StatusOr<std::vector<v1::Occupation>> ParseOccupationsCell(absl::string_view cell) {
  std::vector<v1::Occupation> occupations;
  for (absl::string_view item : SplitListCell(cell)) {
    std::vector<absl::string_view> parts = absl::StrSplit(item, '|');
    if (parts.size() > 3) {
      return absl::InvalidArgumentError(absl::StrCat(
          "\"", item,
          "\": expected kldb_code[|title[|sector]], e.g. \"62102|Kaufmann/-frau "
          "im Einzelhandel|trade\""));
    }
    v1::Occupation occupation;
    occupation.set_kldb_code(std::string(absl::StripAsciiWhitespace(parts[0])));
    if (parts.size() >= 2) {
      occupation.set_title(std::string(absl::StripAsciiWhitespace(parts[1])));
    }
    if (parts.size() == 3 && !absl::StripAsciiWhitespace(parts[2]).empty()) {
      AZM_ASSIGN_OR_RETURN(const int sector,
                           ParseEnumName(v1::Sector_descriptor(), parts[2]));
      occupation.set_sector(static_cast<v1::Sector>(sector));
    }
    occupations.push_back(std::move(occupation));
  }
  return occupations;
}

absl::StatusOr<std::vector<v1::Sector>> ParseSectorsCell(absl::string_view cell) {
  std::vector<v1::Sector> sectors;
  for (absl::string_view item : SplitListCell(cell)) {
    AZM_ASSIGN_OR_RETURN(const int sector, ParseEnumName(v1::Sector_descriptor(), item));
    sectors.push_back(static_cast<v1::Sector>(sector));
  }
  return sectors;
}

absl::StatusOr<std::vector<v1::Consent>> ParseConsentsCell(absl::string_view cell) {
  std::vector<v1::Consent> consents;
  for (absl::string_view item : SplitListCell(cell)) {
    std::vector<absl::string_view> parts = absl::StrSplit(item, '@');
    if (parts.size() > 2 || absl::StripAsciiWhitespace(parts[0]).empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "\"", item,
          "\": expected purpose[@YYYY-MM-DD], e.g. \"statistics@2024-05-01\""));
    }
    v1::Consent consent;
    consent.set_purpose(std::string(absl::StripAsciiWhitespace(parts[0])));
    if (parts.size() == 2) {
      AZM_ASSIGN_OR_RETURN(const v1::Date date, ParseDateCell(parts[1]));
      const absl::Time at = absl::FromCivil(
          absl::CivilDay(date.year(), date.month(), date.day()), absl::UTCTimeZone());
      consent.mutable_given_at()->set_seconds(absl::ToUnixSeconds(at));
    }
    consents.push_back(std::move(consent));
  }
  return consents;
}

}  // namespace azubimatch::matchctl
