/**
 * The collection script's fixed part: bash functions to make one read with the AWS CLI and record it in the bundle
 * (`call`), to write JSON, and to take values out of the CLI's answers (which it prints as JSON, one field per line).
 * Only `call` runs `aws`, and only the commands of `command_of` (generated from lib/reads/operations.ts).
 */
import { OPERATIONS, type OperationName } from "@/lib/reads/operations";
import { sh, shellQuote } from "./sh";

/** `command_of OP`: the AWS CLI command of each operation (sets CMD and EXTRA), nothing else. */
export function commandTable(): string {
  const rows = (Object.keys(OPERATIONS) as OperationName[]).map((op) => {
    const cli = OPERATIONS[op].cli;
    const extra = "once" in cli ? "--no-paginate" : "";
    return `    ${shellQuote(op)}) CMD=(${cli.command}); EXTRA=(${extra}) ;;`;
  });
  return ["command_of() {", '  case "$1" in', ...rows, "    *) return 1 ;;", "  esac", "}"].join("\n");
}

export const RUNTIME = sh`
export AWS_PAGER=""
WORK=$(mktemp -d) || exit 1
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/calls"
ENDPOINT=()
# Tests point the AWS CLI at a fake endpoint; AWS CloudShell never sets this.
if [ -n "$\{AWS_ENDPOINT_URL:-}" ]; then ENDPOINT=(--endpoint-url "$AWS_ENDPOINT_URL"); fi
DEFAULT_REGION=$\{TARGET_REGION:-$\{AWS_REGION:-$\{AWS_DEFAULT_REGION:-us-east-1}}}
STEP=0
FAILED=0
AWS_ERROR='An error occurred \(([^)]+)\) when calling the [A-Za-z0-9]+ operation: ?(.*)'

# jstr VALUE: VALUE as a JSON string.
jstr() {
  local s=$1 out='' c i
  s=$\{s//\\/\\\\}
  s=$\{s//\"/\\\"}
  s=$\{s//$'\n'/\\n}
  s=$\{s//$'\r'/\\r}
  s=$\{s//$'\t'/\\t}
  if [[ $s == *[$'\001'-$'\037']* ]]; then
    for ((i = 0; i < $\{#s}; i++)); do
      c=$\{s:i:1}
      if [[ $c == [$'\001'-$'\037'] ]]; then printf -v c '\\u%04x' "'$c"; fi
      out+=$c
    done
    s=$out
  fi
  printf '"%s"' "$s"
}

# jo NAME VALUE ...: a JSON object of string values; @NAME VALUE puts VALUE in as JSON.
jo() {
  local out='' sep='' k
  while [ $# -ge 2 ]; do
    k=$1
    if [[ $k == @* ]]; then out+="$sep$(jstr "$\{k#@}"):$2"; else out+="$sep$(jstr "$k"):$(jstr "$2")"; fi
    sep=','
    shift 2
  done
  printf '{%s}' "$out"
}

# ja VALUE ...: a JSON array of strings.
ja() {
  local out='' sep='' v
  for v in "$@"; do
    out+="$sep$(jstr "$v")"
    sep=','
  done
  printf '[%s]' "$out"
}

# junesc TEXT: the string a JSON string's inside stands for, in UNESC.
junesc() {
  local s=$1 i=0 n c
  UNESC=''
  if [[ $s != *\\* ]]; then UNESC=$s; return; fi
  n=$\{#s}
  while ((i < n)); do
    c=$\{s:i:1}
    if [[ $c == \\ ]]; then
      c=$\{s:i+1:1}
      case $c in
        n) UNESC+=$'\n' ;;
        t) UNESC+=$'\t' ;;
        r) UNESC+=$'\r' ;;
        b) UNESC+=$'\b' ;;
        f) UNESC+=$'\f' ;;
        u) printf -v c '%b' "\\u$\{s:i+2:4}"; UNESC+=$c; i=$((i + 4)) ;;
        *) UNESC+=$c ;;
      esac
      i=$((i + 2))
    else
      UNESC+=$c
      i=$((i + 1))
    fi
  done
}

# jfield NAME: the first string value of "NAME" in the last answer, in FIELD (false when there is none).
jfield() {
  local line re="^[[:space:]]*\"$1\": \"(.*)\",?\$"
  FIELD=''
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ $re ]]; then junesc "$\{BASH_REMATCH[1]}"; FIELD=$UNESC; return 0; fi
  done <"$WORK/out"
  return 1
}

# jall NAME: every string value of "NAME" in the last answer, in VALUES.
jall() {
  local line re="^[[:space:]]*\"$1\": \"(.*)\",?\$"
  VALUES=()
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line =~ $re ]]; then junesc "$\{BASH_REMATCH[1]}"; VALUES+=("$UNESC"); fi
  done <"$WORK/out"
}

# jlist NAME: the strings of the array "NAME" in the last answer, in VALUES.
jlist() {
  local line inside=0 open="^[[:space:]]*\"$1\": \\[\$" item='^[[:space:]]*"(.*)",?$' close='^[[:space:]]*\],?$'
  VALUES=()
  while IFS= read -r line || [ -n "$line" ]; do
    if ((inside)); then
      if [[ $line =~ $close ]]; then return 0; fi
      if [[ $line =~ $item ]]; then junesc "$\{BASH_REMATCH[1]}"; VALUES+=("$UNESC"); fi
    elif [[ $line =~ $open ]]; then inside=1; fi
  done <"$WORK/out"
}

# record OK OP REGION INPUT [CODE MESSAGE]: appends one call to the bundle (its answer is in $WORK/out).
record() {
  local region=''
  if [ -s "$WORK/calls" ]; then printf ',\n' >>"$WORK/calls"; fi
  if [ -n "$3" ]; then region=",\"region\":$(jstr "$3")"; fi
  if [ "$1" = ok ]; then
    if [ ! -s "$WORK/out" ]; then printf '{}' >"$WORK/out"; fi
    { printf '{"op":%s%s,"input":%s,"ok":true,"output":' "$(jstr "$2")" "$region" "$4"; cat "$WORK/out"; printf '}'; } >>"$WORK/calls"
  else
    printf '{"op":%s%s,"input":%s,"ok":false,"error":{"code":%s,"message":%s}}' "$(jstr "$2")" "$region" "$4" "$(jstr "$5")" "$(jstr "$6")" >>"$WORK/calls"
  fi
}

# call OP REGION INPUT: one read-only call, its input given as the API's own JSON; recorded whatever happens.
# Its answer is left in $WORK/out for the next steps; false when AWS refused or failed.
call() {
  local op=$1 region=$2 input=$3 err code msg
  command_of "$op" || return 1
  STEP=$((STEP + 1))
  printf '  %3d  %s\n' "$STEP" "$op" >&2
  if aws "$\{CMD[@]}" --cli-input-json "$input" "$\{EXTRA[@]}" --region "$\{region:-$DEFAULT_REGION}" --output json \
    --cli-connect-timeout 10 --cli-read-timeout 30 "$\{ENDPOINT[@]}" >"$WORK/out" 2>"$WORK/err"; then
    record ok "$op" "$region" "$input"
    return 0
  fi
  err=$(cat "$WORK/err")
  if [[ $err =~ $AWS_ERROR ]]; then
    code=$\{BASH_REMATCH[1]}
    msg=$\{BASH_REMATCH[2]}
  else
    code=CliError
    msg=$err
  fi
  msg=$\{msg//$'\n'/ }
  record failed "$op" "$region" "$input" "$code" "$\{msg:0:500}"
  FAILED=$((FAILED + 1))
  : >"$WORK/out"
  return 1
}

# read_managed ARN: a managed policy's default version, once per policy.
MANAGED_DONE=' '
read_managed() {
  local arn=$1
  [[ $MANAGED_DONE == *" $arn "* ]] && return 0
  MANAGED_DONE+="$arn "
  if call 'iam:GetPolicy' '' "$(jo PolicyArn "$arn")" && jfield DefaultVersionId; then
    call 'iam:GetPolicyVersion' '' "$(jo PolicyArn "$arn" VersionId "$FIELD")"
  fi
}

# mentions TEXT: whether an answer recorded so far holds TEXT (any case), e.g. a policy's condition key.
mentions() {
  grep -qiF -- "$1" "$WORK/calls"
}

# add_key ID: a KMS key in use (read in the keys section), once per id.
KEY_IDS=()
add_key() {
  local k
  for k in "$\{KEY_IDS[@]}"; do [ "$k" = "$1" ] && return 0; done
  KEY_IDS+=("$1")
}

# pick_sample: up to HEAD_SAMPLE of KEYS, spread over their folders (round robin), in SAMPLE.
pick_sample() {
  local -A at=()
  local dirs=() i k d round=0 more=1 list
  SAMPLE=()
  for i in "$\{!KEYS[@]}"; do
    k=$\{KEYS[i]}
    if [[ $k == */* ]]; then d="d:$\{k%/*}/"; else d="d:"; fi
    if [ -z "$\{at[$d]+set}" ]; then dirs+=("$d"); at[$d]=''; fi
    at[$d]+="$i "
  done
  while ((more && $\{#SAMPLE[@]} < HEAD_SAMPLE)); do
    more=0
    for d in "$\{dirs[@]}"; do
      (($\{#SAMPLE[@]} >= HEAD_SAMPLE)) && break
      read -r -a list <<<"$\{at[$d]}"
      if ((round < $\{#list[@]})); then
        SAMPLE+=("$\{KEYS[$\{list[round]}]}")
        more=1
      fi
    done
    round=$((round + 1))
  done
}
`;
