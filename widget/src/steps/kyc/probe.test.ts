import { expect } from "@open-wc/testing";
import { stackUser } from "../../testing/stack-user";
import { getKycValues } from "../../api/get-kyc-values";

describe("probe", () => {
  it("signs in on the stack", async function () {
    this.timeout(180_000);
    const t0 = performance.now();
    const user = await stackUser();
    console.log("stack+user in", Math.round(performance.now() - t0), JSON.stringify({ ...user, auth: undefined, client: undefined }));
    const values = await getKycValues(user!.client);
    console.log(JSON.stringify(values).slice(0, 300));
    expect(user).to.not.equal(null);
  });
});
