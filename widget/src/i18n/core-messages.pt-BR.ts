import type { Translation } from "./translator";
import type { CoreMessages } from "./core-messages";

/** Portuguese (Brazil), loaded only for pages in that language. */
export const ptBR: Translation<CoreMessages> = {
  "widget.label": "Conta do cartão",
  "step.sign-in": "Entrar",
  "step.kyc": "Identidade",
  "step.agreements": "Termos",
  "step.deposit": "Depósito",
  "step.card": "Cartão",
  "step.withdraw": "Saque",
  "step.activity": "Extrato",
  "progress.label": "Etapas",
  "progress.done": "concluída",
  "progress.locked": "ainda não disponível",
  "announce.step": "Etapa {index} de {total}: {name}",
  "badge.sandbox": "Sandbox",
  "badge.sandboxHint": "Modo de teste: nenhum dinheiro real é movimentado",
  signOut: "Sair",
  signedInAs: "Conectado como {email}",
  loading: "Carregando…",
  loadingStep: "Carregando {name}…",
  retry: "Tentar novamente",
  reference: "Referência: {requestId}",
  stepLoadFailed: "Não foi possível carregar esta etapa. Verifique sua conexão e tente novamente.",
  sessionExpired: "Sua sessão terminou. Entre novamente para continuar.",
  "locked.missingStep": "Esta página não oferece a etapa {name}, que vem antes. Fale com o responsável pelo site.",
  "error.default": "Algo deu errado. Tente novamente.",
};
