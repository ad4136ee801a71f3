import { type Context, Hono } from "hono";
import { routes } from "@machines-card/contract/api/routes";
import type { AgreementsData } from "@machines-card/contract/machines/agreements";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../../env";
import { AppError } from "../../errors";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { MachinesApiError } from "../../upstream/machines/errors";
import { followableLink } from "../../upstream/machines/links";

export const agreementsApp = new Hono<AppEnv>();

/** Machines answers 409 `invalid_state` on agreements before KYC approval: the widget reads that as `kyc_required`. */
async function beforeApproval<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof MachinesApiError && e.upstreamStatus === 409) {
      throw new AppError("kyc_required", "agreements open once identity verification (KYC) is approved");
    }
    throw e;
  }
}

/** The agreements with only the document links the widget may offer (https; see `followableLink`). */
function withFollowableLinks(c: Context<AppEnv>, data: AgreementsData): AgreementsData {
  const check = { environment: c.get("settings").environment, requestId: c.get("requestId"), what: "agreements.links" };
  return {
    ...data,
    agreements: data.agreements.map((agreement) => ({
      ...agreement,
      links: agreement.links.filter((link) => followableLink(link.url, check) !== null),
    })),
  };
}

mount(agreementsApp, routes.getAgreements, async (c) => ({
  data: withFollowableLinks(c, await beforeApproval(machinesFor(c, "kyc").call(machinesApi.getAgreements))),
  summary: "agreements",
}));

mount(agreementsApp, routes.acceptAgreements, async (c) => ({
  data: withFollowableLinks(c, await beforeApproval(machinesFor(c, "kyc").call(machinesApi.acceptAgreements, { body: { accepted: true } }))),
  summary: "agreements accepted",
}));
