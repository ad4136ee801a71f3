import type { Translation } from "../i18n/translator";
import type { ProblemMessages } from "./problem-messages";

/** German, loaded only for pages in that language. */
export const de: Translation<ProblemMessages> = {
  api_base_missing: "Das Attribut api-base fehlt. Geben Sie die URL Ihres Workers an, zum Beispiel <machines-card api-base=\"https://card.example.workers.dev\">.",
  api_base_invalid: "api-base=\"{value}\" ist keine absolute http(s)-URL. Geben Sie die URL Ihres Workers an, zum Beispiel https://card.example.workers.dev.",
  api_base_insecure: "api-base=\"{value}\" verwendet http:// auf einer https://-Seite, was Browser blockieren. Verwenden Sie die https://-URL des Workers.",
  invalid_choice: "{attribute}=\"{value}\" ist keiner von {allowed}; es wird {fallback} verwendet.",
  unknown_steps: "steps nennt unbekannte Schritte ({value}); sie werden ausgelassen. Bekannte Schritte: {allowed}.",
  no_steps: "steps=\"{value}\" nennt keinen bekannten Schritt, daher werden alle Schritte angezeigt. Bekannte Schritte: {allowed}.",
  brand_color_invalid: "brand-color=\"{value}\" ist keine Hex-Farbe wie #4f46e5; es wird die Standardfarbe verwendet.",
  locale_unsupported: "locale=\"{value}\" ist nicht übersetzt, daher wird Englisch angezeigt. Übersetzt: {allowed}.",
  card_limit_invalid: "card-limit=\"{value}\" ist kein Betrag in US-Dollar zwischen 1 und 1000000; es wird kein Standardlimit gesetzt.",
  card_label_invalid: "card-label muss 1 bis 50 Zeichen lang sein; es wird kein Standardname gesetzt.",
  asset_code_invalid: "{attribute}=\"{value}\" ist kein Währungs- oder Netzwerkcode wie usdc oder base; er wird ignoriert.",
  worker_unreachable: "Der Worker unter {apiBase} ist nicht erreichbar. Prüfen Sie, ob api-base die URL Ihres Workers ist, ob der Worker läuft und ob seine ALLOWED_ORIGINS die Herkunft dieser Seite ({origin}) enthalten.",
  worker_invalid: "{apiBase} hat auf GET /v1/config mit etwas geantwortet, das kein machines-card-Worker ist ({detail}). Prüfen Sie, ob api-base die URL Ihres Workers ist.",
  origin_not_allowed: "Der Worker unter {apiBase} akzeptiert keine Anfragen von der Herkunft dieser Seite ({origin}). Fügen Sie {origin} zur Einstellung ALLOWED_ORIGINS des Workers hinzu und stellen Sie ihn erneut bereit.",
  environment_mismatch: "environment=\"{expected}\", aber der Worker unter {apiBase} läuft in {actual}. Richten Sie api-base auf Ihren {expected}-Worker oder setzen Sie environment=\"{actual}\".",
  version_mismatch: "Der Worker unter {apiBase} hat Version {workerVersion}, dieses Widget aber Version {widgetVersion}: Unterschiedliche Hauptversionen funktionieren womöglich nicht zusammen. Stellen Sie Worker und Widget mit derselben Hauptversion bereit.",
  messages_unavailable: "messages=\"{value}\" konnte nicht geladen werden ({detail}). Prüfen Sie die URL, ob sie der Herkunft dieser Seite antwortet (CORS) und ob connect-src in der Content-Security-Policy der Seite sie erlaubt. Die eingebauten Texte werden angezeigt.",
  messages_invalid: "Die messages aus {source} sind nicht verwendbar ({detail}). Geben Sie ein JSON-Objekt mit Texten nach Schlüssel an, etwa {\"sign-in.title\": \"Einloggen\"}; die eingebauten Texte werden angezeigt.",
  "blocked.title": "Diese Karte kann noch nicht starten",
  "blocked.help": "Ein Einrichtungsproblem für die Entwickler der Website:",
  "warnings.title": "Einrichtungshinweise für die Entwickler der Website",
};
