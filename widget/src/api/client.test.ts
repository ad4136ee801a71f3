import { expect } from "@open-wc/testing";
import { cardRoutes } from "@machines-card/contract/api/cards";
import { configRoutes } from "@machines-card/contract/api/config";
import { meRoutes } from "@machines-card/contract/api/me";
import { ApiError } from "./api-error";
import { createWorkerClient, type WorkerClient } from "./client";
import { newIdempotencyKey } from "./idempotency-key";
import { forgetSessions, sandboxUser } from "../../test/sandbox";
import { stack as startStack, type StackUrls } from "../../test/services";

const getConfig = (client: WorkerClient, signal?: AbortSignal) => client.call(configRoutes.getConfig, { signal });
const getMe = (client: WorkerClient) => client.call(meRoutes.getMe, {});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected the call to fail");
}

describe("Worker client without a Worker", () => {
  it("turns an unreachable Worker into network_error", async () => {
    const error = await failure(getConfig(createWorkerClient({ baseUrl: "http://127.0.0.1:9" })));
    expect(error).to.deep.include({ code: "network_error", status: 0 });
    expect(error.message).to.contain("could not reach the Worker at http://127.0.0.1:9");
  });

  it("turns a reply that is not the Worker's JSON into invalid_response", async () => {
    const error = await failure(getConfig(createWorkerClient({ baseUrl: `${location.origin}/not-a-worker` })));
    expect(error).to.deep.include({ code: "invalid_response", status: 404 });
  });

  it("gives up with timeout when the Worker does not answer in time", async () => {
    // The test runner's slow endpoint answers after two seconds; the client waits 200 ms.
    const error = await failure(getConfig(createWorkerClient({ baseUrl: `${location.origin}/__slow/2000`, timeoutMs: 200 })));
    expect(error).to.deep.include({ code: "timeout", status: 0 });
  });

  it("passes an abort through as an abort, not as an error value", async () => {
    const abort = new AbortController();
    const call = getConfig(createWorkerClient({ baseUrl: `${location.origin}/__slow/2000` }), abort.signal);
    abort.abort();
    try {
      await call;
      expect.fail("should have been aborted");
    } catch (error) {
      expect((error as DOMException).name).to.equal("AbortError");
    }
  });
});

describe("Worker client with the Worker", function () {
  this.timeout(30_000);
  let stack: StackUrls;

  before(async function () {
    this.timeout(180_000);
    const running = await startStack();
    if (!running) this.skip();
    stack = running!;
  });
  afterEach(() => forgetSessions());

  it("sends the body as it is and gives the Worker's refusal of it, naming the field", async () => {
    const user = await sandboxUser(stack);
    const client = createWorkerClient({ baseUrl: stack.workerUrl, token: () => user.auth.token() });
    const error = await failure(client.call(cardRoutes.createCard, { body: { label: "x".repeat(51) }, idempotencyKey: newIdempotencyKey() }));
    expect(error).to.deep.include({ code: "invalid_request", field: "label", status: 400 });
    expect(error.message).to.equal("label must be at most 50 characters");
  });

  it("reads the public config", async () => {
    const config = await getConfig(createWorkerClient({ baseUrl: stack.workerUrl }));
    expect(config).to.deep.include({ environment: "sandbox", originAllowed: true, origin: location.origin });
    expect(config.auth.provider).to.equal("sandbox");
  });

  it("reads the error envelope: code, message, status and request id", async () => {
    const error = await failure(getMe(createWorkerClient({ baseUrl: stack.workerUrl })));
    expect(error).to.deep.include({ code: "unauthorized", status: 401 });
    expect(error.requestId).to.be.a("string").and.not.be.empty;
    expect(error.errors[0]!.code).to.equal("unauthorized");
  });

  it("renews the token once after a 401 and sends the request again", async () => {
    const user = await sandboxUser(stack, { stage: "signed-in" });
    let renewals = 0;
    const client = createWorkerClient({
      baseUrl: stack.workerUrl,
      token: async () => "not-a-jwt",
      renewToken: async () => {
        renewals++;
        return user.auth.token();
      },
    });
    const me = await getMe(client);
    expect(me.user.email).to.equal(user.email);
    expect(renewals).to.equal(1);
  });

  it("fails with the Worker's code when the session cannot be renewed", async () => {
    const client = createWorkerClient({ baseUrl: stack.workerUrl, token: async () => "not-a-jwt", renewToken: async () => null });
    expect((await failure(getMe(client))).code).to.equal("unauthorized");
  });

  it("sends the Idempotency-Key: the same intent makes one card, a new intent another", async () => {
    const user = await sandboxUser(stack);
    const client = createWorkerClient({ baseUrl: stack.workerUrl, token: () => user.auth.token() });
    const key = newIdempotencyKey();
    const createCard = (idempotencyKey: string) => client.call(cardRoutes.createCard, { body: { label: "Travel" }, idempotencyKey });
    const first = await createCard(key);
    const again = await createCard(key);
    const other = await createCard(newIdempotencyKey());
    expect(again.card.id).to.equal(first.card.id);
    expect(other.card.id).not.to.equal(first.card.id);
    expect((await client.call(cardRoutes.listCards, {})).cards.map((c) => c.id)).to.include.members([first.card.id, other.card.id]);
  });
});
