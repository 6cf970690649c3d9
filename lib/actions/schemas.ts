import { z } from "zod";
import { STEPS } from "@/lib/report/types";
import { ACCESS_KEY_ID } from "@/lib/security/secrets";

export const LocaleSchema = z.enum(["en", "ja"]);
export const StepsSchema = z.array(z.enum(STEPS)).min(1).max(STEPS.length);

/** Temporary credentials typed into the live form: used for one request, never stored, logged or returned. */
export const CredentialsSchema = z.object({
  accessKeyId: z.string().trim().regex(ACCESS_KEY_ID, "must be an AWS access key id (letters and digits)"),
  secretAccessKey: z.string().trim().min(16, "is too short for a secret access key").max(256),
  sessionToken: z
    .string()
    .trim()
    .max(4096)
    .optional()
    .transform((v) => (v ? v : undefined)),
});
