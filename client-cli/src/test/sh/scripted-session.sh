#!/usr/bin/env bash
# Smoke test of the real binary: a server, a trainer and three trainees, all driven by
# scripts through ./drama in scripted mode, then their JSON output checked with grep.
#
#   client-cli/src/test/sh/scripted-session.sh          (from anywhere; builds the jar if needed)
#   KEEP=1 client-cli/src/test/sh/scripted-session.sh   (keep the work folder to look at the output)
#
# Exit 0 when everything seen is as expected; otherwise prints what failed and the
# outputs, and exits 1.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../../.." && pwd)"
drama="$root/drama"
work="$(mktemp -d "${TMPDIR:-/tmp}/drama-smoke.XXXXXX")"
port="${PORT:-0}"   # 0: the server picks a free port and says which
server_pid=""
trainer_pid=""

cleanup() {
    exec 3>&- 2>/dev/null || true
    [[ -n "$trainer_pid" ]] && kill "$trainer_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "outputs kept in $work" >&2; fi
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect() {   # expect FILE PATTERN WHAT
    grep -q -- "$2" "$1" || fail "$3 (no '$2' in $(basename "$1"))"
}
refuse() {   # refuse FILE PATTERN WHAT
    if grep -q -- "$2" "$1"; then fail "$3 ('$2' found in $(basename "$1"))"; fi
}
wait_for_line() {   # wait_for_line FILE PATTERN SECONDS
    local deadline=$((SECONDS + $3))
    until grep -q -- "$2" "$1" 2>/dev/null; do
        if ((SECONDS > deadline)); then return 1; fi
        sleep 0.2
    done
}

# Build once, up front, so that the background processes below do not race to build.
"$drama" --version >/dev/null

# -------------------------------------------------------------- server
"$drama" server --port "$port" --data "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_line "$work/server.log" "^drama server on port" 60 || { cat "$work/server.log" >&2; fail "server did not start"; exit 1; }
port="$(sed -n 's/^drama server on port \([0-9]*\);.*/\1/p' "$work/server.log" | head -1)"   # the port it took
secret="$work/data/trainer.secret"
common=(--port "$port")

# -------------------------------------------------------------- pack upload and session list
"$drama" pack upload "${common[@]}" --secret-file "$secret" "$root/scenarios/examples/tiny" >"$work/upload.out"
expect "$work/upload.out" "tiny" "the tiny pack was uploaded"

# -------------------------------------------------------------- trainer (fed through a fifo: it acts between the trainees' moves)
mkfifo "$work/trainer.in"
"$drama" train "${common[@]}" --secret-file "$secret" <"$work/trainer.in" >"$work/trainer.out" 2>&1 &
trainer_pid=$!
exec 3>"$work/trainer.in"
echo "/new tiny" >&3
wait_for_line "$work/trainer.out" '"joinCode"' 60 || { fail "no session created"; exit 1; }
code="$(grep -o '"joinCode":"[^"]*"' "$work/trainer.out" | head -1 | cut -d'"' -f4)"

"$drama" sessions "${common[@]}" --secret-file "$secret" >"$work/sessions.out"
expect "$work/sessions.out" "$code" "drama sessions lists the new session"

# -------------------------------------------------------------- three trainees
"$drama" join "$code" --name Priya --character manager "${common[@]}" >"$work/manager.out" 2>&1 <<'EOF' &
# the manager offers the union overtime for no refusal, and whispers to the carers
/wait-for sessionState NEGOTIATION --timeout 30
/position late=yes overtime=yes
/offer union ask refuse=no promise overtime=yes threat late=no note "Let us settle this tonight"
/tell carers Off the record: a trial may be possible.
/wait-for offer ACCEPTED --timeout 20
/wait-for talk Agreed --timeout 20
EOF
manager_pid=$!

"$drama" join "$code" --name Ann --character union "${common[@]}" >"$work/union.out" 2>&1 <<'EOF' &
/wait-for sessionState NEGOTIATION --timeout 30
/wait-for offer o1 --timeout 20
/accept o1
/say Agreed, if the overtime is real.
/wait-for talk Agreed --timeout 5
EOF
union_pid=$!

"$drama" join "$code" --name Tom --character carers "${common[@]}" >"$work/carers.out" 2>&1 <<'EOF' &
/wait-for sessionState NEGOTIATION --timeout 30
/wait-for talk trial --timeout 20
/undoubt manager
/bogus command
/wait-for talk Agreed --timeout 20
EOF
carers_pid=$!

# -------------------------------------------------------------- the trainer runs the phases
wait_for_line "$work/trainer.out" '"displayName":"Tom"' 90 || fail "Tom never joined"
wait_for_line "$work/trainer.out" '"displayName":"Ann"' 90 || fail "Ann never joined"
wait_for_line "$work/trainer.out" '"displayName":"Priya"' 90 || fail "Priya never joined"
echo "/phase briefing" >&3
echo "/phase negotiation" >&3

status=0
wait "$manager_pid" || { fail "manager console exited $?"; }
wait "$union_pid" || { fail "union console exited $?"; }
wait "$carers_pid" || { fail "carers console exited $?"; }
echo "/export md $work/debrief.md" >&3
echo "/quit" >&3
exec 3>&-
wait "$trainer_pid" || fail "trainer console exited $?"
trainer_pid=""

# -------------------------------------------------------------- what each saw
for who in manager union carers; do
    out="$work/$who.out"
    expect "$out" '"sessionJoined"' "$who joined"
    expect "$out" "\"briefing\":{\"characterId\":\"$who\"" "$who got its own briefing"
    refuse "$out" '"localError":"timed out' "$who waited in vain"
    for other in manager union carers; do
        [[ "$other" == "$who" ]] && continue
        refuse "$out" "\"briefing\":{\"characterId\":\"$other\"" "$who saw $other's briefing"
    done
done
expect "$work/union.out" '"offer":{"offer":{"offerId":"o1"' "the union got the offer"
refuse "$work/carers.out" '"offerId":"o1"' "the carers saw an offer not made to them"
expect "$work/carers.out" 'a trial may be possible' "the carers got the private word"
refuse "$work/union.out" 'a trial may be possible' "the union saw private talk not addressed to it"
expect "$work/manager.out" '"status":"ACCEPTED"' "the manager saw the offer accepted"
expect "$work/carers.out" '"localError":"unknown command /bogus' "a bad command is refused locally"
expect "$work/manager.out" '"dilemma"' "the manager was told of its dilemmas"
expect "$work/trainer.out" 'a trial may be possible' "the trainer sees private talk"
expect "$work/trainer.out" '"briefing":{"characterId":"union"' "the trainer sees every briefing"
[[ -s "$work/debrief.md" ]] || fail "no debrief written"

if ((failures > 0)); then
    for f in "$work"/*.out; do echo "=== $(basename "$f")" >&2; cut -c1-300 "$f" >&2; done
    exit 1
fi
echo "scripted session: all checks passed"
