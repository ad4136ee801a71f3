import type { Translation } from "../../i18n/translator";
import type { AgreementsMessages } from "./agreements.messages";

/** Portuguese (Brazil), loaded only for pages in that language. */
export const ptBR: Translation<AgreementsMessages> = {
  title: "Termos do cartão",
  intro: "Leia cada termo e marque-o para aceitar. Todos são necessários para abrir seu cartão.",
  legend: "Termos a aceitar",
  read: "Ler:",
  newWindow: "(abre em uma nova janela)",
  linkUnavailable: "{label} (link indisponível)",
  progress: "{count} de {total} aceitos",
  accept: "Aceitar e continuar",
  accepting: "Salvando seu consentimento…",
  mustTick: { one: "Marque o termo para continuar.", other: "Marque todos os termos para continuar." },
  acceptedTitle: "Termos aceitos",
  acceptedOn: "Você aceitou estes termos em {date}.",
  accepted: "Você aceitou estes termos.",
  continue: "Continuar",
  empty: "Não há termos para revisar agora.",
  loading: "Carregando os termos…",
  kycFirst: "Os termos ficam disponíveis depois que sua identidade for verificada.",
  goToKyc: "Ir para a verificação de identidade",
  announceAccepted: "Termos aceitos.",
};
