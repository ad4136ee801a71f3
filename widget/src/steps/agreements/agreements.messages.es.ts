import type { Translation } from "../../i18n/translator";
import type { AgreementsMessages } from "./agreements.messages";

export const es: Translation<AgreementsMessages> = {
  title: "Acuerdos de la tarjeta",
  intro: "Lee cada acuerdo y márcalo para aceptarlo. Todos son necesarios para abrir tu tarjeta.",
  legend: "Acuerdos por aceptar",
  read: "Leer:",
  newWindow: "(se abre en una ventana nueva)",
  linkUnavailable: "{label} (enlace no disponible)",
  progress: "{count} de {total} aceptados",
  accept: "Aceptar y continuar",
  accepting: "Guardando tu consentimiento…",
  mustTick: { one: "Marca el acuerdo para continuar.", other: "Marca todos los acuerdos para continuar." },
  acceptedTitle: "Acuerdos aceptados",
  acceptedOn: "Aceptaste estos acuerdos el {date}.",
  accepted: "Aceptaste estos acuerdos.",
  continue: "Continuar",
  empty: "No hay acuerdos que revisar por ahora.",
  loading: "Cargando los acuerdos…",
  kycFirst: "Los acuerdos se abren cuando tu identidad esté verificada.",
  goToKyc: "Ir a la verificación de identidad",
  announceAccepted: "Acuerdos aceptados.",
};
