#include "service/matching/request_validation.h"

#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "engine/base/input_rules.h"
#include "service/matching/proto_conversion.h"
#include "service/registry/field_checks.h"
#include "service/registry/validation.h"

namespace azubimatch::service {
namespace {

constexpr int kMaxMunicipalityLength = 200;
constexpr int kMaxMemberIdLength = 128;

std::string Join(absl::string_view path, absl::string_view field) {
  return engine::FieldPath(path, field);
}

std::string At(absl::string_view field, int index) { return engine::IndexedField(field, index); }

void CheckK(int k, FieldViolations* v) {
  if (k < 0 || k > kMaxSuggestions) {
    v->Add("k", absl::StrCat("must be 0..", kMaxSuggestions, " (0 = ", kDefaultSuggestions,
                             "), got ", k));
  }
}

void CheckPageSize(int page_size, int max, FieldViolations* v) {
  if (page_size < 0 || page_size > max) {
    v->Add("page_size", absl::StrCat("must be 0..", max, ", got ", page_size));
  }
}

void CheckPairs(absl::string_view field,
                const google::protobuf::RepeatedPtrField<v1::CandidateOfferPair>& pairs,
                FieldViolations* v) {
  if (pairs.size() > kMaxPairsPerList) {
    v->Add(std::string(field), absl::StrCat("at most ", kMaxPairsPerList, " pairs"));
    return;
  }
  for (int i = 0; i < pairs.size(); ++i) {
    CheckRecordIdField(Join(At(field, i), "candidate_id"), pairs[i].candidate_id(), true, v);
    CheckRecordIdField(Join(At(field, i), "offer_id"), pairs[i].offer_id(), true, v);
  }
}

void CheckPool(const v1::Pool& pool, FieldViolations* v) {
  const auto check_count = [&](absl::string_view field, int size) {
    if (size > kMaxPoolFilterValues) {
      v->Add(std::string(field), absl::StrCat("at most ", kMaxPoolFilterValues, " values"));
      return false;
    }
    return true;
  };
  if (check_count("pool.municipalities", pool.municipalities_size())) {
    for (int i = 0; i < pool.municipalities_size(); ++i) {
      CheckTextField(At("pool.municipalities", i), pool.municipalities(i), true,
                kMaxMunicipalityLength, v);
    }
  }
  if (check_count("pool.kldb_codes", pool.kldb_codes_size())) {
    for (int i = 0; i < pool.kldb_codes_size(); ++i) {
      CheckKldbField(At("pool.kldb_codes", i), pool.kldb_codes(i), v);
    }
  }
  if (check_count("pool.member_ids", pool.member_ids_size())) {
    for (int i = 0; i < pool.member_ids_size(); ++i) {
      CheckTextField(At("pool.member_ids", i), pool.member_ids(i), true, kMaxMemberIdLength, v);
    }
  }
  const size_t before = v->size();
  CheckDateField("pool.start_from", pool.has_start_from(), pool.start_from(),
                 /*required=*/false, v);
  CheckDateField("pool.start_to", pool.has_start_to(), pool.start_to(), /*required=*/false, v);
  const bool dates_ok = v->size() == before;
  if (dates_ok && pool.has_start_from() && pool.has_start_to() &&
      ToEngineDate(pool.start_to()) < ToEngineDate(pool.start_from())) {
    v->Add("pool.start_to", "must not be before pool.start_from");
  }
}

// The fields Accept and Reject share.
void CheckDecision(const std::string& candidate_id, const std::string& offer_id,
                   const std::string& run_id, const std::string& note, FieldViolations* v) {
  CheckRecordIdField("candidate_id", candidate_id, true, v);
  CheckRecordIdField("offer_id", offer_id, true, v);
  CheckRecordIdField("run_id", run_id, false, v);
  CheckTextField("note", note, false, kMaxNoteLength, v);
}

}  // namespace

void CheckPolicyOverrides(const v1::ScoringPolicyOverrides& overrides,
                          const engine::ScoringPolicy& base, absl::string_view path,
                          FieldViolations* v) {
  bool weights_ok = true;
  const auto check_weight = [&](bool present, double weight, absl::string_view name) {
    if (!present) return;
    if (!std::isfinite(weight) || weight < 0.0 || weight > kMaxWeight) {
      v->Add(Join(path, name), absl::StrCat("must be a number in [0, ", kMaxWeight, "]"));
      weights_ok = false;
    }
  };
  check_weight(overrides.has_occupation_weight(), overrides.occupation_weight(),
               "occupation_weight");
  check_weight(overrides.has_language_weight(), overrides.language_weight(),
               "language_weight");
  check_weight(overrides.has_commute_weight(), overrides.commute_weight(), "commute_weight");
  check_weight(overrides.has_certificate_weight(), overrides.certificate_weight(),
               "certificate_weight");
  check_weight(overrides.has_date_weight(), overrides.date_weight(), "date_weight");
  if (!weights_ok) return;
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(base, overrides);
  const double sum = policy.occupation_weight + policy.language_weight +
                     policy.commute_weight + policy.certificate_weight +
                     policy.date_weight;
  if (!(sum > 0.0)) {
    v->Add(std::string(path), "the weights in effect must not all be 0");
    return;
  }
  const absl::Status engine_check = engine::ValidateScoringPolicy(policy);
  if (!engine_check.ok()) v->Add(std::string(path), std::string(engine_check.message()));
}

absl::Status ValidateSuggestOffersRequest(const v1::SuggestOffersRequest& request,
                                          const engine::ScoringPolicy& base) {
  FieldViolations v;
  CheckRecordIdField("candidate_id", request.candidate_id(), true, &v);
  CheckK(request.k(), &v);
  if (!request.municipality().empty()) {
    CheckTextField("municipality", request.municipality(), true, kMaxMunicipalityLength, &v);
  }
  if (!request.kldb_code().empty()) CheckKldbField("kldb_code", request.kldb_code(), &v);
  CheckPolicyOverrides(request.policy(), base, "policy", &v);
  return v.ToStatus();
}

absl::Status ValidateSuggestCandidatesRequest(const v1::SuggestCandidatesRequest& request,
                                              const engine::ScoringPolicy& base) {
  FieldViolations v;
  CheckRecordIdField("offer_id", request.offer_id(), true, &v);
  CheckK(request.k(), &v);
  if (!request.municipality().empty()) {
    CheckTextField("municipality", request.municipality(), true, kMaxMunicipalityLength, &v);
  }
  CheckPolicyOverrides(request.policy(), base, "policy", &v);
  return v.ToStatus();
}

absl::Status ValidateExplainRequest(const v1::ExplainRequest& request,
                                    const engine::ScoringPolicy& base) {
  FieldViolations v;
  CheckRecordIdField("candidate_id", request.candidate_id(), true, &v);
  CheckRecordIdField("offer_id", request.offer_id(), true, &v);
  CheckPolicyOverrides(request.policy(), base, "policy", &v);
  return v.ToStatus();
}

absl::Status ValidateAssignRequest(const v1::AssignRequest& request,
                                   const engine::ScoringPolicy& base) {
  FieldViolations v;
  if (request.mode() == v1::ASSIGN_MODE_UNSPECIFIED) {
    v.Add("mode",
          "required: ASSIGN_MODE_OPTIMAL, ASSIGN_MODE_STABLE, "
          "ASSIGN_MODE_STABLE_OFFER_PROPOSING, ASSIGN_MODE_BEST_STABLE or ASSIGN_MODE_GREEDY");
  } else if (!v1::AssignMode_IsValid(request.mode())) {
    v.Add("mode", absl::StrCat("unknown value ", request.mode()));
  }
  CheckPool(request.pool(), &v);
  CheckPairs("locked", request.locked(), &v);
  CheckPairs("banned", request.banned(), &v);
  if (request.locked_size() <= kMaxPairsPerList) {
    absl::flat_hash_set<std::string> locked_candidates;
    for (int i = 0; i < request.locked_size(); ++i) {
      if (!locked_candidates.insert(request.locked(i).candidate_id()).second) {
        v.Add(Join(At("locked", i), "candidate_id"), "candidate is locked twice");
      }
    }
  }
  CheckPolicyOverrides(request.policy(), base, "policy", &v);
  CheckTextField("label", request.label(), false, kMaxLabelLength, &v);
  return v.ToStatus();
}

absl::Status ValidateGetRunRequest(const v1::GetRunRequest& request) {
  FieldViolations v;
  CheckRecordIdField("id", request.id(), true, &v);
  return v.ToStatus();
}

absl::Status ValidateListRunsRequest(const v1::ListRunsRequest& request) {
  FieldViolations v;
  CheckPageSize(request.page_size(), kMaxRunsPageSize, &v);
  return v.ToStatus();
}

absl::Status ValidateAcceptPlacementRequest(const v1::AcceptPlacementRequest& request) {
  FieldViolations v;
  CheckDecision(request.candidate_id(), request.offer_id(), request.run_id(), request.note(),
                &v);
  return v.ToStatus();
}

absl::Status ValidateRejectPlacementRequest(const v1::RejectPlacementRequest& request) {
  FieldViolations v;
  CheckDecision(request.candidate_id(), request.offer_id(), request.run_id(), request.note(),
                &v);
  if (request.reason() == v1::REJECT_REASON_UNSPECIFIED) {
    v.Add("reason", "required: a REJECT_REASON_* value");
  } else if (!v1::RejectReason_IsValid(request.reason())) {
    v.Add("reason", absl::StrCat("unknown value ", request.reason()));
  }
  return v.ToStatus();
}

absl::Status ValidateWithdrawPlacementRequest(const v1::WithdrawPlacementRequest& request) {
  FieldViolations v;
  CheckRecordIdField("id", request.id(), true, &v);
  CheckTextField("note", request.note(), false, kMaxNoteLength, &v);
  return v.ToStatus();
}

absl::Status ValidateAdvancePlacementRequest(const v1::AdvancePlacementRequest& request,
                                             engine::Date today) {
  FieldViolations v;
  CheckRecordIdField("id", request.id(), true, &v);
  const v1::PlacementStatus status = request.status();
  const bool ends_early = status == v1::PLACEMENT_STATUS_ENDED_EARLY;
  if (status == v1::PLACEMENT_STATUS_UNSPECIFIED) {
    v.Add("status",
          "required: PLACEMENT_STATUS_CONTRACT_SIGNED, PLACEMENT_STATUS_STARTED, "
          "PLACEMENT_STATUS_PROBATION_PASSED, PLACEMENT_STATUS_COMPLETED or "
          "PLACEMENT_STATUS_ENDED_EARLY");
  } else if (!v1::PlacementStatus_IsValid(status)) {
    v.Add("status", absl::StrCat("unknown value ", status));
  } else if (status < v1::PLACEMENT_STATUS_CONTRACT_SIGNED) {
    v.Add("status", absl::StrCat(v1::PlacementStatus_Name(status),
                                 " is not a lifecycle step; use Accept, Reject or "
                                 "WithdrawPlacement"));
  }
  const size_t before = v.size();
  CheckDateField("date", request.has_date(), request.date(), /*required=*/true, &v);
  if (v.size() == before && ToEngineDate(request.date()) > today) {
    v.Add("date",
          absl::StrCat("must not lie in the future (today is ", today.ToString(), ")"));
  }
  if (!v1::EndedBy_IsValid(request.ended_by())) {
    v.Add("ended_by", absl::StrCat("unknown value ", request.ended_by()));
  } else if (ends_early && request.ended_by() == v1::ENDED_BY_UNSPECIFIED) {
    v.Add("ended_by", "required for PLACEMENT_STATUS_ENDED_EARLY: an ENDED_BY_* value");
  } else if (!ends_early && request.ended_by() != v1::ENDED_BY_UNSPECIFIED) {
    v.Add("ended_by", "only for PLACEMENT_STATUS_ENDED_EARLY");
  }
  if (!v1::EarlyEndReason_IsValid(request.end_reason())) {
    v.Add("end_reason", absl::StrCat("unknown value ", request.end_reason()));
  } else if (ends_early && request.end_reason() == v1::EARLY_END_REASON_UNSPECIFIED) {
    v.Add("end_reason",
          "required for PLACEMENT_STATUS_ENDED_EARLY: an EARLY_END_REASON_* value");
  } else if (!ends_early && request.end_reason() != v1::EARLY_END_REASON_UNSPECIFIED) {
    v.Add("end_reason", "only for PLACEMENT_STATUS_ENDED_EARLY");
  }
  CheckTextField("note", request.note(), false, kMaxNoteLength, &v);
  if (request.version() < 0) v.Add("version", "must not be negative");
  return v.ToStatus();
}

absl::Status ValidateListPlacementsRequest(const v1::ListPlacementsRequest& request) {
  FieldViolations v;
  CheckRecordIdField("candidate_id", request.candidate_id(), false, &v);
  CheckRecordIdField("offer_id", request.offer_id(), false, &v);
  if (!v1::PlacementStatus_IsValid(request.status())) {
    v.Add("status", absl::StrCat("unknown value ", request.status()));
  }
  CheckPageSize(request.page_size(), kMaxPlacementsPageSize, &v);
  if (!request.page_token().empty() && !IsWellFormedRecordId(request.page_token())) {
    v.Add("page_token", "not a token this service returned");
  }
  return v.ToStatus();
}

}  // namespace azubimatch::service
