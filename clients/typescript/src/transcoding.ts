// HTTP transcoding on the client side: the route of an RPC comes from its google.api.http
// annotation (read from the generated descriptors, the same annotations matchd serves),
// and a request message becomes path, query string and JSON body by google's rules
// (google/api/http.proto): path variables name request fields, the `body` field (or every
// other field for "*") is the JSON body, and the remaining fields of GET and DELETE calls
// are query parameters under their proto names ("page_size=20").

import {
  getOption,
  hasOption,
  type DescField,
  type DescMessage,
  type DescMethod,
  type JsonObject,
  type JsonValue,
} from "@bufbuild/protobuf";
import { http } from "./gen/google/api/annotations_pb.js";
import { AzubimatchError, Code, statusOf } from "./errors.js";

/** Where and how one RPC is served over HTTP. */
export interface Route {
  httpMethod: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The template, e.g. "/v1/candidates/{candidate_id}:suggestOffers". */
  pathTemplate: string;
  /** "" (no body), "*" (the whole request) or a top-level field name. */
  body: string;
  /** The response field answered instead of the whole response ("" = the whole). */
  responseBody: string;
}

const routes = new WeakMap<DescMethod, Route>();

/** The route of `method`, from its google.api.http annotation. O(1) after the first call. */
export function routeOf(method: DescMethod): Route {
  let route = routes.get(method);
  if (route) return route;
  if (!hasOption(method, http)) {
    throw new Error(`${method.parent.typeName}.${method.name} has no google.api.http route`);
  }
  const rule = getOption(method, http);
  const pattern = rule.pattern;
  if (pattern.case === undefined || pattern.case === "custom") {
    throw new Error(`${method.parent.typeName}.${method.name}: unsupported HTTP rule`);
  }
  route = {
    httpMethod: pattern.case.toUpperCase() as Route["httpMethod"],
    pathTemplate: pattern.value,
    body: rule.body,
    responseBody: rule.responseBody,
  };
  routes.set(method, route);
  return route;
}

/** The field of `message` at the proto field path `path` ("company.id"), with its JSON keys. */
function fieldPath(message: DescMessage, path: string): DescField[] {
  const fields: DescField[] = [];
  let current: DescMessage | undefined = message;
  for (const name of path.split(".")) {
    const field: DescField | undefined = current?.fields.find((f) => f.name === name);
    if (!field) throw new Error(`${message.typeName} has no field ${path}`);
    fields.push(field);
    current = field.fieldKind === "message" ? field.message : undefined;
  }
  return fields;
}

function invalid(field: string, description: string): AzubimatchError {
  const status = statusOf(Code.INVALID_ARGUMENT, `${field}: ${description}`);
  const error = new AzubimatchError(status, 0);
  error.fieldViolations.push({ field, description });
  return error;
}

// Query parameters of one JSON value of `field` under `name` (proto field names;
// nested messages as name.sub=...).
function appendQuery(query: URLSearchParams, name: string, value: JsonValue, field?: DescField): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendQuery(query, name, item, field);
  } else if (typeof value === "object") {
    const type = field?.fieldKind === "message" ? field.message : undefined;
    for (const [key, item] of Object.entries(value)) {
      const sub = type?.fields.find((f) => f.jsonName === key);
      appendQuery(query, `${name}.${sub ? sub.name : key}`, item, sub);
    }
  } else {
    query.append(name, String(value));
  }
}

/** The path (with query string) and the JSON body of one call. */
export interface HttpRequestParts {
  path: string;
  body: string | undefined;
}

/**
 * Splits `json` (the request in the proto3 JSON mapping, lowerCamelCase keys) into path,
 * query and body for `route`. An empty path variable is refused here, as INVALID_ARGUMENT
 * naming the field, the way matchd names a missing required field.
 */
export function buildRequest(
  route: Route,
  input: DescMessage,
  json: JsonObject,
): HttpRequestParts {
  const rest: JsonObject = { ...json };
  const path = route.pathTemplate.replace(/\{([^}=]+)(=[^}]*)?\}/g, (_, variable: string) => {
    const fields = fieldPath(input, variable);
    let value: JsonValue | undefined = json;
    for (const field of fields) {
      value = value !== null && typeof value === "object" && !Array.isArray(value)
        ? value[field.jsonName]
        : undefined;
    }
    if (value === undefined || value === null || value === "") {
      throw invalid(variable, "required (it is part of the path)");
    }
    if (fields.length === 1) delete rest[fields[0].jsonName];
    return encodeURIComponent(String(value));
  });
  let body: string | undefined;
  const query = new URLSearchParams();
  if (route.body === "*") {
    body = JSON.stringify(rest);
  } else {
    if (route.body !== "") {
      const [field] = fieldPath(input, route.body);
      body = JSON.stringify(rest[field.jsonName] ?? {});
      delete rest[field.jsonName];
    }
    for (const [key, value] of Object.entries(rest)) {
      const field = input.fields.find((f) => f.jsonName === key);
      appendQuery(query, field ? field.name : key, value, field);
    }
  }
  const search = query.toString();
  return { path: search ? `${path}?${search}` : path, body };
}
