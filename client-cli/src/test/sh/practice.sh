#!/usr/bin/env bash
# Practising alone through the real binary: `./drama practice PACK --as CHARACTER` in
# scripted mode on every bundled pack, with one human script (the same for every pack), the
# other characters computer-played. Checks that each practice goes from the briefing to the
# debrief, prints the whole debrief, and names the computer-played characters.
#
#   client-cli/src/test/sh/practice.sh          (from anywhere; builds the jar if needed)
#   KEEP=1 client-cli/src/test/sh/practice.sh   (keep the outputs to look at)
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../../.." && pwd)"
drama="$root/drama"
work="$(mktemp -d "${TMPDIR:-/tmp}/drama-practice.XXXXXX")"
cleanup() {
    if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "outputs kept in $work" >&2; fi
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {   # expect FILE PATTERN WHAT
    grep -q -- "$2" "$1" || fail "$3 (no '$2' in $(basename "$1"))"
}

# One human's script for every pack: wait for the briefing, open the negotiation, speak,
# move to the moment of truth, then to the debrief (uncommitted options fall to intentions).
cat > "$work/human.txt" <<'SCRIPT'
/wait-for briefing --timeout 30
/next
/say I am here to practise.
/next
/next
SCRIPT

for pack_dir in "$root"/scenarios/packs/*/; do
    pack="$(basename "$pack_dir")"
    # the first character of the pack
    character="$(grep -m1 -E '^[[:space:]]*- id:' "$pack_dir/pack.yaml" | sed -E 's/.*id:[[:space:]]*//; s/[[:space:]"]//g')"
    out="$work/$pack.jsonl"
    if ! timeout 240 "$drama" practice "$pack" --as "$character" --script --bot-think 0 --seed 7 \
            < "$work/human.txt" > "$out" 2> "$work/$pack.err"; then
        fail "$pack: drama practice did not finish with status 0"
        cat "$work/$pack.err" >&2
        continue
    fi
    expect "$out" '"briefing":{"characterId":"'"$character"'"' "$pack: the human got its own briefing"
    expect "$out" '"phase":"NEGOTIATION"' "$pack: the negotiation opened"
    expect "$out" '"text":"I am here to practise."' "$pack: the human spoke"
    expect "$out" ', phase debrief.' "$pack: the debrief opened"
    expect "$out" '## Computer-played characters' "$pack: the debrief names the computer-played characters"
    expect "$out" '"debrief":{"format":"MARKDOWN"' "$pack: the whole debrief is printed at the end"
    expect "$out" 'computer-played, as a ' "$pack: the debrief's cast says who the computer played"
    # the human's console never had another character's briefing before the debrief
    if grep -v '"debrief' "$out" | grep '"briefing":{"characterId"' | grep -qv '"characterId":"'"$character"'"'; then
        fail "$pack: the human saw another character's briefing"
    fi
done

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "practice: every bundled pack went from briefing to debrief"
