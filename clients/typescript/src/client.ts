// The azubimatch client: one method per RPC of every azubimatch.v1 service, called over
// matchd's HTTP/JSON listener (`matchd --http-listen`) with `fetch`. The methods are built
// from the generated service descriptors and their google.api.http routes, so a new RPC
// in the protos needs no change here. Only standard web APIs are used (fetch, URL,
// AbortSignal, TextDecoder, ReadableStream): the same code runs in Node >= 20 and browsers.

import {
  create,
  fromJson,
  toJson,
  type DescMessage,
  type DescMethod,
  type DescService,
  type JsonObject,
  type JsonValue,
  type MessageInitShape,
  type MessageShape,
} from "@bufbuild/protobuf";
import { Admin, DataProtection } from "./gen/azubimatch/v1/admin_pb.js";
import {
  Matching,
  type AssignEvent,
  type AssignRequestSchema,
  type Run,
} from "./gen/azubimatch/v1/matching_pb.js";
import { Registry } from "./gen/azubimatch/v1/registry_pb.js";
import { AzubimatchError, Code, errorFromBody, statusOf } from "./errors.js";
import { readServerSentEvents } from "./sse.js";
import { buildRequest, routeOf } from "./transcoding.js";

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call (rejects with CANCELLED). */
  signal?: AbortSignal;
  /** Deadline in milliseconds; overrides the client's `timeoutMs`; 0 = none. */
  timeoutMs?: number;
  /** Extra request headers, e.g. { "X-Request-Id": "..." }. */
  headers?: Record<string, string>;
}

/** Options of a client. */
export interface ClientOptions {
  /** Where matchd serves HTTP/JSON, e.g. "http://127.0.0.1:8080" (a path prefix is kept). */
  baseUrl: string;
  /** An API key, sent as `Authorization: Bearer <key>`. Omitted: no key (only /openapi.json works). */
  apiKey?: string;
  /** Deadline of each call in milliseconds; 0 = none. Default: 30000. */
  timeoutMs?: number;
  /** Headers sent with every call. */
  headers?: Record<string, string>;
  /** The fetch to use. Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
}

/** A unary RPC: the request (fields may be left out) in, the response out. */
export type UnaryMethod<I extends DescMessage, O extends DescMessage> = (
  request?: MessageInitShape<I>,
  options?: CallOptions,
) => Promise<MessageShape<O>>;

/** A client-streaming RPC (Registry.import): all requests in one HTTP call. */
export type ClientStreamingMethod<I extends DescMessage, O extends DescMessage> = (
  requests: Iterable<MessageInitShape<I>>,
  options?: CallOptions,
) => Promise<MessageShape<O>>;

/** A server-streaming RPC as server-sent events: every message as it comes. */
export type ServerStreamingMethod<I extends DescMessage, O extends DescMessage> = (
  request?: MessageInitShape<I>,
  options?: CallOptions,
) => AsyncIterable<MessageShape<O>>;

/**
 * The methods of service `S`, by their lowerCamelCase names (`createCompany`, ...).
 * A server-streaming RPC `x` has `x` (waits, answers the final message, or its
 * `response_body` field) and `xEvents` (streams every message as server-sent events).
 */
export type ServiceClient<S extends DescService> = {
  [K in keyof S["method"]]: S["method"][K] extends {
    methodKind: "client_streaming";
    input: infer I extends DescMessage;
    output: infer O extends DescMessage;
  }
    ? ClientStreamingMethod<I, O>
    : S["method"][K] extends { input: infer I extends DescMessage; output: infer O extends DescMessage }
      ? UnaryMethod<I, O>
      : never;
} & {
  [K in keyof S["method"] as S["method"][K] extends { methodKind: "server_streaming" }
    ? `${K & string}Events`
    : never]: S["method"][K] extends { input: infer I extends DescMessage; output: infer O extends DescMessage }
    ? ServerStreamingMethod<I, O>
    : never;
};

/** Matching, with `assign` typed as what POST /v1/runs answers: the stored Run. */
export type MatchingClient = Omit<ServiceClient<typeof Matching>, "assign"> & {
  /** Computes an assignment run and answers the stored Run (POST /v1/runs). */
  assign(request?: MessageInitShape<typeof AssignRequestSchema>, options?: CallOptions): Promise<Run>;
  /** The same run, streamed: progress events, then `{ event: { case: "run", value } }`. */
  assignEvents(
    request?: MessageInitShape<typeof AssignRequestSchema>,
    options?: CallOptions,
  ): AsyncIterable<AssignEvent>;
};

/** One client per matchd: a property per service. Safe to share; holds no connection state. */
export interface AzubimatchClient {
  registry: ServiceClient<typeof Registry>;
  matching: MatchingClient;
  admin: ServiceClient<typeof Admin>;
  dataProtection: ServiceClient<typeof DataProtection>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

class Transport {
  private readonly base: string;
  private readonly fetchFn: typeof globalThis.fetch;

  constructor(private readonly options: ClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, "");
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== "function") throw new Error("azubimatch: no fetch available");
    this.fetchFn = fetchFn.bind(globalThis);
  }

  private headers(call: CallOptions | undefined, accept: string, hasBody: boolean): Headers {
    const headers = new Headers(this.options.headers);
    for (const [name, value] of Object.entries(call?.headers ?? {})) headers.set(name, value);
    headers.set("Accept", accept);
    if (hasBody) headers.set("Content-Type", "application/json");
    if (this.options.apiKey) headers.set("Authorization", `Bearer ${this.options.apiKey}`);
    return headers;
  }

  private signal(call: CallOptions | undefined): AbortSignal | undefined {
    const timeout = call?.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signals: AbortSignal[] = [];
    if (call?.signal) signals.push(call.signal);
    if (timeout > 0) signals.push(AbortSignal.timeout(timeout));
    if (signals.length <= 1) return signals[0];
    if (typeof AbortSignal.any === "function") return AbortSignal.any(signals);
    const combined = new AbortController();  // browsers and Node releases without any()
    for (const s of signals) {
      if (s.aborted) combined.abort(s.reason);
      else s.addEventListener("abort", () => combined.abort(s.reason), { once: true });
    }
    return combined.signal;
  }

  /** Sends one HTTP request; resolves with the Response of a 2xx answer, else rejects. */
  async send(
    httpMethod: string,
    path: string,
    body: string | undefined,
    accept: string,
    call: CallOptions | undefined,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method: httpMethod,
        headers: this.headers(call, accept, body !== undefined),
        body,
        signal: this.signal(call),
      });
    } catch (cause) {
      throw transportError(cause);
    }
    if (!response.ok) {
      throw errorFromBody(response.status, await response.text().catch(() => ""));
    }
    return response;
  }
}

/** The error of a call that got no answer: aborted, timed out or unreachable. */
function transportError(cause: unknown): AzubimatchError {
  if (cause instanceof AzubimatchError) return cause;
  const name = (cause as { name?: string } | null)?.name;
  const message = cause instanceof Error ? cause.message : String(cause);
  const code = name === "TimeoutError" ? Code.DEADLINE_EXCEEDED
    : name === "AbortError" ? Code.CANCELLED
    : Code.UNAVAILABLE;
  return new AzubimatchError(statusOf(code, message), 0, { cause });
}

function requestJson(input: DescMessage, request: unknown): JsonObject {
  const message = create(input, (request ?? {}) as MessageInitShape<DescMessage>);
  return toJson(input, message) as JsonObject;
}

// The message type of the answer: the output, or its `response_body` field's message.
function answerType(method: DescMethod, responseBody: string): DescMessage {
  if (responseBody === "") return method.output;
  const field = method.output.fields.find((f) => f.name === responseBody);
  if (!field || field.fieldKind !== "message") {
    throw new Error(`${method.name}: response_body ${responseBody} is not a message field`);
  }
  return field.message;
}

function parseAnswer(type: DescMessage, text: string): MessageShape<DescMessage> {
  try {
    return fromJson(type, (text.trim() === "" ? {} : JSON.parse(text)) as JsonValue, {
      ignoreUnknownFields: true,
    });
  } catch (cause) {
    throw new AzubimatchError(
      statusOf(Code.INTERNAL, `unparsable ${type.typeName} answer: ${String(cause)}`), 200,
      { cause });
  }
}

function unaryMethod(transport: Transport, method: DescMethod) {
  const route = routeOf(method);
  const type = answerType(method, route.responseBody);
  return async (request?: unknown, options?: CallOptions) => {
    const parts = buildRequest(route, method.input, requestJson(method.input, request));
    const response = await transport.send(
      route.httpMethod, parts.path, parts.body, "application/json", options);
    return parseAnswer(type, await response.text());
  };
}

function clientStreamingMethod(transport: Transport, method: DescMethod) {
  const route = routeOf(method);
  return async (requests: Iterable<unknown>, options?: CallOptions) => {
    const body = JSON.stringify(Array.from(requests, (r) => requestJson(method.input, r)));
    const response = await transport.send(
      route.httpMethod, route.pathTemplate, body, "application/json", options);
    return parseAnswer(method.output, await response.text());
  };
}

function serverStreamingMethod(transport: Transport, method: DescMethod) {
  const route = routeOf(method);
  return async function* (request?: unknown, options?: CallOptions) {
    const parts = buildRequest(route, method.input, requestJson(method.input, request));
    const response = await transport.send(
      route.httpMethod, parts.path, parts.body, "text/event-stream", options);
    if (!response.body) throw transportError(new Error("answer without a body"));
    try {
      for await (const event of readServerSentEvents(response.body)) {
        if (event.event === "error") throw errorFromBody(500, event.data);
        yield parseAnswer(method.output, event.data);
      }
    } catch (cause) {
      throw transportError(cause);
    }
  };
}

function serviceClient(transport: Transport, service: DescService): Record<string, unknown> {
  const methods: Record<string, unknown> = {};
  for (const method of service.methods) {
    switch (method.methodKind) {
      case "unary":
        methods[method.localName] = unaryMethod(transport, method);
        break;
      case "client_streaming":
        methods[method.localName] = clientStreamingMethod(transport, method);
        break;
      case "server_streaming":
        methods[method.localName] = unaryMethod(transport, method);
        methods[`${method.localName}Events`] = serverStreamingMethod(transport, method);
        break;
      default:
        break;  // no bidirectional RPCs over HTTP/JSON
    }
  }
  return methods;
}

/**
 * A client for the matchd at `options.baseUrl`:
 *
 *   const azm = createClient({ baseUrl: "http://127.0.0.1:8080", apiKey });
 *   const company = await azm.registry.createCompany({ company: { name: "Bäckerei Yilmaz" } });
 *
 * Every method rejects with an AzubimatchError when the call is refused.
 */
export function createClient(options: ClientOptions): AzubimatchClient {
  const transport = new Transport(options);
  return {
    registry: serviceClient(transport, Registry) as AzubimatchClient["registry"],
    matching: serviceClient(transport, Matching) as unknown as MatchingClient,
    admin: serviceClient(transport, Admin) as AzubimatchClient["admin"],
    dataProtection: serviceClient(transport, DataProtection) as AzubimatchClient["dataProtection"],
  };
}
