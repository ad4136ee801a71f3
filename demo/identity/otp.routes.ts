import { Hono } from "hono";
import { errorReply, invalidBody, readJsonBody } from "./service-http";
import type { OtpBook } from "./otp-codes";
import { OtpStartBody, OtpVerifyBody, type SignInReply } from "./schemas";

export interface OtpRoutesDeps {
  otp: OtpBook;
  signIn: (email: string) => Promise<SignInReply>;
  log: (line: string) => void;
  codeTtlMinutes: number;
  /** Serve `GET /otp/codes` (the sandbox page shows the codes there). */
  exposeCodes: boolean;
}

/** Email one-time-code sign-in: `/otp/start`, `/otp/verify`, and the sandbox-only `/otp/codes`. */
export function otpRoutes(d: OtpRoutesDeps) {
  const app = new Hono();

  app.post("/start", async (c) => {
    const body = await readJsonBody(c, OtpStartBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const { email } = body.value;
    const started = d.otp.start(email);
    if (!started.ok) {
      c.header("Retry-After", String(started.retryAfterSeconds));
      return errorReply(c, 429, "rate_limited", `too many codes requested for this email; try again in ${started.retryAfterSeconds} s`, "email");
    }
    // The console (and GET /otp/codes) stand in for the email; the reply never carries the code.
    d.log(`[identity] sign-in code for ${email}: ${started.code} (valid ${d.codeTtlMinutes} min)`);
    return c.json({ email, expiresAt: new Date(started.expiresAt).toISOString(), delivery: "sandbox-console" });
  });

  app.post("/verify", async (c) => {
    const body = await readJsonBody(c, OtpVerifyBody);
    if (!body.ok) return invalidBody(c, body.errors);
    const { email, code } = body.value;
    const result = d.otp.verify(email, code);
    if (result.ok) return c.json(await d.signIn(email));
    switch (result.reason) {
      case "otp_not_requested":
        return errorReply(c, 400, result.reason, "no code was requested for this email; start again", "email");
      case "otp_invalid":
        return errorReply(c, 401, result.reason, `wrong code; ${result.attemptsLeft} attempt(s) left`, "code");
      case "otp_expired":
        return errorReply(c, 401, result.reason, "the code has expired; request a new one", "code");
      case "otp_used":
        return errorReply(c, 401, result.reason, "the code was already used; request a new one", "code");
      case "otp_attempts_exceeded":
        return errorReply(c, 429, result.reason, "too many wrong attempts; request a new code", "code");
    }
  });

  if (d.exposeCodes) {
    app.get("/codes", (c) => {
      const email = c.req.query("email")?.trim().toLowerCase();
      const codes = d.otp.list().filter((v) => !email || v.email === email);
      c.header("Cache-Control", "no-store");
      return c.json({ codes });
    });
  }

  return app;
}
