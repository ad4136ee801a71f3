import type { Translation } from "../../i18n/translator";
import type { ActivityMessages } from "./activity.messages";

/** Portuguese (Brazil), loaded only for pages in that language. */
export const ptBR: Translation<ActivityMessages> = {
  intro: "Compras, depósitos, saques e tarifas, dos mais recentes aos mais antigos.",
  show: "Mostrar",
  "filter.all": "Toda a movimentação",
  "filter.spend": "Compras",
  "filter.collateral": "Depósitos e saques",
  "filter.payment": "Pagamentos",
  "filter.fee": "Tarifas",
  "type.spend": "Compra",
  "type.collateral.in": "Depósito",
  "type.collateral.out": "Saque da sua carteira",
  "type.payment": "Pagamento",
  "type.fee": "Tarifa",
  "status.pending": "Pendente",
  "status.posted": "Lançada",
  "status.declined": "Recusada",
  "status.reversed": "Estornada",
  "status.completed": "Concluída",
  "status.other": "Em andamento",
  refresh: "Atualizar",
  refreshed: "Extrato atualizado.",
  list: "Transações",
  empty: "Nenhuma movimentação ainda. Suas compras, depósitos e saques aparecerão aqui.",
  emptyFiltered: "Nada deste tipo ainda.",
  more: "Mostrar mais",
  loadingMore: "Carregando mais…",
  loaded: { one: "Mais {count} exibida.", other: "Mais {count} exibidas." },
  end: "Isso é tudo.",
};
