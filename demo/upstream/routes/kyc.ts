import { Hono } from "hono";
import {
  ACCOUNT_PURPOSE_OPTIONS,
  ANNUAL_SALARY_OPTIONS,
  EXPECTED_MONTHLY_VOLUME_OPTIONS,
  KYC_FIELDS,
  type KycValuesData,
  machinesApi,
  OCCUPATIONS,
} from "@machines-card/contract/machines";
import type { SimulatorContext } from "../context";
import { kycStatusPayload, submitKyc } from "../domain/kyc";
import type { ApiEnv } from "../http/env";
import { serve } from "../http/serve";

const kycValues = (): KycValuesData => ({
  fields: KYC_FIELDS.map((field) => ({ ...field, ...(field.enum ? { enum: [...field.enum] } : {}) })),
  occupations: OCCUPATIONS.map((occupation) => ({ ...occupation })),
  annualSalary: [...ANNUAL_SALARY_OPTIONS],
  expectedMonthlyVolume: [...EXPECTED_MONTHLY_VOLUME_OPTIONS],
  accountPurpose: [...ACCOUNT_PURPOSE_OPTIONS],
});

/** KYC values (and the example's `/kyc/schema` alias), applications validated field by field, status. */
export function kycRoutes(ctx: SimulatorContext) {
  const app = new Hono<ApiEnv>();
  serve(app, ctx, machinesApi.getKycValues, () => ({ data: kycValues(), summary: "kyc values" }));
  serve(app, ctx, machinesApi.submitKycApplication, async (c, request) => {
    const application = await request.body();
    const user = c.get("user");
    submitKyc(ctx, user, application);
    return { data: await kycStatusPayload(ctx, user), summary: "kyc submitted" };
  });
  serve(app, ctx, machinesApi.getKycStatus, async (c) => ({ data: await kycStatusPayload(ctx, c.get("user")), summary: "kyc status" }));
  return app;
}
