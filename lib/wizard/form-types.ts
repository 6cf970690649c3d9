/**
 * The wizard's form state, shared by the client components and the pure helpers. The credential type is declared
 * here too; its values live only in the wizard's memory (never stored, logged or sent anywhere but the live route).
 */
export type AccessMode = "role" | "access-key";

export interface StartInput {
  mode: AccessMode;
  bucketUri: string;
  roleArn: string;
  externalId: string;
  tidbAccountId: string;
  accessKeyId: string;
  region: string;
  errorMessage: string;
}

interface NamedText {
  /** Inline policy name, or the managed policy's ARN (then it goes to attachedPolicies). */
  name: string;
  text: string;
}

interface KeyPolicyText {
  /** The KMS key ARN the policy belongs to; empty = the bucket's default key. */
  keyArn: string;
  text: string;
}

/** One object's HEAD, as `aws s3api head-object --bucket <bucket> --key <key>` prints it. */
interface HeadText {
  key: string;
  text: string;
}

/** Documents pasted in offline mode; an empty text means "not provided". */
export interface OfflineDocuments {
  trustPolicy: string;
  identityPolicies: NamedText[];
  bucketPolicy: string;
  objectOwnership: string;
  bucketEncryption: string;
  keyPolicies: KeyPolicyText[];
  /** Access-key mode: ARN of the IAM user that owns the key (optional). */
  userArn: string;
  /** Account that owns the bucket; empty = the role's or user's account. */
  bucketOwnerAccountId: string;
  /** Output of aws s3api get-bucket-request-payment, or BucketOwner / Requester. */
  requesterPays: string;
  /** Output of aws s3api list-objects-v2 --fetch-owner for the folder. */
  objectListing: string;
  objectHeads: HeadText[];
  /** "I don't know": leave the Requester Pays check, or the object checks, out (said once in the results). */
  skipRequesterPays: boolean;
  skipObjects: boolean;
}

export const EMPTY_START: StartInput = {
  mode: "role",
  bucketUri: "",
  roleArn: "",
  externalId: "",
  tidbAccountId: "",
  accessKeyId: "",
  region: "",
  errorMessage: "",
};

export const EMPTY_DOCUMENTS: OfflineDocuments = {
  trustPolicy: "",
  identityPolicies: [{ name: "", text: "" }],
  bucketPolicy: "",
  objectOwnership: "",
  bucketEncryption: "",
  keyPolicies: [{ keyArn: "", text: "" }],
  userArn: "",
  bucketOwnerAccountId: "",
  requesterPays: "",
  objectListing: "",
  objectHeads: [{ key: "", text: "" }],
  skipRequesterPays: false,
  skipObjects: false,
};

/** Temporary credentials typed for live mode: used for one run, then cleared. */
export interface LiveCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

export const EMPTY_CREDENTIALS: LiveCredentials = { accessKeyId: "", secretAccessKey: "", sessionToken: "" };
