import { base64UrlToBytes, bytesToBase64Url, utf8 } from "../crypto/encoding";
import { invalidRequest } from "../errors";

/**
 * Cursor pagination over a stable list: the cursor is the opaque id of the last item returned, and
 * `nextCursor` is `null` on the last page.
 */
export function paginate<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  p: { cursor?: string; limit: number },
): { page: T[]; nextCursor: string | null } {
  let start = 0;
  if (p.cursor !== undefined) {
    let after: string;
    try {
      after = utf8.decode(base64UrlToBytes(p.cursor));
    } catch {
      throw invalidRequest("cursor is not a cursor from a previous page", "cursor");
    }
    const index = items.findIndex((item) => idOf(item) === after);
    if (index < 0) throw invalidRequest("cursor is not a cursor from a previous page", "cursor");
    start = index + 1;
  }
  const page = items.slice(start, start + p.limit);
  const hasMore = start + p.limit < items.length;
  return { page, nextCursor: hasMore && page.length ? bytesToBase64Url(utf8.encode(idOf(page.at(-1)!))) : null };
}
