import { expect } from "@open-wc/testing";
import { ApiError } from "./api-error";
import { createWorkerClient } from "./client";
import { createCard } from "./create-card";
import { getConfig } from "./get-config";
import { getMe } from "./get-me";
import { listCards } from "./list-cards";
import { newIdempotencyKey } from "./idempotency-key";
import { advanceUser, forgetSessions, signedInUser, type Stack } from "../testing/journey";
import { stack as startStack } from "../testing/services";

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
  it("checks a body against the contract before sending it, naming the field", async () => {
    const client = createWorkerClient({ baseUrl: "http://127.0.0.1:9" });
    const error = await failure(createCard(client, { label: "x".repeat(51), idempotencyKey: newIdempotencyKey() }));
    expect(error).to.deep.include({ code: "invalid_request", field: "label", status: 0 });
    expect(error.message).to.equal("label must be at most 50 characters");
  });

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
    const call = getConfig(createWorkerClient({ baseUrl: `${location.origin}/__slow/2000` }), { signal: abort.signal });
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
  let stack: Stack;

  before(async function () {
    this.timeout(180_000);
    const running = await startStack();
    if (!running) this.skip();
    stack = running as Stack;
  });
  afterEach(() => forgetSessions());

  it("parses the public config with the contract", async () => {
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
    const user = await signedInUser(stack);
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
    const user = await signedInUser(stack);
    await advanceUser(stack, user, "agreements-accepted");
    const client = createWorkerClient({ baseUrl: stack.workerUrl, token: () => user.auth.token() });
    const key = newIdempotencyKey();
    const first = await createCard(client, { label: "Travel", idempotencyKey: key });
    const again = await createCard(client, { label: "Travel", idempotencyKey: key });
    const other = await createCard(client, { label: "Travel", idempotencyKey: newIdempotencyKey() });
    expect(again.card.id).to.equal(first.card.id);
    expect(other.card.id).not.to.equal(first.card.id);
    expect((await listCards(client)).cards.map((c) => c.id)).to.include.members([first.card.id, other.card.id]);
  });
});
