import type { ErrorItem } from "@machines-card/contract/envelope";
import type { FormField } from "./kyc-form-model";
import { validate, type FieldProblem, type FormValues } from "./kyc-validation";

/**
 * What the user has typed and which errors to show. Errors appear once a field has been left (or after
 * a submit), never on the first keystroke; from then on each keystroke re-checks, so an error goes away
 * as soon as the value is right. Errors the server sent stay on their field until it is edited.
 */
export class KycFormState {
  values: FormValues = {};
  private touched = new Set<string>();
  /** Date inputs holding a half-typed date (the browser reports their value as ""). */
  private badInput = new Set<string>();
  private server = new Map<string, FieldProblem>();
  private submitted = false;

  input(key: string, value: string, badInput: boolean): void {
    this.values = { ...this.values, [key]: value };
    if (badInput) this.badInput.add(key);
    else this.badInput.delete(key);
    this.server.delete(key);
  }

  blur(key: string): void {
    this.touched.add(key);
  }

  /** A submit shows every error. */
  submit(): void {
    this.submitted = true;
    this.server.clear();
  }

  /**
   * Puts the server's field errors on their fields (`forField` is `ApiError.forField`), in the step's words
   * when the shared rules say what is wrong; answers whether any matched a field of the form.
   */
  serverErrors(fields: FormField[], forField: (field: string) => ErrorItem | undefined): boolean {
    const local = validate(fields, this.values);
    for (const f of fields) {
      if (forField(f.key)) this.server.set(f.key, local.get(f.key) ?? { key: "error.server" });
    }
    return this.server.size > 0;
  }

  /** Every problem with the current values (shown or not yet). */
  problems(fields: FormField[]): Map<string, FieldProblem> {
    const problems = validate(fields, this.values);
    for (const key of this.badInput) problems.set(key, { key: "error.birthDateFormat" });
    for (const [key, problem] of this.server) problems.set(key, problem);
    return problems;
  }

  /** The problems to show now, in field order. */
  visible(fields: FormField[]): Map<string, FieldProblem> {
    const problems = this.problems(fields);
    const shown = new Map<string, FieldProblem>();
    for (const f of fields) {
      const problem = problems.get(f.key);
      if (problem && (this.submitted || this.touched.has(f.key) || this.server.has(f.key))) shown.set(f.key, problem);
    }
    return shown;
  }
}
