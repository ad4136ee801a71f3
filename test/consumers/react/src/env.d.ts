/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The partner's machines-card Worker (the test builds with the sandbox Worker's URL). */
  readonly VITE_MACHINES_CARD_API_BASE: string;
}
