#!/usr/bin/env bash
# The interactive console in a real pseudo-terminal (tmux): Ctrl-C asks before leaving,
# Ctrl-D on an empty line leaves, and a trainer and a trainee who left take their seats
# back (the trainee with the token its console kept in DRAMA_HOME). Prints the screens.
#
#   client-cli/src/test/sh/console-in-tmux.sh     (exit 0: as expected; 1: what failed; 3: no tmux)
set -euo pipefail

command -v tmux >/dev/null || { echo "SKIP: tmux is not installed"; exit 3; }
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../../../.." && pwd)"
drama="$root/drama"
work="$(mktemp -d "${TMPDIR:-/tmp}/drama-tty.XXXXXX")"
port="${PORT:-0}"   # 0: the server picks a free port and says which
tmx=(tmux -L "drama-tty-$$")
server_pid=""

cleanup() {
    "${tmx[@]}" kill-server 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
screen() { "${tmx[@]}" capture-pane -p -t "$1"; }
wait_screen() {   # wait_screen WINDOW PATTERN SECONDS
    local deadline=$((SECONDS + $3))
    until screen "$1" | grep -q -- "$2"; do
        if ((SECONDS > deadline)); then fail "$1: no '$2' on the screen"; screen "$1" >&2; return 1; fi
        sleep 0.3
    done
}
ask_to_leave() {   # Ctrl-C until the question shows (a key sent while the console prints can be lost)
    for _ in $(seq 1 10); do   # up to 30 s: a loaded machine can take that long to print a board
        "${tmx[@]}" send-keys -t "$1" C-c
        for _ in $(seq 1 10); do screen "$1" | tail -3 | grep -q "Leave the session? y/N" && return 0; sleep 0.3; done
    done
    fail "$1: Ctrl-C did not ask before leaving"
}
dead() { [[ "$("${tmx[@]}" display -p -t "$1" '#{pane_dead}')" == 1 ]]; }
show() { echo "----- $1: $2"; screen "$1" | sed -e '/^$/d'; }

"$drama" --version >/dev/null
"$drama" server --port "$port" --data "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 400); do grep -q "^drama server on port" "$work/server.log" 2>/dev/null && break; sleep 0.3; done
port="$(sed -n 's/^drama server on port \([0-9]*\);.*/\1/p' "$work/server.log" | head -1)"   # the port it took
export DRAMA_HOME="$work/home"
common="--port $port --secret-file $work/data/trainer.secret"

"${tmx[@]}" -f /dev/null new-session -d -s drama -x 110 -y 30 -n trainer "$drama train $common --pack scrutiny"
"${tmx[@]}" set-option -g remain-on-exit on
wait_screen trainer "trainer [A-Z0-9][A-Z0-9-]*>" 60
code="$(screen trainer | grep -o 'trainer [A-Z0-9][A-Z0-9-]*>' | tail -1 | cut -d' ' -f2 | tr -d '>')"

# Ctrl-C on an empty line asks; "n" stays (once the prompt is up: a key before it reads nothing)
sleep 2
ask_to_leave trainer
"${tmx[@]}" send-keys -t trainer n Enter
sleep 1
dead trainer && fail "the trainer console left after answering n"
"${tmx[@]}" send-keys -t trainer "/say Welcome" Enter
wait_screen trainer "Welcome" 10
# Ctrl-C, then y, leaves
ask_to_leave trainer
"${tmx[@]}" send-keys -t trainer y Enter
for _ in $(seq 1 30); do dead trainer && break; sleep 0.3; done
dead trainer || fail "the trainer console did not leave after y"
show trainer "Ctrl-C, n, then Ctrl-C, y"

# a trainee joins, says something, and leaves with Ctrl-D
"${tmx[@]}" new-window -d -n ann "$drama join $code --name Ann --character chair --port $port"
wait_screen ann "chair>" 60
"${tmx[@]}" send-keys -t ann "/tell cabinet this stays between us" Enter
sleep 2
"${tmx[@]}" send-keys -t ann C-d
for _ in $(seq 1 30); do dead ann && break; sleep 0.3; done
dead ann || fail "Ctrl-D on an empty line did not leave"
grep -q "stays between us" "$DRAMA_HOME/history/join" 2>/dev/null && fail "a /tell line was kept in the history"
[[ "$(stat -c %a "$DRAMA_HOME/tokens")" == 700 ]] || fail "the tokens folder is not owner-only"

# the trainer attaches again to its own seat, and talks while Ann is away
"${tmx[@]}" new-window -d -n trainer2 "$drama train $common --attach $code"
wait_screen trainer2 "Back in your seat" 60
"${tmx[@]}" send-keys -t trainer2 "/say Ann, we started without you" Enter
wait_screen trainer2 "we started without you" 10
show trainer2 "drama train --attach $code, after quitting"

# Ann joins again under her name: the same seat, caught up
"${tmx[@]}" new-window -d -n ann2 "$drama join $code --name Ann --port $port"
wait_screen ann2 "Back in your seat" 60
wait_screen ann2 "we started without you" 10
screen ann2 | grep -q "chair" || fail "Ann did not get her character back"
"${tmx[@]}" send-keys -t trainer2 "/who" Enter
wait_screen trainer2 "Ann" 10
show ann2 "drama join $code --name Ann, after Ctrl-D"
show trainer2 "/who"

if ((failures > 0)); then echo "$failures check(s) failed" >&2; exit 1; fi
echo "console in tmux: all checks passed"
