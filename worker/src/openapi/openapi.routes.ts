import { Hono } from "hono";
import type { AppEnv } from "../env";
import { VERSION } from "../version";
import { buildOpenApi } from "./build-openapi";

let document: string | undefined;

/** `GET /openapi.json`: public, cacheable, readable from any origin (API explorers run in browsers). */
export const openApiRoutes = new Hono<AppEnv>().get("/openapi.json", (c) => {
  document ??= JSON.stringify(buildOpenApi(VERSION));
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Cache-Control", "public, max-age=300");
  c.header("Content-Type", "application/json; charset=utf-8");
  return c.body(document);
});
