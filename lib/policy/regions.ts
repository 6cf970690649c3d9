/**
 * AWS's public region list (commercial, China, GovCloud and the European Sovereign Cloud partitions: those of
 * lib/policy/arn.ts), held in the project so that a region typed by a user is checked before it becomes part of any
 * hostname. Plain data: the wizard checks a typed region in the browser, the live reader before it calls AWS.
 * Source: the partitions table shipped with the AWS SDK for JavaScript v3 and AWS's "Regions and Zones" page.
 */
const AWS_REGIONS = {
  aws: [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
  ],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
  "aws-eusc": ["eusc-de-east-1"],
} as const;

export type AwsPartition = keyof typeof AWS_REGIONS;

export const REGION_LIST: readonly string[] = Object.values(AWS_REGIONS).flat();

const REGIONS = new Set<string>(REGION_LIST);

/** True when `r` is one of AWS's public regions (exact, lowercase: "ap-northeast-1"). */
export function isValidRegion(r: unknown): r is string {
  return typeof r === "string" && REGIONS.has(r);
}

/** The partition a region belongs to ("aws" for an unknown one). */
export function partitionOf(region: string): AwsPartition {
  for (const [p, list] of Object.entries(AWS_REGIONS) as [AwsPartition, readonly string[]][]) {
    if (list.includes(region)) return p;
  }
  return "aws";
}
