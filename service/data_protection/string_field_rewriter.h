// ReplaceInStringFields: replaces every occurrence of a text in every string and bytes
// field of a protobuf message, at any depth (sub-messages, repeated fields, map keys
// and values), through reflection. The erasure uses it to put a pseudonym in place of
// a candidate id in stored runs: the fields that name candidates (placements,
// unmatched, locked and banned pairs) and any free text that quotes the id, without
// listing those fields by hand, so a field added to Run later is covered too.
//
// Unknown fields (written by a newer schema) are not visited; callers that must not
// keep the text anywhere check the serialized result and discard unknown fields.
//
// Thread safety: thread-compatible (mutates `message`).
// Complexity: O(size of the message + number of replacements x field length).
// Order: occurrences are replaced left to right without overlap, as absl::StrReplaceAll.
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_STRING_FIELD_REWRITER_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_STRING_FIELD_REWRITER_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace azubimatch::service {

// Replaces `from` by `to` everywhere in `message`; returns the number of fields (or
// repeated elements) changed. REQUIRES: `from` is not empty.
int64_t ReplaceInStringFields(google::protobuf::Message* message, absl::string_view from,
                              absl::string_view to);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_STRING_FIELD_REWRITER_H_
