import type { Translation } from "../i18n/translator";
import type { ProblemMessages } from "./problem-messages";

export const es: Translation<ProblemMessages> = {
  api_base_missing:
    "Falta el atributo api-base. Indica la URL de tu Worker, por ejemplo <machines-card api-base=\"https://card.example.workers.dev\">.",
  api_base_invalid:
    "api-base=\"{value}\" no es una URL http(s) absoluta. Indica la URL de tu Worker, por ejemplo https://card.example.workers.dev.",
  api_base_insecure:
    "api-base=\"{value}\" usa http:// en una página https://, y los navegadores lo bloquean. Usa la URL https:// del Worker.",
  invalid_choice:
    "{attribute}=\"{value}\" no es uno de {allowed}; se usa {fallback}.",
  unknown_steps:
    "steps nombra pasos desconocidos ({value}); se omiten. Pasos conocidos: {allowed}.",
  no_steps:
    "steps=\"{value}\" no nombra ningún paso conocido, así que se muestran todos. Pasos conocidos: {allowed}.",
  brand_color_invalid:
    "brand-color=\"{value}\" no es un color hexadecimal como #4f46e5; se usa el color por defecto.",
  locale_unsupported:
    "locale=\"{value}\" no está traducido, así que se muestra en inglés. Traducidos: {allowed}.",
  card_limit_invalid:
    "card-limit=\"{value}\" no es un importe en dólares entre 1 y 1000000; no se fija un límite por defecto.",
  card_label_invalid:
    "card-label debe tener de 1 a 50 caracteres; no se fija un nombre por defecto.",
  asset_code_invalid:
    "{attribute}=\"{value}\" no es un código de moneda o red como usdc o base; se ignora.",
  worker_unreachable:
    "No se pudo contactar con el Worker en {apiBase}. Comprueba que api-base es la URL de tu Worker, que el Worker está en marcha y que su ALLOWED_ORIGINS incluye el origen de esta página ({origin}).",
  worker_invalid:
    "{apiBase} respondió a GET /v1/config con algo que no es un Worker de machines-card ({detail}). Comprueba que api-base es la URL de tu Worker.",
  origin_not_allowed:
    "El Worker en {apiBase} no acepta peticiones del origen de esta página ({origin}). Añade {origin} a la opción ALLOWED_ORIGINS del Worker y vuelve a desplegarlo.",
  environment_mismatch:
    "environment=\"{expected}\" pero el Worker en {apiBase} funciona en {actual}. Apunta api-base a tu Worker de {expected} o usa environment=\"{actual}\".",
  version_mismatch:
    "El Worker en {apiBase} es la versión {workerVersion} pero este widget es la versión {widgetVersion}: versiones mayores distintas pueden no funcionar juntas. Despliega un Worker y un widget de la misma versión mayor.",
  messages_unavailable:
    "No se pudo cargar messages=\"{value}\" ({detail}). Comprueba la URL, que responda al origen de esta página (CORS) y que el connect-src de la Content-Security-Policy de la página la permita. Se muestran los textos incluidos.",
  messages_invalid:
    "Los messages de {source} no se pueden usar ({detail}). Indica un objeto JSON de textos por clave, como {\"sign-in.title\": \"Entrar\"}; se muestran los textos incluidos.",
  "blocked.title": "Esta tarjeta aún no puede empezar",
  "blocked.help": "Un problema de configuración para los desarrolladores del sitio:",
  "warnings.title": "Avisos de configuración para los desarrolladores del sitio",
};
