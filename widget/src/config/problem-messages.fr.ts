import type { Translation } from "../i18n/translator";
import type { ProblemMessages } from "./problem-messages";

/** French, loaded only for pages in that language. */
export const fr: Translation<ProblemMessages> = {
  api_base_missing: "L’attribut api-base est manquant. Indiquez l’URL de votre Worker, par exemple <machines-card api-base=\"https://card.example.workers.dev\">.",
  api_base_invalid: "api-base=\"{value}\" n’est pas une URL http(s) absolue. Indiquez l’URL de votre Worker, par exemple https://card.example.workers.dev.",
  api_base_insecure: "api-base=\"{value}\" utilise http:// sur une page https://, ce que les navigateurs bloquent. Utilisez l’URL https:// du Worker.",
  invalid_choice: "{attribute}=\"{value}\" ne fait pas partie de {allowed} ; {fallback} est utilisé.",
  unknown_steps: "steps nomme des étapes inconnues ({value}) ; elles sont ignorées. Étapes connues : {allowed}.",
  no_steps: "steps=\"{value}\" ne nomme aucune étape connue, toutes les étapes sont donc affichées. Étapes connues : {allowed}.",
  brand_color_invalid: "brand-color=\"{value}\" n’est pas une couleur hexadécimale comme #4f46e5 ; la couleur par défaut est utilisée.",
  locale_unsupported: "locale=\"{value}\" n’est pas traduit, l’anglais est donc affiché. Langues traduites : {allowed}.",
  card_limit_invalid: "card-limit=\"{value}\" n’est pas un montant en dollars américains entre 1 et 1000000 ; aucune limite par défaut n’est définie.",
  card_label_invalid: "card-label doit compter de 1 à 50 caractères ; aucun nom par défaut n’est défini.",
  asset_code_invalid: "{attribute}=\"{value}\" n’est pas un code de devise ou de réseau comme usdc ou base ; il est ignoré.",
  worker_unreachable: "Impossible de joindre le Worker à l’adresse {apiBase}. Vérifiez que api-base est l’URL de votre Worker, que le Worker est en service et que son ALLOWED_ORIGINS inclut l’origine de cette page ({origin}).",
  worker_invalid: "{apiBase} a répondu à GET /v1/config par autre chose qu’un Worker machines-card ({detail}). Vérifiez que api-base est l’URL de votre Worker.",
  origin_not_allowed: "Le Worker à l’adresse {apiBase} n’accepte pas les requêtes de l’origine de cette page ({origin}). Ajoutez {origin} au paramètre ALLOWED_ORIGINS du Worker et redéployez-le.",
  environment_mismatch: "environment=\"{expected}\", mais le Worker à l’adresse {apiBase} tourne en {actual}. Pointez api-base vers votre Worker {expected} ou indiquez environment=\"{actual}\".",
  version_mismatch: "Le Worker à l’adresse {apiBase} est en version {workerVersion}, mais ce widget est en version {widgetVersion} : des versions majeures différentes peuvent ne pas fonctionner ensemble. Déployez un Worker et un widget de même version majeure.",
  messages_unavailable: "messages=\"{value}\" n’a pas pu être chargé ({detail}). Vérifiez l’URL, qu’elle répond à l’origine de cette page (CORS) et que le connect-src de la Content-Security-Policy de la page l’autorise. Les textes intégrés sont affichés.",
  messages_invalid: "Les messages de {source} ne sont pas utilisables ({detail}). Fournissez un objet JSON de textes par clé, comme {\"sign-in.title\": \"Se connecter\"} ; les textes intégrés sont affichés.",
  "blocked.title": "Cette carte ne peut pas encore démarrer",
  "blocked.help": "Un problème de configuration pour les développeurs du site :",
  "warnings.title": "Avertissements de configuration pour les développeurs du site",
};
