// Paging helpers for the List* RPCs (AIP-158): `pages` follows next_page_token until it
// is empty, `items` flattens the pages into their records. Both are lazy async iterators:
// a page is fetched only when the previous one has been consumed.

import type { CallOptions } from "./client.js";

/** A list RPC: a request with page_token in, a response with next_page_token out. */
export type ListMethod<Req, Res extends { nextPageToken: string }> = (
  request?: Req,
  options?: CallOptions,
) => Promise<Res>;

/** The name of the repeated field of a list response (`candidates`, `runs`, ...). */
type ItemsKey<Res> = {
  [K in keyof Res]-?: K extends `$${string}` ? never : Res[K] extends readonly unknown[] ? K : never;
}[keyof Res];

/** The record type of a list response. */
export type ItemOf<Res> = Res[ItemsKey<Res>] extends readonly (infer T)[] ? T : never;

/**
 * Every page of `list`, starting at `request` (its pageSize and filters are kept):
 *
 *   for await (const page of pages(azm.registry.listCandidates, { pageSize: 100 })) ...
 */
export async function* pages<Req extends { pageToken?: string }, Res extends { nextPageToken: string }>(
  list: ListMethod<Req, Res>,
  request?: Req,
  options?: CallOptions,
): AsyncGenerator<Res> {
  let pageToken = request?.pageToken ?? "";
  for (;;) {
    const page = await list({ ...(request ?? {}), pageToken } as Req, options);
    yield page;
    if (!page.nextPageToken) return;
    pageToken = page.nextPageToken;
  }
}

/**
 * Every record of every page of `list` (the response's one repeated field):
 *
 *   for await (const candidate of items(azm.registry.listCandidates, { pageSize: 100 })) ...
 */
export async function* items<Req extends { pageToken?: string }, Res extends { nextPageToken: string }>(
  list: ListMethod<Req, Res>,
  request?: Req,
  options?: CallOptions,
): AsyncGenerator<ItemOf<Res>> {
  for await (const page of pages(list, request, options)) {
    const key = Object.keys(page).find(
      (k) => !k.startsWith("$") && Array.isArray((page as Record<string, unknown>)[k]),
    );
    if (key === undefined) return;
    yield* (page as Record<string, unknown>)[key] as ItemOf<Res>[];
  }
}
