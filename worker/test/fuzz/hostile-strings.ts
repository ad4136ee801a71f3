import fc from "fast-check";

/**
 * Strings that break naive code: every Unicode plane (emoji, combining marks, right-to-left text,
 * zero-width and control characters, lone surrogates), path tricks, markup and query fragments,
 * numbers and keywords in the wrong place, and lengths from empty to oversized.
 */
const SPECIALS = [
  "",
  " ",
  "\u0000",
  "\u202e\u0645\u0631\u062d\u0628\u0627",
  "\u200b\u200d\ufeff",
  "\ud83d\udc69\u200d\ud83d\udcbb\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
  "e\u0301\u0301\u0301\u0301",
  "\ud800",
  "\udfff",
  "../../etc/passwd",
  "..%2f..%2f",
  "%00",
  "%",
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  "\" OR 1=1 --",
  "${jndi:ldap://x}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "NaN",
  "-0",
  "1e309",
  "null",
  "true",
  "0x7fffffffffffffff",
  "\r\nSet-Cookie: x=1",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "ＡＢＣ１２３",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "\u0645", "\ud83d\ude00", "\u0000", "/", "%", "."), minLength: 200, maxLength: 3000 }) },
);

/** Text a header can carry: printable ASCII (browsers refuse anything else), any length up to oversized. */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
  fc.constantFrom("", "null", "undefined", "Bearer", "Bearer ", "bearer x.y.z", "Basic YTpi", "Bearer a.b.c d.e.f", "x".repeat(8_000)),
);

/** A JSON value of any shape, with hostile strings as leaves and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 5 }),
  ),
})).value;
