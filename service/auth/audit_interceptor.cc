#include "service/auth/audit_interceptor.h"

#include <algorithm>
#include <cstdint>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "azubimatch/v1/admin.pb.h"
#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/preferences.pb.h"
#include "azubimatch/v1/registry.pb.h"

namespace azubimatch::service {
namespace {

using grpc::experimental::InterceptionHookPoints;

// A record a call touched: its kind ("candidate", "offer", "company_policy") and id.
struct Subject {
  std::string kind;
  std::string id;

  friend bool operator<(const Subject& a, const Subject& b) {
    return std::tie(a.kind, a.id) < std::tie(b.kind, b.id);
  }
  friend bool operator==(const Subject& a, const Subject& b) = default;
};

// What one call has shown so far.
struct CallState {
  std::vector<Subject> subjects;
  // Import: stream positions of the candidate records received.
  int64_t received = 0;
  std::vector<int64_t> candidate_positions;
};

// Reads candidate ids from a message of a known type.
using Extractor = void (*)(const void* message, CallState* state);

struct AuditedMethod {
  AuditAction action;
  Extractor from_request = nullptr;
  Extractor from_response = nullptr;
};

template <typename M>
const M& As(const void* message) {
  return *static_cast<const M*>(message);
}

void Add(const std::string& id, CallState* state) {
  if (!id.empty()) state->subjects.push_back({"candidate", id});
}

// The owner of a ranking (a candidate, or an offer) and, for an offer's ranking, the
// candidates it names.
void AddRanking(v1::RankingSide side, const std::string& owner_id,
                const google::protobuf::RepeatedPtrField<std::string>& ranked_ids,
                CallState* state) {
  if (side == v1::RANKING_SIDE_OFFER) {
    if (!owner_id.empty()) state->subjects.push_back({"offer", owner_id});
    for (const std::string& id : ranked_ids) Add(id, state);
  } else {
    Add(owner_id, state);
  }
}

// A member's company policy; an empty id stands for the caller's member (filled in when
// the entry is recorded).
void AddCompanyPolicy(const std::string& member_id, CallState* state) {
  state->subjects.push_back({"company_policy", member_id});
}

// Every candidate a run names: the placed and the unmatched.
void AddCandidatesOf(const v1::Run& run, CallState* state) {
  for (const auto& placement : run.placements()) Add(placement.candidate_id(), state);
  for (const auto& unmatched : run.unmatched()) Add(unmatched.candidate_id(), state);
}

const absl::flat_hash_map<std::string, AuditedMethod>& Methods() {
  static const auto* methods = new absl::flat_hash_map<std::string, AuditedMethod>{
      // Registry.
      {"/azubimatch.v1.Registry/GetCandidate",
       {AuditAction::kRead,
        [](const void* m, CallState* s) { Add(As<v1::GetRecordRequest>(m).id(), s); }}},
      {"/azubimatch.v1.Registry/ListCandidates",
       {AuditAction::kRead, nullptr,
        [](const void* m, CallState* s) {
          for (const auto& c : As<v1::ListCandidatesResponse>(m).candidates())
            Add(c.id(), s);
        }}},
      {"/azubimatch.v1.Registry/CreateCandidate",
       {AuditAction::kWrite, nullptr,
        [](const void* m, CallState* s) { Add(As<v1::Candidate>(m).id(), s); }}},
      {"/azubimatch.v1.Registry/UpdateCandidate",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          Add(As<v1::UpdateCandidateRequest>(m).candidate().id(), s);
        }}},
      {"/azubimatch.v1.Registry/UpsertCandidate",
       {AuditAction::kWrite, nullptr,
        [](const void* m, CallState* s) {
          Add(As<v1::UpsertCandidateResponse>(m).candidate().id(), s);
        }}},
      {"/azubimatch.v1.Registry/DeleteCandidate",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          Add(As<v1::DeleteRecordRequest>(m).id(), s);
        }}},
      {"/azubimatch.v1.Registry/Import",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          if (As<v1::ImportRequest>(m).has_candidate()) {
            s->candidate_positions.push_back(s->received);
          }
          ++s->received;
        },
        [](const void* m, CallState* s) {
          const auto& ids = As<v1::ImportResponse>(m).ids();
          for (int64_t position : s->candidate_positions) {
            if (position < ids.size()) Add(ids[static_cast<int>(position)], s);
          }
        }}},
      // Matching.
      {"/azubimatch.v1.Matching/SuggestOffers",
       {AuditAction::kRead,
        [](const void* m, CallState* s) {
          Add(As<v1::SuggestOffersRequest>(m).candidate_id(), s);
        }}},
      {"/azubimatch.v1.Matching/SuggestCandidates",
       {AuditAction::kRead, nullptr,
        [](const void* m, CallState* s) {
          for (const auto& x : As<v1::SuggestionsResponse>(m).suggestions()) {
            Add(x.candidate_id(), s);
          }
        }}},
      {"/azubimatch.v1.Matching/Explain",
       {AuditAction::kRead,
        [](const void* m, CallState* s) {
          Add(As<v1::ExplainRequest>(m).candidate_id(), s);
        }}},
      // Runs name every candidate of their pool (analysts get them without: no subject).
      {"/azubimatch.v1.Matching/GetRun",
       {AuditAction::kRead, nullptr,
        [](const void* m, CallState* s) { AddCandidatesOf(As<v1::Run>(m), s); }}},
      {"/azubimatch.v1.Matching/Assign",
       {AuditAction::kRead, nullptr,
        [](const void* m, CallState* s) {
          const auto& event = As<v1::AssignEvent>(m);
          if (event.has_run()) AddCandidatesOf(event.run(), s);
        }}},
      {"/azubimatch.v1.Matching/AcceptPlacement",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          Add(As<v1::AcceptPlacementRequest>(m).candidate_id(), s);
        }}},
      {"/azubimatch.v1.Matching/RejectPlacement",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          Add(As<v1::RejectPlacementRequest>(m).candidate_id(), s);
        }}},
      {"/azubimatch.v1.Matching/WithdrawPlacement",
       {AuditAction::kWrite, nullptr,
        [](const void* m, CallState* s) {
          Add(As<v1::Placement>(m).candidate_id(), s);
        }}},
      {"/azubimatch.v1.Matching/AdvancePlacement",
       {AuditAction::kWrite, nullptr,
        [](const void* m, CallState* s) {
          Add(As<v1::Placement>(m).candidate_id(), s);
        }}},
      {"/azubimatch.v1.Matching/ListPlacements",
       {AuditAction::kRead, nullptr,
        [](const void* m, CallState* s) {
          for (const auto& p : As<v1::ListPlacementsResponse>(m).placements()) {
            Add(p.candidate_id(), s);
          }
        }}},
      // Preferences: rankings (matchctl's `rank import` sets them one by one) and
      // company policies.
      {"/azubimatch.v1.Preferences/SetRanking",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          const auto& request = As<v1::SetRankingRequest>(m);
          AddRanking(request.side(), request.owner_id(), request.ranked_ids(), s);
        }}},
      {"/azubimatch.v1.Preferences/ClearRanking",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          const auto& request = As<v1::ClearRankingRequest>(m);
          AddRanking(request.side(), request.owner_id(), {}, s);
        }}},
      {"/azubimatch.v1.Preferences/SetCompanyPolicy",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          AddCompanyPolicy(As<v1::SetCompanyPolicyRequest>(m).member_id(), s);
        }}},
      {"/azubimatch.v1.Preferences/ClearCompanyPolicy",
       {AuditAction::kWrite,
        [](const void* m, CallState* s) {
          AddCompanyPolicy(As<v1::ClearCompanyPolicyRequest>(m).member_id(), s);
        }}},
      // Data protection.
      {"/azubimatch.v1.DataProtection/EraseCandidate",
       {AuditAction::kErase,
        [](const void* m, CallState* s) {
          Add(As<v1::EraseCandidateRequest>(m).id(), s);
        }}},
      {"/azubimatch.v1.DataProtection/ExportCandidate",
       {AuditAction::kExport,
        [](const void* m, CallState* s) {
          Add(As<v1::ExportCandidateRequest>(m).id(), s);
        }}},
  };
  return *methods;
}

class AuditInterceptor final : public grpc::experimental::Interceptor {
 public:
  AuditInterceptor(grpc::experimental::ServerRpcInfo* info, const AuditedMethod* method,
                   AuditLog* audit, CallerResolver* resolver)
      : info_(info), method_(method), audit_(audit), resolver_(resolver) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        method_->from_request != nullptr) {
      if (const void* message = methods->GetRecvMessage())
        method_->from_request(message, &state_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_MESSAGE) &&
        method_->from_response != nullptr) {
      if (const void* message = methods->GetSendMessage())
        method_->from_response(message, &state_);
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      absl::Status recorded = Record(static_cast<absl::StatusCode>(status.error_code()));
      if (!recorded.ok()) {
        methods->ModifySendStatus(grpc::Status(
            grpc::StatusCode::UNAVAILABLE,
            "audit log: the access could not be recorded; nothing was returned"));
        if (methods->QueryInterceptionHookPoint(
                InterceptionHookPoints::PRE_SEND_MESSAGE)) {
          if (grpc::ByteBuffer* buffer = methods->GetSerializedSendMessage())
            buffer->Clear();
        }
      }
    }
    methods->Proceed();
  }

 private:
  absl::Status Record(absl::StatusCode code) {
    Caller caller;
    if (absl::StatusOr<Caller> resolved = resolver_->Resolve(*info_->server_context());
        resolved.ok()) {
      caller = *std::move(resolved);
    }
    std::vector<Subject>& subjects = state_.subjects;
    for (Subject& subject : subjects) {
      if (subject.kind == "company_policy" && subject.id.empty()) {
        subject.id = caller.member_id;
      }
    }
    std::sort(subjects.begin(), subjects.end());
    subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
    if (subjects.empty()) subjects.push_back({"candidate", ""});
    std::vector<AuditEvent> events;
    events.reserve(subjects.size());
    for (Subject& subject : subjects) {
      AuditEvent& event = events.emplace_back();
      event.action = method_->action;
      event.rpc = info_->method();
      event.subject_kind = std::move(subject.kind);
      event.subject_id = std::move(subject.id);
      event.code = code;
    }
    return audit_->AppendAll(caller, events);
  }

  grpc::experimental::ServerRpcInfo* const info_;
  const AuditedMethod* const method_;
  AuditLog* const audit_;
  CallerResolver* const resolver_;
  CallState state_;
};

}  // namespace

grpc::experimental::Interceptor* AuditInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  auto it = Methods().find(std::string(info->method()));
  if (it == Methods().end()) return nullptr;
  return new AuditInterceptor(info, &it->second, audit_, resolver_);
}

std::vector<std::string> AuditedMethods() {
  std::vector<std::string> methods;
  for (const auto& [name, method] : Methods()) methods.push_back(name);
  std::sort(methods.begin(), methods.end());
  return methods;
}

}  // namespace azubimatch::service
