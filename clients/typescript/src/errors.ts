// Errors of the azubimatch client: every refused call rejects with an AzubimatchError that
// carries the google.rpc.Status matchd answered (gRPC code, message, details) and, for
// INVALID_ARGUMENT, the google.rpc.BadRequest field violations.

import { createRegistry, fromJson, type JsonValue } from "@bufbuild/protobuf";
import { anyUnpack } from "@bufbuild/protobuf/wkt";
import {
  BadRequestSchema,
  RetryInfoSchema,
  file_google_rpc_error_details,
  type BadRequest_FieldViolation,
} from "./gen/google/rpc/error_details_pb.js";
import { StatusSchema, type Status } from "./gen/google/rpc/status_pb.js";

/** The canonical gRPC status codes (google.rpc.Code); `AzubimatchError.code` is one of them. */
export enum Code {
  OK = 0,
  CANCELLED = 1,
  UNKNOWN = 2,
  INVALID_ARGUMENT = 3,
  DEADLINE_EXCEEDED = 4,
  NOT_FOUND = 5,
  ALREADY_EXISTS = 6,
  PERMISSION_DENIED = 7,
  RESOURCE_EXHAUSTED = 8,
  FAILED_PRECONDITION = 9,
  ABORTED = 10,
  OUT_OF_RANGE = 11,
  UNIMPLEMENTED = 12,
  INTERNAL = 13,
  UNAVAILABLE = 14,
  DATA_LOSS = 15,
  UNAUTHENTICATED = 16,
}

/** One invalid field of a request: `field` is its path ("candidate.home.latitude"). */
export interface FieldViolation {
  field: string;
  description: string;
}

const detailTypes = createRegistry(file_google_rpc_error_details);

/**
 * A call matchd refused (or that never reached it).
 *
 * - `code`: the gRPC code of the google.rpc.Status body (`Code.INVALID_ARGUMENT`, ...);
 *   calls that failed before an answer (network, timeout, abort) get `UNAVAILABLE`,
 *   `DEADLINE_EXCEEDED` or `CANCELLED` and `httpStatus` 0.
 * - `httpStatus`: the HTTP status line (400, 404, 412, ...).
 * - `status`: the google.rpc.Status message; `fieldViolations` the BadRequest entries of its
 *   details, `retryDelayMs` the RetryInfo delay of a RESOURCE_EXHAUSTED.
 */
export class AzubimatchError extends Error {
  override readonly name = "AzubimatchError";
  readonly code: Code;
  readonly httpStatus: number;
  readonly status: Status;
  readonly fieldViolations: FieldViolation[];
  readonly retryDelayMs: number | undefined;

  constructor(status: Status, httpStatus: number, options?: { cause?: unknown }) {
    super(`${Code[status.code] ?? status.code}: ${status.message}`, options);
    this.code = status.code as Code;
    this.httpStatus = httpStatus;
    this.status = status;
    this.fieldViolations = [];
    let retry: number | undefined;
    for (const detail of status.details) {
      const badRequest = anyUnpack(detail, BadRequestSchema);
      if (badRequest) {
        this.fieldViolations.push(
          ...badRequest.fieldViolations.map((v: BadRequest_FieldViolation) => ({
            field: v.field,
            description: v.description,
          })),
        );
      }
      const retryInfo = anyUnpack(detail, RetryInfoSchema);
      if (retryInfo?.retryDelay) {
        retry = Number(retryInfo.retryDelay.seconds) * 1000 + retryInfo.retryDelay.nanos / 1e6;
      }
    }
    this.retryDelayMs = retry;
  }

  /** The code's name, e.g. "INVALID_ARGUMENT". */
  get codeName(): string {
    return Code[this.code] ?? String(this.code);
  }
}

/** A Status without details. */
export function statusOf(code: Code, message: string): Status {
  return fromJson(StatusSchema, { code, message });
}

// google.api's mapping of HTTP statuses to codes, for answers without a Status body
// (a proxy's 502, say).
function codeForHttpStatus(httpStatus: number): Code {
  switch (httpStatus) {
    case 400: return Code.INVALID_ARGUMENT;
    case 401: return Code.UNAUTHENTICATED;
    case 403: return Code.PERMISSION_DENIED;
    case 404: return Code.NOT_FOUND;
    case 409: return Code.ABORTED;
    case 412: return Code.FAILED_PRECONDITION;
    case 429: return Code.RESOURCE_EXHAUSTED;
    case 499: return Code.CANCELLED;
    case 501: return Code.UNIMPLEMENTED;
    case 502: case 503: return Code.UNAVAILABLE;
    case 504: return Code.DEADLINE_EXCEEDED;
    default: return httpStatus >= 500 ? Code.INTERNAL : Code.UNKNOWN;
  }
}

/** The error of a refused answer: its google.rpc.Status body, or one made from the HTTP status. */
export function errorFromBody(httpStatus: number, body: string): AzubimatchError {
  let json: JsonValue | undefined;
  try {
    json = JSON.parse(body) as JsonValue;
  } catch {
    json = undefined;
  }
  if (json !== null && typeof json === "object" && !Array.isArray(json) && "code" in json) {
    try {
      return new AzubimatchError(
        fromJson(StatusSchema, json, { registry: detailTypes, ignoreUnknownFields: true }),
        httpStatus,
      );
    } catch {
      // Details of unknown types: keep code and message.
      const message = typeof json.message === "string" ? json.message : "";
      const code = typeof json.code === "number" ? json.code : codeForHttpStatus(httpStatus);
      return new AzubimatchError(statusOf(code, message), httpStatus);
    }
  }
  const text = body.length > 200 ? body.slice(0, 200) + "..." : body;
  return new AzubimatchError(
    statusOf(codeForHttpStatus(httpStatus), `HTTP ${httpStatus}: ${text}`),
    httpStatus,
  );
}
