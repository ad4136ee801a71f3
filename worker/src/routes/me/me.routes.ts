import { Hono } from "hono";
import { Balances } from "@machines-card/contract/api/balances";
import { routes } from "@machines-card/contract/api/routes";
import { machinesApi } from "@machines-card/contract/machines/endpoints";
import type { AppEnv } from "../../env";
import { mount } from "../../http/mount";
import { machinesFor } from "../../sessions/machines-for";
import { conform } from "../../upstream/machines/conform";
import { readKycState } from "../../kyc/read-kyc-state";
import { nextStep } from "../../users/next-step";

export const meApp = new Hono<AppEnv>();

/**
 * `GET /v1/me`: who the user is and where they stand, in one call. KYC first; once approved, agreements
 * and balances are read together (balances are only reported once agreements are accepted).
 */
mount(meApp, routes.getMe, async (c) => {
  const { user, email } = c.get("user");
  const kyc = await readKycState(c);
  let agreements = { accepted: false, acceptedAt: null as string | null };
  let balances: Balances | null = null;
  if (kyc.status === "approved") {
    const [agreed, money] = await Promise.allSettled([
      machinesFor(c, "kyc").call(machinesApi.getAgreements),
      machinesFor(c, "any").call(machinesApi.getBalances),
    ]);
    if (agreed.status === "rejected") throw agreed.reason;
    agreements = { accepted: agreed.value.accepted, acceptedAt: agreed.value.acceptedAt };
    if (agreements.accepted) {
      if (money.status === "rejected") throw money.reason;
      balances = conform(Balances, money.value.balances, "balances");
    }
  }
  return {
    data: {
      user: { id: user.partnerUserId, email, walletAddress: user.walletAddress, linkedAt: user.linkedAt },
      environment: c.get("settings").environment,
      kyc,
      agreements,
      balances,
      nextStep: nextStep({ kycStatus: kyc.status, agreementsAccepted: agreements.accepted, balances }),
    },
    summary: "me",
  };
});
