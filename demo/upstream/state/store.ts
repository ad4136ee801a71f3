import type {
  CardRecord,
  CardSecretsSessionRecord,
  DepositRecord,
  IdempotencyRecord,
  SessionRecord,
  SimulatorState,
  TransactionRecord,
  UserRecord,
  WithdrawalRecord,
} from "./records";
import { emptyState } from "./records";

/** Idempotency keys are kept for 24 hours [sandbox choice]. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

const byCreation = <T extends { createdAt: string }>(a: T, b: T) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/**
 * The simulator's records, in memory. Plain objects throughout (see `records.ts`); routes read and
 * write through these accessors so ownership checks live in one place.
 */
export class Store {
  constructor(private state: SimulatorState = emptyState()) {}

  snapshot(): SimulatorState {
    return structuredClone(this.state);
  }

  replace(state: SimulatorState): void {
    if (state?.version !== 1) throw new Error("unsupported simulator state (expected version 1)");
    this.state = { ...emptyState(), ...structuredClone(state) };
  }

  get lastTransferBlock(): bigint | null {
    return this.state.lastTransferBlock === null ? null : BigInt(this.state.lastTransferBlock);
  }
  set lastTransferBlock(block: bigint | null) {
    this.state.lastTransferBlock = block === null ? null : block.toString();
  }

  // ── users ──
  user(userId: string): UserRecord | undefined {
    return this.state.users[userId];
  }
  putUser(user: UserRecord): UserRecord {
    this.state.users[user.userId] = user;
    return user;
  }
  users(): UserRecord[] {
    return Object.values(this.state.users).sort(byCreation);
  }
  userByCollateral(address: string): UserRecord | undefined {
    const wanted = address.toLowerCase();
    return Object.values(this.state.users).find((user) => user.collateral?.proxyAddress.toLowerCase() === wanted);
  }

  // ── sessions ──
  session(sessionId: string): SessionRecord | undefined {
    return this.state.sessions[sessionId];
  }
  putSession(session: SessionRecord): void {
    this.state.sessions[session.sessionId] = session;
  }
  pruneSessions(nowMs: number): void {
    for (const [id, session] of Object.entries(this.state.sessions)) if (session.expiresAtMs <= nowMs) delete this.state.sessions[id];
    for (const [id, session] of Object.entries(this.state.cardSecretsSessions)) {
      if (session.expiresAtMs <= nowMs) delete this.state.cardSecretsSessions[id];
    }
  }

  // ── cards ──
  /** A card of this user; another user's card is as unknown as a missing one. */
  card(userId: string, cardId: string): CardRecord | undefined {
    const card = this.state.cards[cardId];
    return card?.userId === userId ? card : undefined;
  }
  anyCard(cardId: string): CardRecord | undefined {
    return this.state.cards[cardId];
  }
  putCard(card: CardRecord): CardRecord {
    this.state.cards[card.cardId] = card;
    return card;
  }
  cards(userId: string): CardRecord[] {
    return Object.values(this.state.cards)
      .filter((card) => card.userId === userId)
      .sort((a, b) => a.sortOrder - b.sortOrder);
  }
  cardSecretsSession(userId: string, sessionId: string, nowMs: number): CardSecretsSessionRecord | undefined {
    const session = this.state.cardSecretsSessions[sessionId];
    return session?.userId === userId && session.expiresAtMs > nowMs ? session : undefined;
  }
  putCardSecretsSession(session: CardSecretsSessionRecord): void {
    this.state.cardSecretsSessions[session.sessionId] = session;
  }

  // ── deposits ──
  deposit(userId: string, depositId: string): DepositRecord | undefined {
    const deposit = this.state.deposits[depositId];
    return deposit?.userId === userId ? deposit : undefined;
  }
  anyDeposit(depositId: string): DepositRecord | undefined {
    return this.state.deposits[depositId];
  }
  putDeposit(deposit: DepositRecord): DepositRecord {
    this.state.deposits[deposit.id] = deposit;
    return deposit;
  }
  /** Oldest first. */
  deposits(userId?: string): DepositRecord[] {
    return Object.values(this.state.deposits)
      .filter((deposit) => userId === undefined || deposit.userId === userId)
      .sort(byCreation);
  }

  // ── transactions ──
  putTransaction(transaction: TransactionRecord): TransactionRecord {
    this.state.transactions[transaction.transactionId] = transaction;
    return transaction;
  }
  transaction(transactionId: string): TransactionRecord | undefined {
    return this.state.transactions[transactionId];
  }
  /** Oldest first. */
  transactions(userId?: string): TransactionRecord[] {
    return Object.values(this.state.transactions)
      .filter((transaction) => userId === undefined || transaction.userId === userId)
      .sort(byCreation);
  }

  // ── withdrawals ──
  withdrawal(id: string): WithdrawalRecord | undefined {
    return this.state.withdrawals[id];
  }
  putWithdrawal(withdrawal: WithdrawalRecord): WithdrawalRecord {
    this.state.withdrawals[withdrawal.id] = withdrawal;
    return withdrawal;
  }
  withdrawals(userId?: string): WithdrawalRecord[] {
    return Object.values(this.state.withdrawals)
      .filter((withdrawal) => userId === undefined || withdrawal.userId === userId)
      .sort((a, b) => a.createdAtMs - b.createdAtMs);
  }

  // ── idempotency ──
  idempotency(scopedKey: string, nowMs: number): IdempotencyRecord | undefined {
    const record = this.state.idempotency[scopedKey];
    if (record && nowMs - record.createdAtMs > IDEMPOTENCY_RETENTION_MS) {
      delete this.state.idempotency[scopedKey];
      return undefined;
    }
    return record;
  }
  putIdempotency(scopedKey: string, record: IdempotencyRecord): void {
    this.state.idempotency[scopedKey] = record;
  }
}
