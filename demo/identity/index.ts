export {
  createIdentityIssuer,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEFAULT_TOKEN_TTL_SECONDS,
  type IdentityIssuer,
  type IdentityIssuerOptions,
} from "./identity-issuer";
export type { IdentityState, IdentityStateStore } from "./identity-state";
export type { OtpCodeView, OtpPolicy } from "./otp-codes";
export type { RefreshPolicy } from "./refresh-sessions";
export type { SignInReply } from "./schemas";
export { IdentityTokenError, type IdentityClaims, type IssueTokenParameters, type TokenErrorCode } from "./tokens";
export { createTestTokens, type TestTokens, type TestTokenUser } from "./test-tokens";
export { normaliseEmail, userIdForEmail } from "./user-id";
