// Early-return helpers for absl::Status and absl::StatusOr, which Debian's Abseil
// (20220623) does not ship. Usable from any layer; no dependencies beyond Abseil.
#ifndef AZUBIMATCH_ENGINE_BASE_STATUS_MACROS_H_
#define AZUBIMATCH_ENGINE_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

// Evaluates `expr` (an absl::Status) and returns it from the enclosing function when
// it is not OK.
#define AZM_RETURN_IF_ERROR(expr)                  \
  do {                                             \
    ::absl::Status azm_status_ = (expr);           \
    if (!azm_status_.ok()) return azm_status_;     \
  } while (0)

#define AZM_STATUS_MACROS_CONCAT_INNER_(x, y) x##y
#define AZM_STATUS_MACROS_CONCAT_(x, y) AZM_STATUS_MACROS_CONCAT_INNER_(x, y)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status, otherwise
// moves the value into `lhs`, which may be a declaration: AZM_ASSIGN_OR_RETURN(auto x, F());
#define AZM_ASSIGN_OR_RETURN(lhs, rexpr)                                         \
  AZM_ASSIGN_OR_RETURN_IMPL_(AZM_STATUS_MACROS_CONCAT_(azm_statusor_, __LINE__), \
                             lhs, rexpr)
#define AZM_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                               \
  if (!statusor.ok()) return statusor.status();          \
  lhs = std::move(statusor).value()

#endif  // AZUBIMATCH_ENGINE_BASE_STATUS_MACROS_H_
