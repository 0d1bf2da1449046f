// Short, human-friendly names for the API's enum values, as the command line, the
// CSV import and the tables use them: CEFR_LEVEL_B1 <-> "b1",
// TRAVEL_MODE_PUBLIC_TRANSPORT <-> "public_transport", SECTOR_TRADE <-> "trade".
//
// The short name is the value name without the enum's prefix (the name of value 0
// minus "UNSPECIFIED"), in lower case. Parsing is case-insensitive, treats '-' and ' '
// like '_', accepts the full value name too, and knows a few domain aliases
// ("native" = C2; "realschulabschluss" = MITTLERER_SCHULABSCHLUSS;
// "erster_schulabschluss" = HAUPTSCHULABSCHLUSS; "allgemeine_hochschulreife" = ABITUR).
//
// Thread-safe (descriptors are immutable). O(values) per call.
#ifndef AZUBIMATCH_CLIENTS_MATCHCTL_ENUM_NAMES_H_
#define AZUBIMATCH_CLIENTS_MATCHCTL_ENUM_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace azubimatch::matchctl {

// "b1" for CEFR_LEVEL_B1; "unspecified" for value 0. Unknown numbers give their
// decimal form.
std::string EnumShortName(const google::protobuf::EnumDescriptor* type, int number);

// The number of the value named `text` (see above). InvalidArgument naming the
// accepted short names when nothing matches.
absl::StatusOr<int> ParseEnumName(const google::protobuf::EnumDescriptor* type,
                                  absl::string_view text);

// "a1, a2, b1, b2, c1, c2": the short names of every value except 0, for messages.
std::string EnumShortNameList(const google::protobuf::EnumDescriptor* type);

}  // namespace azubimatch::matchctl

#endif  // AZUBIMATCH_CLIENTS_MATCHCTL_ENUM_NAMES_H_
