/// <reference path="./frame/text-modules.d.ts" />
import type { Context } from "hono";
import type { AppEnv } from "../env";
import page from "./frame/reveal.html";
import script from "./frame/reveal-frame.js";
import messages from "./frame/reveal-frame.messages.js";
import style from "./frame/reveal-frame.css";

/** The frame's script: its catalog and its code in one function scope, nothing left on `window`. */
const FRAME_SCRIPT = `"use strict";\n(() => {\n${messages}\n${script}\n})();\n`;

/**
 * The frame page's policy: nothing but this origin's own script, style and redeem call, and framed only
 * by the partner pages in ALLOWED_ORIGINS (none: not framed at all).
 */
export function framePolicy(allowedOrigins: ReadonlySet<string>): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    `frame-ancestors ${allowedOrigins.size ? [...allowedOrigins].join(" ") : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * `GET /reveal`: the page partner sites embed. It carries its own Content-Security-Policy, which the
 * edge middleware then leaves alone (and sends no X-Frame-Options: `frame-ancestors` decides). Embeddable
 * by pages that require CORP/COEP of their frames.
 */
export function framePage(c: Context<AppEnv>): Response {
  c.header("Content-Type", "text/html; charset=utf-8");
  c.header("Content-Security-Policy", framePolicy(c.get("settings").allowedOrigins));
  c.header("Cross-Origin-Resource-Policy", "cross-origin");
  c.header("Cross-Origin-Embedder-Policy", "require-corp");
  c.header("Cache-Control", "no-store");
  return c.body(page);
}

/** `GET /reveal/frame.js` and `/reveal/frame.css`: the frame's own code and look, from this origin only. */
export function frameAsset(c: Context<AppEnv>, kind: "script" | "style"): Response {
  c.header("Content-Type", kind === "script" ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
  c.header("Cache-Control", "no-store");
  return c.body(kind === "script" ? FRAME_SCRIPT : style);
}
