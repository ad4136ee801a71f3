import { MachinesApiError } from "../upstream/machines/errors";

/** Machines names the label `encryptedName`; the cardholder sent `label`. */
const OUR_NAMES: Record<string, string> = { encryptedName: "label" };

/** Rethrows a Machines error about a card field under the name the client used for it. */
export function inOurFieldNames(error: unknown): never {
  if (error instanceof MachinesApiError && error.field && OUR_NAMES[error.field]) {
    const field = OUR_NAMES[error.field]!;
    throw error.withFirstItem({ code: error.code, message: error.message.replace(error.field, field), field });
  }
  throw error;
}
