#include "clients/matchctl/enum_names.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace azubimatch::matchctl {
namespace {

// The prefix every value name of `type` starts with, e.g. "CEFR_LEVEL_".
absl::string_view EnumPrefix(const google::protobuf::EnumDescriptor* type) {
  const google::protobuf::EnumValueDescriptor* zero = type->FindValueByNumber(0);
  if (zero == nullptr) return "";
  absl::string_view name = zero->name();
  if (!absl::ConsumeSuffix(&name, "UNSPECIFIED")) return "";
  return name;
}

// Lower case, with '-' and ' ' turned into '_', trimmed.
std::string Normalize(absl::string_view text) {
  std::string out(absl::StripAsciiWhitespace(text));
  for (char& c : out) {
    if (c == '-' || c == ' ') c = '_';
    c = absl::ascii_tolower(static_cast<unsigned char>(c));
  }
  return out;
}

struct Alias {
  absl::string_view enum_name;  // full name of the enum type
  absl::string_view alias;      // normalised
  absl::string_view value;      // short name it stands for
};

constexpr Alias kAliases[] = {
    {"azubimatch.v1.CefrLevel", "native", "c2"},
    {"azubimatch.v1.SchoolCertificate", "erster_schulabschluss", "hauptschulabschluss"},
    {"azubimatch.v1.SchoolCertificate", "realschulabschluss", "mittlerer_schulabschluss"},
    {"azubimatch.v1.SchoolCertificate", "allgemeine_hochschulreife", "abitur"},
};

}  // namespace

std::string EnumShortName(const google::protobuf::EnumDescriptor* type, int number) {
  const google::protobuf::EnumValueDescriptor* value = type->FindValueByNumber(number);
  if (value == nullptr) return absl::StrCat(number);
  absl::string_view name = value->name();
  absl::ConsumePrefix(&name, EnumPrefix(type));
  return absl::AsciiStrToLower(name);
}

absl::StatusOr<int> ParseEnumName(const google::protobuf::EnumDescriptor* type,
                                  absl::string_view text) {
  std::string wanted = Normalize(text);
  for (const Alias& alias : kAliases) {
    if (alias.enum_name == type->full_name() && alias.alias == wanted) {
      wanted = std::string(alias.value);
      break;
    }
  }
  const std::string lower_prefix = absl::AsciiStrToLower(EnumPrefix(type));
  for (int i = 0; i < type->value_count(); ++i) {
    const google::protobuf::EnumValueDescriptor* value = type->value(i);
    const std::string full = absl::AsciiStrToLower(value->name());
    if (full == wanted || full == absl::StrCat(lower_prefix, wanted)) {
      return value->number();
    }
  }
  return absl::InvalidArgumentError(absl::StrCat("unknown ", type->name(), " \"", text,
                                                 "\"; expected one of ",
                                                 EnumShortNameList(type)));
}

std::string EnumShortNameList(const google::protobuf::EnumDescriptor* type) {
  std::vector<std::string> names;
  for (int i = 0; i < type->value_count(); ++i) {
    if (type->value(i)->number() == 0) continue;
    names.push_back(EnumShortName(type, type->value(i)->number()));
  }
  return absl::StrJoin(names, ", ");
}

}  // namespace azubimatch::matchctl
