/**
 * Message files are split by area so that each part of the app owns its own file:
 * lib/i18n/messages/<locale>/<namespace>.json. Add a namespace here when you add a file.
 */
export const NAMESPACES = ["common", "home", "wizard", "report", "share"] as const;
export type Namespace = (typeof NAMESPACES)[number];
