#include "clients/matchctl/record_table.h"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "azubimatch/v1/records.pb.h"
#include "clients/matchctl/enum_names.h"
#include "clients/matchctl/field_value.h"
#include "clients/matchctl/table_writer.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"

namespace azubimatch::matchctl {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

std::string DateText(const v1::Date& date) {
  if (date.year() == 0 && date.month() == 0 && date.day() == 0) return "-";
  return absl::StrFormat("%04d-%02d-%02d", date.year(), date.month(), date.day());
}

std::string SkillText(const v1::LanguageSkill& skill) {
  return absl::StrCat(
      skill.language(), ":",
      absl::AsciiStrToUpper(EnumShortName(v1::CefrLevel_descriptor(), skill.level())));
}

std::string OccupationText(const v1::Occupation& occupation) {
  std::string text = occupation.kldb_code();
  if (!occupation.title().empty()) absl::StrAppend(&text, " ", occupation.title());
  if (occupation.sector() != v1::SECTOR_UNSPECIFIED) {
    absl::StrAppend(&text, " (",
                    EnumShortName(v1::Sector_descriptor(), occupation.sector()), ")");
  }
  return text;
}

std::string Skills(const google::protobuf::RepeatedPtrField<v1::LanguageSkill>& skills) {
  return absl::StrJoin(skills, ", ", [](std::string* out, const v1::LanguageSkill& s) {
    out->append(SkillText(s));
  });
}

std::string YesNo(bool value) { return value ? "yes" : "no"; }

// Types with a short human form; the rest are flattened field by field.
bool HasShortForm(const google::protobuf::Descriptor* type) {
  return type == v1::Date::descriptor() || type == v1::LanguageSkill::descriptor() ||
         type == v1::Occupation::descriptor() ||
         type == google::protobuf::Timestamp::descriptor();
}

std::string ScalarText(const Message& message, const FieldDescriptor* field, int index) {
  return VisitFieldValue(message, field, index, [](const auto& value) -> std::string {
    using T = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<T, bool>) {
      return YesNo(value);
    } else if constexpr (std::is_arithmetic_v<T>) {
      return absl::StrCat(value);
    } else if constexpr (std::is_same_v<T, EnumNumber>) {
      return EnumShortName(value.type, value.number);
    } else if constexpr (std::is_same_v<T, std::string>) {
      return value;
    } else {
      return HumanMessageValue(value);
    }
  });
}

// Appends (path, value) lines for every field of `message`.
void Flatten(const Message& message, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>& lines) {
  const Reflection* r = message.GetReflection();
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* field = type->field(i);
    const std::string path = absl::StrCat(prefix, field->name());
    const bool nested = field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
                        !HasShortForm(field->message_type()) && !field->is_map();
    if (field->is_repeated()) {
      const int size = r->FieldSize(message, field);
      if (nested) {
        for (int j = 0; j < size; ++j) {
          Flatten(r->GetRepeatedMessage(message, field, j),
                  absl::StrCat(path, "[", j, "]."), lines);
        }
        if (size == 0) lines.emplace_back(path, "");
        continue;
      }
      std::vector<std::string> items;
      for (int j = 0; j < size; ++j) items.push_back(ScalarText(message, field, j));
      lines.emplace_back(path, absl::StrJoin(items, ", "));
    } else if (nested) {
      Flatten(r->GetMessage(message, field), absl::StrCat(path, "."), lines);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
               !r->HasField(message, field)) {
      lines.emplace_back(path, "-");
    } else {
      lines.emplace_back(path, ScalarText(message, field, -1));
    }
  }
}

std::string Municipality(const v1::Location& location) { return location.municipality(); }

}  // namespace

std::string HumanMessageValue(const Message& message) {
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  if (type == v1::Date::descriptor()) {
    return DateText(static_cast<const v1::Date&>(message));
  }
  if (type == v1::LanguageSkill::descriptor()) {
    return SkillText(static_cast<const v1::LanguageSkill&>(message));
  }
  if (type == v1::Occupation::descriptor()) {
    return OccupationText(static_cast<const v1::Occupation&>(message));
  }
  if (type == google::protobuf::Timestamp::descriptor()) {
    return google::protobuf::util::TimeUtil::ToString(
        static_cast<const google::protobuf::Timestamp&>(message));
  }
  return message.ShortDebugString();
}

void PrintRecordFields(const Message& record, std::ostream& out) {
  std::vector<std::pair<std::string, std::string>> lines;
  Flatten(record, "", lines);
  size_t width = 0;
  for (const auto& [path, value] : lines) width = std::max(width, path.size());
  for (const auto& [path, value] : lines) {
    std::string line =
        absl::StrCat(path, std::string(width - path.size() + 2, ' '), value);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

void PrintRecordTable(RecordKind kind,
                      const std::vector<std::unique_ptr<Message>>& records,
                      std::ostream& out) {
  switch (kind) {
    case RecordKind::kCompany: {
      TableWriter table({"ID", "EXTERNAL_ID", "NAME", "SECTOR", "MUNICIPALITY",
                         "LANGUAGES", "MAY_TRAIN", "TRAINERS", "STATUS"});
      table.AlignRight(7);
      for (const auto& message : records) {
        const auto& c = static_cast<const v1::Company&>(*message);
        table.AddRow({c.id(), c.external_id(), c.name(),
                      EnumShortName(v1::Sector_descriptor(), c.sector()),
                      Municipality(c.location()), absl::StrJoin(c.languages(), ","),
                      YesNo(c.may_train()), absl::StrCat(c.qualified_trainers()),
                      EnumShortName(v1::CompanyStatus_descriptor(), c.status())});
      }
      table.Print(out);
      break;
    }
    case RecordKind::kOffer: {
      TableWriter table({"ID", "EXTERNAL_ID", "COMPANY_ID", "KLDB", "OCCUPATION", "SEATS",
                         "TAKEN", "START", "MUNICIPALITY", "LANGUAGES", "STATUS"});
      table.AlignRight(5);
      table.AlignRight(6);
      for (const auto& message : records) {
        const auto& o = static_cast<const v1::TrainingOffer&>(*message);
        table.AddRow({o.id(), o.external_id(), o.company_id(), o.occupation().kldb_code(),
                      o.occupation().title(), absl::StrCat(o.seats()),
                      absl::StrCat(o.seats_taken()), DateText(o.start_date()),
                      Municipality(o.location()), Skills(o.required_languages()),
                      EnumShortName(v1::OfferStatus_descriptor(), o.status())});
      }
      table.Print(out);
      break;
    }
    case RecordKind::kCandidate: {
      TableWriter table({"ID", "EXTERNAL_ID", "NAME", "MUNICIPALITY", "TRAVEL", "MODE",
                         "CERTIFICATE", "LANGUAGES", "WISHES", "STATUS"});
      table.AlignRight(4);
      for (const auto& message : records) {
        const auto& c = static_cast<const v1::Candidate&>(*message);
        table.AddRow(
            {c.id(), c.external_id(), c.display_name(), Municipality(c.home()),
             absl::StrCat(c.travel_limit_minutes(), " min"),
             EnumShortName(v1::TravelMode_descriptor(), c.travel_mode()),
             EnumShortName(v1::SchoolCertificate_descriptor(), c.school_certificate()),
             Skills(c.languages()),
             absl::StrJoin(c.desired_occupations(), ",",
                           [](std::string* out, const v1::Occupation& o) {
                             out->append(o.kldb_code());
                           }),
             EnumShortName(v1::CandidateStatus_descriptor(), c.status())});
      }
      table.Print(out);
      break;
    }
  }
}

}  // namespace azubimatch::matchctl
