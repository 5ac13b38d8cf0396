#!/usr/bin/env bash
# The interactive console as a person sees it: a real server, the trainer's console and
# Maureen's (the residents' chair) each in a tmux pseudo-terminal, Dev (The Yard) in
# scripted mode. Keys are typed with tmux send-keys, a paste is made with tmux's
# bracketed paste, and the screens are read back with capture-pane and checked: the
# briefing drawn from Markdown and wrapped to the terminal, offers in option labels,
# /offers, a board change told in one line, did-you-mean, the trainer asked before a
# bare line is broadcast, a multi-line paste asked about once, /export in one line,
# /tell to a quoted name and an id.
#
#   client-cli/src/test/sh/interactive-console.sh          (uses client-cli/target/drama.jar)
#   KEEP=1 client-cli/src/test/sh/interactive-console.sh   (keep the work folder: screens/*.txt)
#
# Exit 0 when every screen is as expected; 3 when tmux is missing (it says so, and the
# test is skipped); otherwise prints what failed and the screens, and exits 1.
set -euo pipefail

if ! command -v tmux >/dev/null; then
    echo "SKIP: tmux is not installed, so the interactive console cannot be driven in a pseudo-terminal"
    exit 3
fi

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../../.." && pwd)"
drama="$root/drama"
work="$(mktemp -d "${TMPDIR:-/tmp}/drama-tty.XXXXXX")"
port="${PORT:-0}"   # 0: the server picks a free port and says which
socket="drama-tty-$$"
server_pid=""
dev_pid=""
# Maureen's terminal is narrow on purpose: everything she reads must be wrapped to it
narrow=64

cleanup() {
    if ((failures > 0)); then
        for name in trainer maureen; do
            echo "---------------- $name's screen when it failed" >&2
            screen "$name" 2>/dev/null | tail -n 30 >&2 || true
        done
    fi
    tmux -L "$socket" kill-server 2>/dev/null || true
    exec 3>&- 2>/dev/null || true
    [[ -n "$dev_pid" ]] && kill "$dev_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "outputs kept in $work" >&2; fi
}
failures=0
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
mkdir -p "$work/screens" "$work/home"

# -------------------------------------------------------------- tmux helpers
tm() { tmux -L "$socket" "$@"; }
# screen NAME: the pane's whole history, lines that the terminal wrapped joined again (-J),
# so a line the console did not wrap itself shows up longer than the pane
screen() { tm capture-pane -p -J -t "$1" -S - | sed -e 's/[[:space:]]*$//'; }
save() { screen "$1" >"$work/screens/$2.txt"; }
# (the screen is read whole before grep looks: grep -q closing the pipe early would fail it under pipefail)
on_screen() { local text; text="$(screen "$1")"; grep -q -- "$2" <<<"$text"; }
wait_screen() {   # wait_screen NAME PATTERN SECONDS
    local deadline=$((SECONDS + $3))
    until on_screen "$1" "$2"; do
        if ((SECONDS > deadline)); then
            fail "$1 never showed '$2'"
            return 1
        fi
        sleep 0.2
    done
}
type_line() { tm send-keys -t "$1" -l -- "$2"; tm send-keys -t "$1" Enter; }
expect_screen() {   # expect_screen NAME PATTERN WHAT
    on_screen "$1" "$2" || fail "$3 (no '$2' on $1's screen)"
}
console() {   # console NAME WIDTH COMMAND...: a console in its own tmux session, HOME kept in the work folder
    local name="$1" width="$2"
    shift 2
    tm new-session -d -s "$name" -x "$width" -y 50 \
        "cd '$root' && HOME='$work/home' DRAMA_NO_BUILD=1 TERM=xterm-256color $(printf '%q ' "$@"); sleep 600"
}

# -------------------------------------------------------------- server
DRAMA_NO_BUILD=1 "$drama" server --port "$port" --data "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 120))
until grep -q "^drama server on port" "$work/server.log" 2>/dev/null; do
    ((SECONDS > deadline)) && { cat "$work/server.log" >&2; echo "FAIL: server did not start" >&2; exit 1; }
    sleep 0.2
done
port="$(sed -n 's/^drama server on port \([0-9]*\);.*/\1/p' "$work/server.log" | head -1)"   # the port it took

# -------------------------------------------------------------- the trainer, in a terminal
console trainer 100 "$drama" train --pack community-safety --port "$port" --secret-file "$work/data/trainer.secret"
wait_screen trainer "drama join .* --name NAME" 30 || exit 1
code="$(screen trainer | grep -o -m1 'drama join [^ ]*' | cut -d' ' -f3)"

# -------------------------------------------------------------- Dev, scripted: an offer to Maureen, then listens
mkfifo "$work/dev.in"
DRAMA_NO_BUILD=1 "$drama" join "$code" --name Dev --character youth --port "$port" <"$work/dev.in" >"$work/dev.out" 2>&1 &
dev_pid=$!
exec 3>"$work/dev.in"

# -------------------------------------------------------------- Maureen, in a narrow terminal
console maureen "$narrow" "$drama" join "$code" --name Maureen --character chair --port "$port"
wait_screen maureen "^You play " 30 || exit 1

# -------------------------------------------------------------- the trainer: a bare line is asked about
type_line trainer "Welcome, everyone"
wait_screen trainer "Say this to everyone? y/N" 10
type_line trainer "n"
wait_screen trainer "not sent (/say TEXT says it without asking)" 10
type_line trainer "Welcome, everyone. We start in a minute."
wait_screen trainer "Say this to everyone? y/N" 10
type_line trainer "y"
wait_screen maureen "We start in a minute." 10
on_screen maureen "Welcome, everyone\$" && fail "the line the trainer declined reached Maureen"

# -------------------------------------------------------------- the briefing, wrapped to Maureen's terminal
type_line trainer "/phase briefing"
wait_screen maureen "Your briefing: Maureen Cassidy" 15
wait_screen maureen "What matters to you, most important first" 10
save maureen briefing
expect_screen maureen "^Maureen Cassidy, Chair, Brookfield Residents'" "the briefing's Markdown title is a line of its own, without its #"
expect_screen maureen "^Private: for your eyes only.\$" "the italics lost their asterisks"
expect_screen maureen "^What matters most to you\$" "a ## heading is a line of its own"
# from the briefing on (the board's table above it is as wide as it is)
sed -n '/^Your briefing: /,$p' "$work/screens/briefing.txt" >"$work/screens/briefing-only.txt"
refuse_markup="$(grep -c -E '^#+ |\*[A-Za-z]' "$work/screens/briefing-only.txt" || true)"
[[ "$refuse_markup" == 0 ]] || fail "Markdown markup left in Maureen's briefing ($refuse_markup lines)"
# (grep counts characters in a UTF-8 locale; the pack's curly quotes are three bytes each)
too_long="$(LC_ALL=C.UTF-8 grep -m3 -E "^.{$((narrow + 1)),}" "$work/screens/briefing-only.txt" || true)"
[[ -z "$too_long" ]] || fail "briefing lines wider than Maureen's $narrow columns (the terminal had to wrap them): $too_long"
(( $(wc -l <"$work/screens/briefing-only.txt") > 40 )) || fail "the briefing is shorter than expected"

# -------------------------------------------------------------- negotiation: Dev's offer, in labels
type_line trainer "/phase negotiation"
wait_screen maureen "Phase: negotiation" 15
cat >&3 <<'EOF'
/wait-for sessionState NEGOTIATION --timeout 30
/offer chair ask walkout=no promise outreach=yes threat ywalk=yes note "One year, Friday and Saturday nights"
EOF
wait_screen maureen "/accept o1" 20
save maureen offer
expect_screen maureen "Offer o1 from Dev Sandhu to you:" "the offer's first line names Dev"
expect_screen maureen "^  if you do: Residents' association walks out of the\$" "the ask in labels, wrapped"
expect_screen maureen "^    partnership: no\$" "the ask's continuation under a hanging indent"
expect_screen maureen "^  Dev Sandhu will do: Run Friday and Saturday night outreach on\$" "the promise in labels"
refuse_ids="$(screen maureen | grep -c -E 'walkout=|outreach=|ywalk=' || true)"
[[ "$refuse_ids" == 0 ]] || fail "option ids instead of labels on Maureen's screen"

type_line maureen "/offers"
wait_screen maureen "^Open offers" 10
expect_screen maureen "^  o1 Dev Sandhu to you: asks Residents' association walks out of" "/offers lists o1 in labels"
expect_screen maureen "^Agreements" "/offers has a section for agreements"

# -------------------------------------------------------------- mistakes: did-you-mean, an unknown name
type_line maureen "/ofers"
wait_screen maureen "unknown command /ofers (did you mean /offers or /offer?)" 10
type_line maureen '/tell "Karen Whitely",youth hello'
wait_screen maureen "^unknown character 'Karen Whitely' (did you mean" 10
expect_screen maureen "^  Whitlow\"?); characters: council, police, chair, youth, housing\$" "the suggestion, wrapped"

# -------------------------------------------------------------- /tell to a quoted name and an id
type_line maureen '/tell "Karen Whitlow",youth Residents first, then the money.'
echo '/wait-for talk "Residents first, then the money." --timeout 20' >&3

# -------------------------------------------------------------- accepting: the board says what changed, in one line
type_line maureen "/position pspo=no"
wait_screen maureen "^You changed your position: Introduce a Public Spaces" 10
save maureen board-change
type_line maureen "/accept o1"
wait_screen maureen "Offer o1 from Dev Sandhu to you: accepted by you" 10
type_line maureen "/offers"
wait_screen maureen "^    and Saturday nights)\$" 10   # the agreement, its last line
[[ "$(screen maureen | grep -A1 '^Open offers' | tail -n 1)" == "  none" ]] || fail "o1 is still listed as open after /accept"
[[ "$(screen maureen | grep -A1 '^Agreements' | tail -n 1)" == "  o1 Dev Sandhu to you: asks Residents' association walks out of" ]] \
    || fail "o1 is not listed as an agreement after /accept"
board_tables="$(screen maureen | grep -c '^Board' || true)"  # grep -c reads to the end: no early close
[[ "$board_tables" -le 1 ]] || fail "the whole board was printed $board_tables times; only once (on joining) expected"
type_line maureen "/board"
wait_screen maureen "^option" 10
# JLine turns bracketed paste on only while it reads a line: let it come back to the prompt first
wait_prompt() { local deadline=$((SECONDS + 10)); until [[ "$(screen "$1" | tail -n 1)" == "$2" ]]; do ((SECONDS > deadline)) && return 1; sleep 0.2; done; sleep 0.5; }
wait_prompt maureen "chair>" || fail "Maureen's prompt did not come back after /board"

# -------------------------------------------------------------- a paste of three lines, asked about once
tm set-buffer -b three "$(printf '/say One: residents set the agenda.\n/say Two: the PSPO waits.\n/say Three: outreach for a year.')"
tm paste-buffer -p -d -b three -t maureen
tm send-keys -t maureen Enter
wait_screen maureen "Send 3 lines? y/N" 10
type_line maureen "y"
wait_screen trainer "Three: outreach for a year." 10
asked="$(screen maureen | grep -c 'Send 3 lines? y/N' || true)"
[[ "$asked" == 1 ]] || fail "the paste was asked about $asked times"
save maureen paste

# -------------------------------------------------------------- the trainer exports the debrief: one line
type_line trainer "/export md $work/debrief.md"
wait_screen trainer "debrief written to $work/debrief.md ([0-9]* KB)" 15
save trainer trainer
[[ -s "$work/debrief.md" ]] || fail "no debrief written"
on_screen trainer "^## Timeline" && fail "the exported debrief was also printed on the trainer's screen"

# -------------------------------------------------------------- what Dev received
exec 3>&-
wait "$dev_pid" 2>/dev/null || true
dev_pid=""
grep -q '"fromCharacterId":"chair",.*"toCharacterIds":\["council","youth"\],"text":"Residents first, then the money."' \
    "$work/dev.out" || fail "Dev did not receive Maureen's /tell to \"Karen Whitlow\",youth as sent"

echo "---------------- Maureen's screen: the start of her briefing ($narrow columns)"
head -n 30 "$work/screens/briefing-only.txt"
for shot in offer paste; do
    echo "---------------- Maureen's screen ($shot, $narrow columns)"
    tail -n 22 "$work/screens/$shot.txt"
done
echo "---------------- the trainer's screen"
tail -n 12 "$work/screens/trainer.txt"

if ((failures > 0)); then
    echo "---------------- Dev's output" >&2
    cat "$work/dev.out" >&2
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "interactive console: all checks passed"
