#!/usr/bin/env bash
# Command start-up, measured as a user meets it: `./smtp-doctor diagnose TEXT` from a warm checkout (jar
# built, class-data archive made), against a baseline revision built from this repository in the same run,
# alternating the two so that a busy machine slows both alike.
#   docs/startup-bench.sh [BASELINE_REV] [ROUNDS]     e.g. docs/startup-bench.sh 5d8ee51 5
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev="${1:-5d8ee51}"
rounds="${2:-5}"
text="535 5.7.8 Error: authentication failed: Invalid user or password"
base="$(mktemp -d)"
trap 'rm -rf "$base"' EXIT
git worktree add -q --detach "$base/tree" "$base_rev"
trap 'git worktree remove --force "$base/tree"; rm -rf "$base"' EXIT
(cd "$base/tree" && mvn -q -B -DskipTests package >/dev/null)
./smtp-doctor diagnose "$text" >/dev/null 2>&1   # builds the jar and the class-data archive if needed
"$base/tree/smtp-doctor" diagnose "$text" >/dev/null 2>&1
for _ in $(seq "$rounds"); do
  for which in baseline current; do
    launcher=./smtp-doctor
    [[ $which == baseline ]] && launcher="$base/tree/smtp-doctor"
    /usr/bin/time -f "$which %e s wall %U s user %S s sys" "$launcher" diagnose "$text" 2>&1 >/dev/null | tail -1
  done
done
