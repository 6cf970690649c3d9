/**
 * The collection script's reads: one bash section per row of lib/reads/table.ts, making the same calls as the live
 * collector's reader for that row (lib/aws/collector), with the same inputs, so that the bundle answers the
 * collector's replay call for call. Sections run in table order; each uses what earlier ones found.
 */
import type { ReadId } from "@/lib/reads/table";
import { sh } from "./sh";

/**
 * The inline and the attached policies of a role, a user or a group: the same calls, but for the kind in their
 * names and the bash word holding the name.
 */
const POLICIES = sh`
if call 'iam:List@KIND@Policies' '' "$(jo @KIND@Name @NAME@)"; then
  jlist PolicyNames
  for name in "$\{VALUES[@]}"; do call 'iam:Get@KIND@Policy' '' "$(jo @KIND@Name @NAME@ PolicyName "$name")"; done
fi
if call 'iam:ListAttached@KIND@Policies' '' "$(jo @KIND@Name @NAME@)"; then
  jall PolicyArn
  for arn in "$\{VALUES[@]}"; do read_managed "$arn"; done
fi`.trim();

const POLICY_HOLDERS = {
  role: { kind: "Role", name: '"$ROLE_NAME"' },
  user: { kind: "User", name: '"$USER_NAME"' },
  group: { kind: "Group", name: '"$group"' },
} as const;

/** Puts the policy reads of a holder in place of each line `@policies HOLDER@`, at that line's indentation. */
function withPolicies(section: string): string {
  return section.replace(/^( *)@policies (\w+)@$/gm, (_, indent: string, holder: string) => {
    if (!(holder in POLICY_HOLDERS)) throw new Error(`no policy holder ${holder}`);
    const { kind, name } = POLICY_HOLDERS[holder as keyof typeof POLICY_HOLDERS];
    return POLICIES.replaceAll("@KIND@", kind)
      .replaceAll("@NAME@", name)
      .split("\n")
      .map((line) => indent + line)
      .join("\n");
  });
}

export const SECTIONS: Record<ReadId, string> = {
  caller: sh`
CALLER_ACCOUNT=''
if call 'sts:GetCallerIdentity' '' '{}' && jfield Account; then CALLER_ACCOUNT=$FIELD; fi
`,
  role: sh`
ROLE_BOUNDARY=''
if call 'iam:GetRole' '' "$(jo RoleName "$ROLE_NAME")" && jfield PermissionsBoundaryArn; then ROLE_BOUNDARY=$FIELD; fi
`,
  rolePolicies: withPolicies(sh`
@policies role@
if [ -n "$ROLE_BOUNDARY" ]; then read_managed "$ROLE_BOUNDARY"; fi
call 'iam:ListRoleTags' '' "$(jo RoleName "$ROLE_NAME")"
`),
  user: sh`
USER_NAME=''
USER_ARN=''
USER_BOUNDARY=''
call 'sts:GetAccessKeyInfo' '' "$(jo AccessKeyId "$ACCESS_KEY_ID")"
if call 'iam:GetAccessKeyLastUsed' '' "$(jo AccessKeyId "$ACCESS_KEY_ID")" && jfield UserName; then USER_NAME=$FIELD; fi
if [ -n "$USER_NAME" ]; then
  if call 'iam:GetUser' '' "$(jo UserName "$USER_NAME")"; then
    if jfield Arn; then USER_ARN=$FIELD; fi
    if jfield PermissionsBoundaryArn; then USER_BOUNDARY=$FIELD; fi
  fi
  call 'iam:ListAccessKeys' '' "$(jo UserName "$USER_NAME")"
fi
`,
  userPolicies: withPolicies(sh`
if [ -n "$USER_NAME" ]; then
  @policies user@
  if call 'iam:ListGroupsForUser' '' "$(jo UserName "$USER_NAME")"; then
    jall GroupName
    for group in "$\{VALUES[@]}"; do
      @policies group@
    done
  fi
  if [ -n "$USER_BOUNDARY" ]; then read_managed "$USER_BOUNDARY"; fi
  call 'iam:ListUserTags' '' "$(jo UserName "$USER_NAME")"
fi
`),
  bucket: sh`
BUCKET_REGION=''
if call 's3:HeadBucket' '' "$(jo Bucket "$BUCKET")" && jfield BucketRegion; then BUCKET_REGION=$FIELD; fi
if call 's3:GetBucketLocation' '' "$(jo Bucket "$BUCKET")"; then
  if jfield LocationConstraint; then BUCKET_REGION=$FIELD; else BUCKET_REGION=us-east-1; fi
  if [ "$BUCKET_REGION" = EU ]; then BUCKET_REGION=eu-west-1; fi
fi
# The owner: does the role's account (then the caller's) own the bucket?
OWNER_TRIED=''
for account in "$ROLE_ACCOUNT" "$CALLER_ACCOUNT"; do
  if [ -z "$account" ] || [ "$account" = "$OWNER_TRIED" ]; then continue; fi
  OWNER_TRIED=$account
  if call 's3:HeadBucket' '' "$(jo Bucket "$BUCKET" ExpectedBucketOwner "$account")"; then break; fi
done
call 's3:GetBucketAcl' '' "$(jo Bucket "$BUCKET")"
# The bucket's tags: whether a CloudFormation stack made it.
call 's3:GetBucketTagging' '' "$(jo Bucket "$BUCKET")"
`,
  bucketPolicy: sh`
call 's3:GetBucketPolicy' '' "$(jo Bucket "$BUCKET")"
`,
  requesterPays: sh`
call 's3:GetBucketRequestPayment' '' "$(jo Bucket "$BUCKET")"
`,
  ownership: sh`
call 's3:GetBucketOwnershipControls' '' "$(jo Bucket "$BUCKET")"
`,
  objects: sh`
KEYS=()
if call 's3:ListObjectsV2' '' "$(jo Bucket "$BUCKET" Prefix "$PREFIX" @FetchOwner true @MaxKeys 1000)"; then
  jall Key
  for key in "$\{VALUES[@]}"; do
    if in_target "$key"; then KEYS+=("$key"); fi
  done
fi
`,
  objectHeads: sh`
pick_sample
for key in "$\{SAMPLE[@]}"; do
  if call 's3:HeadObject' '' "$(jo Bucket "$BUCKET" Key "$key")" && jfield SSEKMSKeyId; then add_key "$FIELD"; fi
done
`,
  objectTags: sh`
# Only when a policy read so far has an s3:ExistingObjectTag condition: the tags of the same sample of objects.
if mentions 's3:ExistingObjectTag/'; then
  for key in "$\{SAMPLE[@]}"; do call 's3:GetObjectTagging' '' "$(jo Bucket "$BUCKET" Key "$key")"; done
fi
`,
  encryption: sh`
if call 's3:GetBucketEncryption' '' "$(jo Bucket "$BUCKET")" && jfield SSEAlgorithm; then
  if [ "$FIELD" = aws:kms ] || [ "$FIELD" = aws:kms:dsse ]; then
    # Without a key id, aws:kms means the AWS managed key aws/s3.
    if jfield KMSMasterKeyID; then add_key "$FIELD"; else add_key alias/aws/s3; fi
  fi
fi
`,
  keys: sh`
KEY_ARN_SHAPE='^arn:aws[a-z-]*:kms:([a-z0-9-]+):[0-9]{12}:key/[A-Za-z0-9_-]+$'
KEY_ARNS=()
KEYS_DONE=' '
key_details() {
  [[ $KEYS_DONE == *" $1 "* ]] && return 0
  KEYS_DONE+="$1 "
  call 'kms:GetKeyPolicy' "$2" "$(jo KeyId "$1" PolicyName default)"
  call 'kms:ListAliases' "$2" "$(jo KeyId "$1")"
  # The key's tags: always for a key of the caller's own account (whether a CloudFormation stack made it; tags
  # cannot be listed across accounts), and for another key only when a policy read so far has an aws:ResourceTag
  # condition.
  local account=''
  if [[ $1 =~ ^arn:[^:]+:kms:[^:]*:([0-9]{12}): ]]; then account=$\{BASH_REMATCH[1]}; fi
  if { [ -n "$account" ] && [ "$account" = "$CALLER_ACCOUNT" ]; } || mentions 'aws:ResourceTag/'; then
    call 'kms:ListResourceTags' "$2" "$(jo KeyId "$1")"
  fi
}
for id in "$\{KEY_IDS[@]}"; do
  if [[ $id =~ $KEY_ARN_SHAPE ]]; then
    region=$\{BASH_REMATCH[1]}
    key_details "$id" "$region"
    if call 'kms:DescribeKey' "$region" "$(jo KeyId "$id")"; then KEY_ARNS+=("$id"); fi
  else
    # An alias or a bare key id lives in the bucket's region.
    region=$\{BUCKET_REGION:-$\{TARGET_REGION:-us-east-1}}
    if call 'kms:DescribeKey' "$region" "$(jo KeyId "$id")" && jfield Arn; then
      arn=$FIELD
      KEY_ARNS+=("$arn")
      if [[ $arn =~ $KEY_ARN_SHAPE ]]; then key_details "$arn" "$\{BASH_REMATCH[1]}"; else key_details "$arn" "$region"; fi
    fi
  fi
done
`,
  simulation: sh`
if [ "$MODE" = role ]; then PRINCIPAL=$ROLE_ARN; else PRINCIPAL=$USER_ARN; fi
if [ -n "$PRINCIPAL" ]; then
  partition=$\{PRINCIPAL#arn:}
  BUCKET_ARN="arn:$\{partition%%:*}:s3:::$BUCKET"
  call 'iam:SimulatePrincipalPolicy' '' "$(jo PolicySourceArn "$PRINCIPAL" @ActionNames "$(ja s3:GetBucketLocation s3:ListBucket)" \
    @ResourceArns "$(ja "$BUCKET_ARN")" \
    @ContextEntries "[$(jo ContextKeyName s3:prefix @ContextKeyValues "$(ja "$FOLDER")" ContextKeyType string)]")"
  resources=()
  for key in "$\{KEYS[@]:0:3}"; do resources+=("$BUCKET_ARN/$key"); done
  if [ $\{#resources[@]} -gt 0 ]; then
    if [ "$MODE" = role ]; then actions=(s3:GetObject s3:GetObjectVersion); else actions=(s3:GetObject); fi
    call 'iam:SimulatePrincipalPolicy' '' "$(jo PolicySourceArn "$PRINCIPAL" @ActionNames "$(ja "$\{actions[@]}")" \
      @ResourceArns "$(ja "$\{resources[@]}")" @ContextEntries '[]')"
  fi
  if [ $\{#KEY_ARNS[@]} -gt 0 ]; then
    mapfile -t keys < <(printf '%s\n' "$\{KEY_ARNS[@]}" | LC_ALL=C sort -u)
    call 'iam:SimulatePrincipalPolicy' '' "$(jo PolicySourceArn "$PRINCIPAL" @ActionNames "$(ja kms:Decrypt)" \
      @ResourceArns "$(ja "$\{keys[@]}")" @ContextEntries '[]')"
  fi
fi
`,
};
