#!/bin/sh
# The goals measured from outside the process, as a user sees them (called by run-benchmarks.sh):
#
#   bench-processes.sh BUILD_DIR RESULTS_TSV LOG_DIR
#
# - one `get-stage --output json` against a local endpoint, paired with `curl --aws-sigv4` making
#   the same signed request (hyperfine, alternating), over http and over https with a local CA;
# - its peak resident memory (GNU time);
# - `--version` and `--help`;
# - the CPU an idle window uses (a stage shown, no monitor running) in 10 s.
# Appends one row per goal to RESULTS_TSV (path, goal, measured, met?). Exits 0 when every goal
# is met, 1 when one is missed, 2 when a measurement could not be made.
#
# Everything talks to 127.0.0.1 only: bench_endpoint is the demo endpoint in a process of its own,
# and its keys are the demo's public ones.
set -eu
build=$1
results=$2
logs=$3

app="$build/app/ivs-stage-browser"
endpoint_binary="$build/tests/bench/bench_endpoint"
work=$(mktemp -d)
endpoint_pid=""
window_pid=""
cleanup() {
    [ -z "$endpoint_pid" ] || kill "$endpoint_pid" 2>/dev/null || true
    [ -z "$window_pid" ] || kill "$window_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

status=0
row() { # path goal measured met
    printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$results"
    if [ "$4" != yes ]; then status=1; fi
}

# The demo endpoint's documented throwaway keys; they open nothing but a demo endpoint.
export AWS_ACCESS_KEY_ID=AKIDEMOSTAGEBROWSER1
export AWS_SECRET_ACCESS_KEY='demo+secret/for+the+built-in+endpoint+only'
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_CA_BUNDLE

# Starts bench_endpoint (with its arguments) and sets endpoint_url and arn from what it prints. Its
# standard input is a FIFO held open here: closing it (or this script ending) stops the endpoint.
start_endpoint() {
    rm -f "$work/in" "$work/out"
    mkfifo "$work/in"
    "$endpoint_binary" "$@" <"$work/in" >"$work/out" 2>>"$logs/bench_endpoint.txt" &
    endpoint_pid=$!
    exec 3>"$work/in"
    tries=0
    while [ "$(wc -l <"$work/out")" -lt 2 ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$endpoint_pid" 2>/dev/null; then
            echo "bench_endpoint did not start (see $logs/bench_endpoint.txt)"
            exit 2
        fi
        sleep 0.1
    done
    endpoint_url=$(sed -n 1p "$work/out")
    arn=$(sed -n 2p "$work/out")
}

stop_endpoint() {
    exec 3>&-
    wait "$endpoint_pid" 2>/dev/null || true
    endpoint_pid=""
}

# The command line and curl, the same GetStage request signed by each; hyperfine alternates them.
# Prints "app_ms curl_ms" (medians).
paired_get_stage() { # label [curl options...]
    label=$1
    shift
    region=$(echo "$arn" | cut -d: -f4)
    body="{\"arn\":\"$arn\"}"
    printf '%s' "$body" >"$work/body.json"
    # Each command must succeed, so a broken signature or certificate fails the benchmark.
    hyperfine --shell=none --style=basic --warmup 5 --runs 40 \
        --export-csv "$work/$label.csv" \
        "$app get-stage --arn $arn --endpoint-url $endpoint_url --output json" \
        "curl -q -sS -o /dev/null --fail --noproxy * $* --aws-sigv4 aws:amz:$region:ivs --user $AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY -H content-type:application/json --data-binary @$work/body.json $endpoint_url/GetStage" \
        >"$logs/hyperfine-$label.txt" 2>&1 || {
        echo "hyperfine failed for $label:" >&2
        tail -n 20 "$logs/hyperfine-$label.txt" >&2
        exit 2
    }
    # command,mean,stddev,median,user,system,min,max (seconds)
    awk -F, 'NR == 2 { app = $4 } NR == 3 { curl = $4 } END { printf "%.2f %.2f\n", app * 1000, curl * 1000 }' \
        "$work/$label.csv"
}

# Peak resident memory in MiB of the command, the largest of five runs.
peak_rss_mib() {
    peak=0
    for _ in 1 2 3 4 5; do
        kib=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1)
        [ "$kib" -gt "$peak" ] && peak=$kib
    done
    awk -v k="$peak" 'BEGIN { printf "%.1f\n", k / 1024 }'
}

judge_pair() { # path app_ms curl_ms
    ratio=$(awk -v a="$2" -v c="$3" 'BEGIN { printf "%.2f", a / c }')
    met=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0) ? "yes" : "no" }')
    row "$1" "<= 2x curl --aws-sigv4" "$2 ms vs curl $3 ms (${ratio}x, median of 40)" "$met"
}

echo "== one-shot get-stage vs curl --aws-sigv4 (http)"
start_endpoint
pair=$(paired_get_stage http)
judge_pair "one-shot get-stage --output json, local http endpoint (wall)" $pair
app_rss=$(peak_rss_mib "$app" get-stage --arn "$arn" --endpoint-url "$endpoint_url" --output json)
curl_rss=$(peak_rss_mib curl -q -sS -o /dev/null --noproxy '*' --aws-sigv4 "aws:amz:$(echo "$arn" | cut -d: -f4):ivs" \
    --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H content-type:application/json \
    --data-binary "@$work/body.json" "$endpoint_url/GetStage")
row "peak memory of one get-stage --output json" "<= 20 MiB" \
    "$app_rss MiB (VmHWM; curl $curl_rss MiB)" "$(awk -v m="$app_rss" 'BEGIN { print (m <= 20) ? "yes" : "no" }')"
stop_endpoint

echo "== one-shot get-stage vs curl --aws-sigv4 (https, local CA in AWS_CA_BUNDLE)"
(
    cd "$work"
    printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 \
        -subj '/CN=IVS Stage Browser Benchmark CA' 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
        -days 1 -extfile server.ext 2>/dev/null
) || { echo "openssl could not make the benchmark certificates"; exit 2; }
start_endpoint --tls "$work/server.pem" "$work/server.key"
export AWS_CA_BUNDLE="$work/ca.pem"
pair=$(paired_get_stage https --cacert "$work/ca.pem")
unset AWS_CA_BUNDLE
judge_pair "one-shot get-stage --output json, local https endpoint, AWS_CA_BUNDLE (wall)" $pair
stop_endpoint

echo "== --version and --help"
hyperfine --shell=none --style=basic --warmup 5 --runs 40 --export-csv "$work/answers.csv" \
    "$app --version" "$app --help" >"$logs/hyperfine-version-help.txt" 2>&1 || {
    echo "hyperfine failed for --version / --help:"
    tail -n 20 "$logs/hyperfine-version-help.txt"
    exit 2
}
for line in 2 3; do
    ms=$(awk -F, -v n="$line" 'NR == n { printf "%.1f", $4 * 1000 }' "$work/answers.csv")
    option=$(awk -F, -v n="$line" 'NR == n { sub(/.* /, "", $1); print $1 }' "$work/answers.csv")
    row "ivs-stage-browser $option (wall)" "<= 10 ms" "$ms ms (median of 40)" \
        "$(awk -v m="$ms" 'BEGIN { print (m <= 10) ? "yes" : "no" }')"
done

# CPU time of every thread of a process in nanoseconds (schedstat: time spent on a CPU).
process_cpu_ns() {
    cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ sum += $1 } END { printf "%.0f\n", sum }'
}

echo "== idle window (a stage shown, no monitor running), 10 s"
"$app" --demo --arn arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh \
    >"$logs/idle-window.txt" 2>&1 &
window_pid=$!
sleep 5 # the window opens, lists the demo stages and shows the stage; then it has nothing to do
if ! kill -0 "$window_pid" 2>/dev/null; then
    echo "the window did not stay open (see $logs/idle-window.txt)"
    exit 2
fi
before=$(process_cpu_ns "$window_pid")
sleep 10
after=$(process_cpu_ns "$window_pid")
kill "$window_pid"
wait "$window_pid" 2>/dev/null || true
window_pid=""
idle_ms=$(awk -v b="$before" -v a="$after" 'BEGIN { printf "%.1f", (a - b) / 1e6 }')
row "idle window, a stage shown, no monitor (CPU in 10 s)" "<= 10 ms" "$idle_ms ms (all threads)" \
    "$(awk -v m="$idle_ms" 'BEGIN { print (m <= 10) ? "yes" : "no" }')"

exit "$status"
