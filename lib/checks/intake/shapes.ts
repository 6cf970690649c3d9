/**
 * Shapes of the start form's values that the intake checks judge and the wizard checks as they are typed (pure:
 * also runs in the browser). Rules: IAM User Guide, "IAM and AWS STS quotas" (the External ID: 2 to 1,224
 * characters, letters, digits and + = , . @ : / -).
 */

/** An External ID STS accepts. */
export const STS_EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
/** TiDB Cloud External IDs seen so far: hex of "infra-api" followed by 16 random bytes (an inference, not documented). */
export const TIDB_EXTERNAL_ID = /^696e6672612d617069[0-9a-f]{32}$/;
/** How a TiDB Cloud External ID begins (hex of "infra-api"). */
export const TIDB_EXTERNAL_ID_PREFIX = "696e6672612d617069";
