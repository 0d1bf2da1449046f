// The protobuf reflection types that the HTTP gateway's JSON printer
// (json_printer.cc) and request transcoding (request_transcoding.cc) walk messages
// with, by their short names inside azubimatch::service::http, declared once for both
// (and their tests). service::http is the gateway's own namespace: nothing outside
// service/http sees these names.
//
// Thread safety and complexity: declarations only.
#ifndef AZUBIMATCH_SERVICE_HTTP_REFLECTION_NAMES_H_
#define AZUBIMATCH_SERVICE_HTTP_REFLECTION_NAMES_H_

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"

namespace azubimatch::service::http {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_REFLECTION_NAMES_H_
