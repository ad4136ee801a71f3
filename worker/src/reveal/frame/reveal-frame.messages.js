// @ts-check
// The reveal frame's own small catalog (the frame loads nothing from the widget). The card strings are
// the widget's (widget/src/steps/card/card.messages*.ts): keep the two in step when one changes.
// Served before reveal-frame.js, in the same function scope (worker/src/reveal/frame-page.ts).

/** @typedef {typeof REVEAL_FRAME_EN} RevealFrameMessages */

const REVEAL_FRAME_EN = {
  title: "Card details",
  loading: "Loading card details…",
  privacy: "Only you can see these. Check nobody is looking at your screen.",
  number: "Card number",
  expiry: "Expiry (MM/YY)",
  cvc: "CVC",
  copyNumber: "Copy number",
  copyExpiry: "Copy expiry",
  copyCvc: "Copy CVC",
  copied: "Copied",
  copyFailed: "Could not copy. Select the text instead.",
  hidesIn: "Hidden again in {seconds} s",
  hidden: "Card details hidden.",
  "error.reveal_ticket_expired": "This link to your card details has expired. Close it and reveal again.",
  "error.reveal_ticket_used": "This link to your card details was already used. Close it and reveal again.",
  "error.reveal_ticket_wrong_origin": "These card details can only be shown on the page that asked for them. Close this and reveal again.",
  "error.reveal_ticket_unknown": "This link to your card details is not valid. Close it and reveal again.",
  "error.other": "Your card details could not be loaded. Close this and try again in a moment.",
};

/** @type {Record<"en" | "es", RevealFrameMessages>} */
const REVEAL_FRAME_MESSAGES = {
  en: REVEAL_FRAME_EN,
  es: {
    title: "Datos de la tarjeta",
    loading: "Cargando los datos de la tarjeta…",
    privacy: "Solo tú puedes verlos. Comprueba que nadie mire tu pantalla.",
    number: "Número de tarjeta",
    expiry: "Vencimiento (MM/AA)",
    cvc: "CVC",
    copyNumber: "Copiar número",
    copyExpiry: "Copiar vencimiento",
    copyCvc: "Copiar CVC",
    copied: "Copiado",
    copyFailed: "No se pudo copiar. Selecciona el texto.",
    hidesIn: "Se ocultan en {seconds} s",
    hidden: "Datos de la tarjeta ocultos.",
    "error.reveal_ticket_expired": "Este enlace a los datos de tu tarjeta ha caducado. Ciérralo y vuelve a mostrarlos.",
    "error.reveal_ticket_used": "Este enlace a los datos de tu tarjeta ya se usó. Ciérralo y vuelve a mostrarlos.",
    "error.reveal_ticket_wrong_origin": "Estos datos solo se pueden mostrar en la página que los pidió. Ciérralo y vuelve a mostrarlos.",
    "error.reveal_ticket_unknown": "Este enlace a los datos de tu tarjeta no es válido. Ciérralo y vuelve a mostrarlos.",
    "error.other": "No se pudieron cargar los datos de tu tarjeta. Ciérralo y vuelve a intentarlo en un momento.",
  },
};
