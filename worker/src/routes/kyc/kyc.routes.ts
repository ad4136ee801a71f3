import { Hono } from "hono";
import { routes } from "@machines-card/contract/api/routes";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../../env";
import { requestIdsOf } from "../../http/edge";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { recordAudit } from "../../audit/audit.queries";
import { toKycState } from "../../kyc/kyc-state";
import { linkCheckFor, readKycState, rememberKycStatus } from "../../kyc/read-kyc-state";

export const kycApp = new Hono<AppEnv>();

mount(kycApp, routes.getKycValues, async (c) => ({ data: await machinesFor(c, "kyc").call(machinesApi.getKycValues), summary: "kyc values" }));

/**
 * The application is validated with the shared KYC schema before it goes anywhere (400 with the field),
 * counted against the per-user limit, and audited (without its content).
 */
mount(
  kycApp,
  routes.submitKycApplication,
  async (c, { body }) => {
    const { user } = c.get("user");
    const audit = (outcome: string) =>
      recordAudit(c.env.DB, { partnerUserId: user.partnerUserId, action: "kyc.submit", resourceId: null, outcome, ...requestIdsOf(c), createdAt: new Date().toISOString() });
    try {
      const state = toKycState(await machinesFor(c, "kyc").call(machinesApi.submitKycApplication, { body }), linkCheckFor(c));
      rememberKycStatus(c, state);
      c.executionCtx.waitUntil(audit(state.status));
      return { data: state, summary: "kyc submitted" };
    } catch (e) {
      c.executionCtx.waitUntil(audit("failed"));
      throw e;
    }
  },
  { rateLimit: "kycSubmit" },
);

mount(kycApp, routes.getKycStatus, async (c) => ({ data: await readKycState(c), summary: "kyc status" }));
