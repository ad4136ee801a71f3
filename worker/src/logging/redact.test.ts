import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("removes configured secrets, JWTs, bearer tokens, card numbers and emails", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    const line = `key sk_live_SECRET used by ada@example.com with ${jwt}; Authorization: Bearer abc.def-ghi; pan 4242 4242 4242 4242 and 4000056655665556`;
    const out = redact(line, ["sk_live_SECRET"]);
    expect(out).toBe("key [secret] used by [email] with [token]; Authorization: Bearer [token]; pan [number] and [number]");
  });

  it("keeps ordinary ids and short numbers", () => {
    expect(redact("card 9f970d1a-aaaa status 404 after 1500 ms")).toBe("card 9f970d1a-aaaa status 404 after 1500 ms");
  });
});
