# shellcheck shell=bash
# What the bin/ scripts share: the repository root, the local tools' ports, the JVM flags Flink needs on Java 17,
# whether a build is stale, and help text from a script's header comment. Sourced, never run.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# The ports of bin/kafka-local and bin/flink-local, every one on 127.0.0.1: the one place they are defined. Set the
# variables to run a second broker or cluster beside another checkout's (state lives in each checkout's .local/).
# Exported, so that every script a script runs sees the same ones.
export KAFKA_LOCAL_PORT="${KAFKA_LOCAL_PORT:-9092}"                       # the broker's clients
export KAFKA_LOCAL_CONTROLLER_PORT="${KAFKA_LOCAL_CONTROLLER_PORT:-9093}" # its KRaft controller
export FLINK_LOCAL_REST_PORT="${FLINK_LOCAL_REST_PORT:-8081}"             # Flink's REST API and web UI
export FLINK_LOCAL_RPC_PORT="${FLINK_LOCAL_RPC_PORT:-6123}"               # the JobManager's RPC
export FLINK_LOCAL_BLOB_PORT="${FLINK_LOCAL_BLOB_PORT:-6124}"             # the JobManager's blob server
# Where they keep their state (data, configuration, logs, checkpoints): each checkout's own .local/ unless set.
export KAFKA_LOCAL_HOME="${KAFKA_LOCAL_HOME:-$root/.local/kafka}"
export FLINK_LOCAL_HOME="${FLINK_LOCAL_HOME:-$root/.local/flink}"
# shellcheck disable=SC2034 # used by the scripts that source this file
kafka_bootstrap="127.0.0.1:$KAFKA_LOCAL_PORT"
# shellcheck disable=SC2034
flink_rest="http://127.0.0.1:$FLINK_LOCAL_REST_PORT"

# refuse_busy_ports NAME VARIABLE...: exits when another process listens on the port a variable holds; the message
# names the variables to set.
refuse_busy_ports() {
    local name="$1" variable names
    shift
    names="$(printf '%s, ' "$@")"
    names="${names%, }"
    [[ $# -lt 2 ]] || names="${names%, *} and ${names##*, }"
    for variable in "$@"; do
        if (exec 3<> "/dev/tcp/127.0.0.1/${!variable}") 2> /dev/null; then
            echo "$name: port ${!variable} is in use by another process; set $names to free ones" >&2
            exit 1
        fi
    done
}

# Flink on Java 17 reflects into JDK packages. The one list is pom.xml's flink.jvm.opens (the tests run with it).
jvm_flags() {
    local flags
    flags="$(sed -n 's:.*<flink.jvm.opens>\(.*\)</flink.jvm.opens>.*:\1:p' "$root/pom.xml")"
    [[ -n "$flags" ]] || { echo "bin: no flink.jvm.opens in $root/pom.xml" >&2; exit 1; }
    printf '%s\n' "$flags" | tr ' ' '\n' | sed '/^$/d'
}

# The newest file under the given paths (nothing when there is none); a single file is its own answer.
newest() {
    if [[ $# -eq 1 && -f "$1" ]]; then
        printf '%s\n' "$1"
        return
    fi
    find "$@" -type f -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -1 | cut -d' ' -f2-
}

# stale SOURCE... -- OUTPUT... : true when an output is missing or older than the newest source file. Run before
# every bin/detect, so it forks little: one find that stops at the first source newer than the newest output.
stale() {
    local sources=() output reference
    while [[ $# -gt 0 && "$1" != "--" ]]; do
        sources+=("$1")
        shift
    done
    shift
    for output in "$@"; do
        [[ -e "$output" ]] || return 0
    done
    reference="$(newest "$@")"
    [[ -z "$reference" || -n "$(find "${sources[@]}" -type f -newer "$reference" -print -quit 2>/dev/null)" ]]
}

# build NAME GOAL... : runs Maven quietly with its log in target/NAME-build.log; prints the log and exits on failure.
build() {
    local name="$1"
    shift
    mkdir -p "$root/target"
    if ! (cd "$root" && mvn -q -B -Dstyle.color=never "$@" > "$root/target/$name-build.log" 2>&1); then
        cat "$root/target/$name-build.log" >&2
        echo "$name: the build failed (log above, also in target/$name-build.log)" >&2
        exit 1
    fi
}

# usage SCRIPT: the script's header comment (from its second line to the first line that is not a comment).
usage() {
    sed -n '2,/^[^#]/{/^#/!d;s/^# \{0,1\}//;p}' "$1"
}
