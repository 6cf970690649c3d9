export { applyFixes } from "./apply";
export { cliFor, fileNameFor } from "./commands";
export { FixWorkspace } from "./workspace";
export * from "./policy-edits";
