import "server-only";
import type { AwsPartition } from "@/lib/policy/regions";

/** The region where a partition's global IAM endpoint is signed. */
export function iamSigningRegion(partition: AwsPartition): string {
  switch (partition) {
    case "aws-cn":
      return "cn-north-1";
    case "aws-us-gov":
      return "us-gov-west-1";
    case "aws-eusc":
      return "eusc-de-east-1";
    default:
      return "us-east-1";
  }
}
