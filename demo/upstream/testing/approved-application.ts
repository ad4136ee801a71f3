import type { KycApplication } from "@machines-card/contract/machines/kyc";

/**
 * Test-only: a complete KYC application the simulator approves at once (its last name contains
 * "approved", `domain/kyc.ts`), for tests and scripts that need a verified user without filling a form:
 * Worker tests, the widget's step fixtures, the load run and the benchmarks.
 */
export function approvedApplication(email: string): KycApplication {
  return {
    firstName: "Ada",
    lastName: "Approved",
    birthDate: "1990-01-01",
    nationalId: "123456789",
    countryOfIssue: "US",
    email,
    address: { line1: "123 Main St", city: "New York", region: "NY", postalCode: "10001", countryCode: "US" },
    occupation: "49-3023",
    annualSalary: "<40k",
    accountPurpose: "everyday spend",
    expectedMonthlyVolume: "under $1k",
  };
}
