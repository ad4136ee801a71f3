declare namespace Cloudflare {
  type WorkerBindings = import("../src/env").Bindings;
  interface Env extends WorkerBindings {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
