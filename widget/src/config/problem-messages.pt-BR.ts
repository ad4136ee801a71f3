import type { Translation } from "../i18n/translator";
import type { ProblemMessages } from "./problem-messages";

/** Portuguese (Brazil), loaded only for pages in that language. */
export const ptBR: Translation<ProblemMessages> = {
  api_base_missing: "Falta o atributo api-base. Informe a URL do seu Worker, por exemplo <machines-card api-base=\"https://card.example.workers.dev\">.",
  api_base_invalid: "api-base=\"{value}\" não é uma URL http(s) absoluta. Informe a URL do seu Worker, por exemplo https://card.example.workers.dev.",
  api_base_insecure: "api-base=\"{value}\" usa http:// em uma página https://, o que os navegadores bloqueiam. Use a URL https:// do Worker.",
  invalid_choice: "{attribute}=\"{value}\" não é um de {allowed}; usando {fallback}.",
  unknown_steps: "steps cita etapas desconhecidas ({value}); elas foram omitidas. Etapas conhecidas: {allowed}.",
  no_steps: "steps=\"{value}\" não cita nenhuma etapa conhecida, então todas são exibidas. Etapas conhecidas: {allowed}.",
  brand_color_invalid: "brand-color=\"{value}\" não é uma cor hexadecimal como #4f46e5; usando a cor padrão.",
  locale_unsupported: "locale=\"{value}\" não está traduzido, então o inglês é exibido. Traduzidos: {allowed}.",
  card_limit_invalid: "card-limit=\"{value}\" não é um valor em dólares americanos entre 1 e 1000000; nenhum limite padrão é definido.",
  card_label_invalid: "card-label deve ter de 1 a 50 caracteres; nenhum nome padrão é definido.",
  asset_code_invalid: "{attribute}=\"{value}\" não é um código de moeda ou rede como usdc ou base; ele é ignorado.",
  worker_unreachable: "Não foi possível acessar o Worker em {apiBase}. Confira se api-base é a URL do seu Worker, se o Worker está no ar e se o ALLOWED_ORIGINS dele inclui a origem desta página ({origin}).",
  worker_invalid: "{apiBase} respondeu a GET /v1/config com algo que não é um Worker do machines-card ({detail}). Confira se api-base é a URL do seu Worker.",
  origin_not_allowed: "O Worker em {apiBase} não aceita solicitações da origem desta página ({origin}). Adicione {origin} à configuração ALLOWED_ORIGINS do Worker e publique-o novamente.",
  environment_mismatch: "environment=\"{expected}\", mas o Worker em {apiBase} roda em {actual}. Aponte api-base para o seu Worker de {expected} ou use environment=\"{actual}\".",
  version_mismatch: "O Worker em {apiBase} está na versão {workerVersion}, mas este widget está na versão {widgetVersion}: versões principais diferentes podem não funcionar juntas. Publique um Worker e um widget da mesma versão principal.",
  messages_unavailable: "Não foi possível carregar messages=\"{value}\" ({detail}). Confira a URL, se ela responde à origem desta página (CORS) e se o connect-src da Content-Security-Policy da página a permite. Os textos incluídos são exibidos.",
  messages_invalid: "As messages de {source} não podem ser usadas ({detail}). Informe um objeto JSON de textos por chave, como {\"sign-in.title\": \"Entrar\"}; os textos incluídos são exibidos.",
  "blocked.title": "Este cartão ainda não pode começar",
  "blocked.help": "Um problema de configuração para os desenvolvedores do site:",
  "warnings.title": "Avisos de configuração para os desenvolvedores do site",
};
