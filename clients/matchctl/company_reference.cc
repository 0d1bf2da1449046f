#include "clients/matchctl/company_reference.h"

#include <map>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "azubimatch/v1/records.pb.h"
#include "clients/matchctl/registry_calls.h"

namespace azubimatch::matchctl {

std::vector<LineError> CheckCompanyReferences(const std::vector<ParsedRecord>& records) {
  std::vector<LineError> errors;
  for (const ParsedRecord& record : records) {
    if (!record.company_external_id.empty() && record.record.has_offer() &&
        !record.record.offer().company_id().empty()) {
      errors.push_back({record.line, "give company_id or company_external_id, not both"});
    }
  }
  return errors;
}

grpc::Status ResolveCompanyExternalIds(Context& context, std::vector<ParsedRecord>& records,
                                       std::vector<size_t>* unresolved) {
  std::map<std::string, std::string> company_ids;  // external_id -> id ("" = none)
  std::unique_ptr<RegistryCalls> calls;
  for (size_t i = 0; i < records.size(); ++i) {
    ParsedRecord& record = records[i];
    if (record.company_external_id.empty() || !record.record.has_offer()) continue;
    auto [it, inserted] = company_ids.try_emplace(record.company_external_id);
    if (inserted) {
      if (calls == nullptr) calls = NewRegistryCalls(RecordKind::kCompany, context);
      v1::ListRecordsRequest request;
      request.set_external_id(record.company_external_id);
      request.set_page_size(1);
      std::vector<std::unique_ptr<google::protobuf::Message>> found;
      std::string next_page_token;
      const grpc::Status status = calls->ListPage(request, &found, &next_page_token);
      if (!status.ok()) return status;
      if (!found.empty()) it->second = static_cast<const v1::Company&>(*found[0]).id();
    }
    if (it->second.empty()) {
      unresolved->push_back(i);
    } else {
      record.record.mutable_offer()->set_company_id(it->second);
    }
  }
  return grpc::Status::OK;
}

}  // namespace azubimatch::matchctl
