// Calls of the HTTP/JSON API with the key kept in sessionStorage. Failures throw an
// ApiError that carries the google.rpc.Status of the answer (code, message, details).
const KEY = 'azm.key';

export function apiKey() { return sessionStorage.getItem(KEY) || ''; }
export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key); else sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(httpStatus, status) {
    super(status?.message || `HTTP ${httpStatus}`);
    this.httpStatus = httpStatus;
    this.status = status || {};
  }
  // Every field violation of a google.rpc.BadRequest in the details.
  fieldViolations() {
    const out = [];
    for (const d of this.status.details || []) {
      if (String(d['@type'] || '').endsWith('google.rpc.BadRequest')) {
        for (const v of d.fieldViolations || []) out.push(v);
      }
    }
    return out;
  }
}

function headers(extra = {}) {
  return { Authorization: `Bearer ${apiKey()}`, 'Content-Type': 'application/json', ...extra };
}

async function answer(res) {
  const text = await res.text();
  let body = {};
  try { body = text ? JSON.parse(text) : {}; } catch { body = { message: text }; }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

async function send(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { message: String(e) });
  }
  return answer(res);
}

// GET path with the query parameters that are set.
export function get(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '' && v !== 0) params.set(k, v);
  }
  const qs = params.toString();
  return send(qs ? `${path}?${qs}` : path, { headers: headers() });
}

export function post(path, body = {}) {
  return send(path, { method: 'POST', headers: headers(), body: JSON.stringify(body) });
}

// POST /v1/runs as server-sent events: onProgress(progress) per event, resolves with
// the stored run (`event: run`), rejects on an `event: error` or a refused call.
export async function startRun(body, onProgress) {
  let res;
  try {
    res = await fetch('/v1/runs', {
      method: 'POST', headers: headers({ Accept: 'text/event-stream' }), body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { message: String(e) });
  }
  if (!res.ok || !String(res.headers.get('Content-Type')).includes('text/event-stream')) {
    const run = await answer(res);
    return run;
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      const payload = data.length ? JSON.parse(data.join('\n')) : {};
      if (event === 'progress') onProgress(payload.progress || payload);
      else if (event === 'run') return payload.run || payload;
      else if (event === 'error') throw new ApiError(500, payload);
    }
  }
  throw new ApiError(0, { message: 'stream ended without a run' });
}
