import type { ReactiveController, ReactiveControllerHost } from "lit";
import { balancesRoutes, type Balances } from "@machines-card/contract/api/balances";
import { depositRoutes, type Deposit } from "@machines-card/contract/api/deposits";
import type { WorkerClient } from "../../api/client";
import { PollController } from "../../components/poll-controller";
import { isMoving } from "./deposit-address";

export interface DepositWatchOptions {
  api(): WorkerClient;
  /** The credit limit the element knows now (to tell whether a completed deposit shows in it yet). */
  creditLimit(): number | null;
  /** The deposit's status moved (not called for the first look at a deposit). */
  moved(deposit: Deposit): void;
  /** New balances after a completed deposit (or a refresh). */
  balances(balances: Balances): void;
  failed(error: unknown): void;
}

/**
 * The deposit on screen and its watch: asked again with a growing pause while it is under way, and,
 * once completed, the balances that show it.
 */
export class DepositWatch implements ReactiveController {
  deposit: Deposit | null = null;
  balances: Balances | null = null;
  /** The credit limit before this deposit (a limit not above it means the provider has not updated yet). */
  private creditBefore: number | null = null;
  private readonly poll: PollController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly o: DepositWatchOptions,
  ) {
    host.addController(this);
    this.poll = new PollController(host, {
      // A transfer is usually seen within seconds to minutes: ask often at first, then every 10 s.
      maxDelayMs: 10_000,
      poll: async (signal) => {
        if (!this.deposit) return false;
        const { deposit } = await o.api().call(depositRoutes.getDeposit, { params: { depositId: this.deposit.id }, signal });
        this.show(deposit);
        return isMoving(deposit.status);
      },
    });
  }

  hostConnected(): void {}

  get pollFailed(): boolean {
    return this.poll.error !== null;
  }

  /** The credit limit has not grown since before the deposit (production updates it a few minutes later). */
  get balanceStale(): boolean {
    return this.balances !== null && this.creditBefore !== null && this.balances.creditLimit <= this.creditBefore;
  }

  /** Shows a deposit (new, resumed or polled), watches it while under way, and says when it moved. */
  show(next: Deposit): void {
    const before = this.deposit?.id === next.id ? this.deposit.status : null;
    if (before === null) this.creditBefore = this.o.creditLimit();
    this.deposit = next;
    if (!isMoving(next.status)) this.poll.stop();
    else if (!this.poll.active) this.poll.start();
    this.host.requestUpdate();
    if (before !== null && before !== next.status) this.o.moved(next);
  }

  async refreshBalances(): Promise<void> {
    try {
      this.balances = await this.o.api().call(balancesRoutes.getBalances, {});
      this.o.balances(this.balances);
      this.host.requestUpdate();
    } catch (error) {
      this.o.failed(error);
    }
  }

  /** Back to choosing a new deposit. */
  clear(): void {
    this.deposit = null;
    this.balances = null;
    this.poll.stop();
    this.host.requestUpdate();
  }
}
