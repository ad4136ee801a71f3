/**
 * The languages the widget is translated into: the one list everything else follows. Every message
 * module (`defineMessages`) must give a catalog for each (the compiler names any that is missing), the
 * negotiation (`negotiate.ts`) picks among them, and the README lists them. English is inline in every
 * module; the others are files loaded only by pages in that language.
 */
export const LANGUAGES = ["en", "es", "pt-BR", "fr", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
