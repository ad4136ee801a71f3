import { Hono } from "hono";
import {
  ACCOUNT_PURPOSE_OPTIONS,
  ANNUAL_SALARY_OPTIONS,
  EXPECTED_MONTHLY_VOLUME_OPTIONS,
  KYC_FIELDS,
  KycApplication,
  type KycValuesData,
  OCCUPATIONS,
} from "../../../shared/machines";
import type { SimulatorContext } from "../context";
import { kycStatusPayload, submitKyc } from "../domain/kyc";
import { sessionAuth } from "../http/auth";
import { parseBody } from "../http/body";
import type { ApiEnv } from "../http/env";
import { reply } from "../http/reply";

const kycValues = (): KycValuesData => ({
  fields: KYC_FIELDS.map((field) => ({ ...field, ...(field.enum ? { enum: [...field.enum] } : {}) })),
  occupations: OCCUPATIONS.map((occupation) => ({ ...occupation })),
  annualSalary: [...ANNUAL_SALARY_OPTIONS],
  expectedMonthlyVolume: [...EXPECTED_MONTHLY_VOLUME_OPTIONS],
  accountPurpose: [...ACCOUNT_PURPOSE_OPTIONS],
});

/** KYC values (and the example's `/kyc/schema` alias), applications validated field by field, status. */
export function kycRoutes(ctx: SimulatorContext) {
  return new Hono<ApiEnv>()
    .get("/kyc/values", sessionAuth(ctx, "kyc.read"), (c) => reply(c, kycValues(), "kyc values"))
    .get("/kyc/schema", sessionAuth(ctx, "kyc.read"), (c) => reply(c, kycValues(), "kyc values"))
    .post("/kyc/applications", sessionAuth(ctx, "kyc.write"), async (c) => {
      const application = await parseBody(c, KycApplication);
      const user = c.get("user");
      submitKyc(ctx, user, application);
      return reply(c, await kycStatusPayload(ctx, user), "kyc submitted");
    })
    .get("/kyc/status", sessionAuth(ctx, "kyc.read"), async (c) => reply(c, await kycStatusPayload(ctx, c.get("user")), "kyc status"));
}
