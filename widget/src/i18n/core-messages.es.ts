import type { CoreMessages } from "./core-messages";
import type { Translation } from "./translator";

/** The element's own strings in Spanish (loaded only for Spanish pages). */
export const es: Translation<CoreMessages> = {
  "widget.label": "Cuenta de la tarjeta",
  "step.sign-in": "Acceso",
  "step.kyc": "Identidad",
  "step.agreements": "Acuerdos",
  "step.deposit": "Depósito",
  "step.card": "Tarjeta",
  "step.withdraw": "Retiro",
  "step.activity": "Movimientos",
  "progress.label": "Pasos",
  "progress.done": "completado",
  "progress.locked": "aún no disponible",
  "announce.step": "Paso {index} de {total}: {name}",
  "badge.sandbox": "Sandbox",
  "badge.sandboxHint": "Modo de prueba: no se mueve dinero real",
  "signOut": "Cerrar sesión",
  "signedInAs": "Sesión iniciada como {email}",
  "loading": "Cargando…",
  "loadingStep": "Cargando {name}…",
  "retry": "Reintentar",
  "reference": "Referencia: {requestId}",
  "stepLoadFailed": "Este paso no se pudo cargar. Revisa tu conexión e inténtalo de nuevo.",
  "sessionExpired": "Tu sesión terminó. Vuelve a iniciar sesión para continuar.",
  "locked.missingStep": "Esta página no ofrece el paso {name}, que va antes. Contacta al responsable del sitio.",
  "error.default": "Algo salió mal. Inténtalo de nuevo.",
};
