import { defineMessages } from "../../i18n/translator";

// English inline; every other language in its own file, loaded only for pages in that language.

const en = {
  title: "Sign in",
  intro: "Enter your email and we’ll send you a one-time code. No password needed.",
  email: "Email",
  sendCode: "Send code",
  sending: "Sending code…",
  codeTitle: "Check your email",
  codeSent: "We sent a 6-digit code to {email}.",
  sandboxHint: "Sandbox: the code is shown on the sandbox page and in its console.",
  code: "One-time code",
  codeHint: "6 digits",
  verify: "Verify and continue",
  verifying: "Checking code…",
  resend: "Send a new code",
  resendIn: { one: "Send a new code in {count} second", other: "Send a new code in {count} seconds" },
  resent: "We sent a new code to {email}.",
  otherEmail: "Use another email",
  signedInTitle: "You’re signed in",
  signedInAs: "Signed in as {email}.",
  continue: "Continue",
  signOut: "Sign out",
  "error.email_required": "Enter your email address.",
  "error.invalid_email": "Enter a valid email address, like name@example.com.",
  "error.code_format": "Enter the 6-digit code from the email.",
  "error.otp_invalid": "That code isn’t right. Check the email and try again.",
  "error.otp_expired": "This code has expired or was already used. Send a new code.",
  "error.otp_attempts_exceeded": "Too many wrong codes. Send a new code to try again.",
  "error.rate_limited": { one: "Too many codes requested. Try again in {count} second.", other: "Too many codes requested. Try again in {count} seconds." },
  "error.rate_limited_soon": "Too many codes requested. Try again in a few minutes.",
  "error.session_expired": "Your session ended. Sign in again.",
  "error.network_error": "We couldn’t reach the sign-in service. Check your connection and try again.",
  "error.provider_error": "Sign-in isn’t working right now. Try again in a moment.",
};

export type SignInMessages = typeof en;

export const signInMessages = defineMessages<SignInMessages>("sign-in", {
  en,
  es: () => import("./sign-in.messages.es").then((m) => m.es),
  "pt-BR": () => import("./sign-in.messages.pt-BR").then((m) => m.ptBR),
  fr: () => import("./sign-in.messages.fr").then((m) => m.fr),
  de: () => import("./sign-in.messages.de").then((m) => m.de),
});
