// @azubimatch/client: the TypeScript client of matchd's HTTP/JSON API. See README.md.

export {
  createClient,
  type AzubimatchClient,
  type CallOptions,
  type ClientOptions,
  type ClientStreamingMethod,
  type MatchingClient,
  type ServerStreamingMethod,
  type ServiceClient,
  type UnaryMethod,
} from "./client.js";
export { AzubimatchError, Code, type FieldViolation } from "./errors.js";
export { items, pages, type ItemOf, type ListMethod } from "./paging.js";
export { routeOf, type Route } from "./transcoding.js";

// The messages, enums and services of azubimatch.v1, generated from proto/ by protoc-gen-es.
export * from "./gen/azubimatch/v1/common_pb.js";
export * from "./gen/azubimatch/v1/records_pb.js";
export * from "./gen/azubimatch/v1/registry_pb.js";
export * from "./gen/azubimatch/v1/matching_pb.js";
export * from "./gen/azubimatch/v1/admin_pb.js";
export type { Status } from "./gen/google/rpc/status_pb.js";
export type { BadRequest, BadRequest_FieldViolation, RetryInfo } from "./gen/google/rpc/error_details_pb.js";
// create, toJson, fromJson, ... for the generated schemas.
export { create, fromJson, toJson, type MessageInitShape, type MessageShape } from "@bufbuild/protobuf";
export { timestampDate, timestampFromDate } from "@bufbuild/protobuf/wkt";
