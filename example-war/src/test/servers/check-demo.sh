#!/usr/bin/env bash
# A new user's first minutes with the demo, from outside, on one server (bash + curl, no JavaScript):
#   build it (mvn package, which downloads the server), run it (mvn exec:exec) in a process group of its own,
#   wait for "/" to answer 302, log in as demo/demo, send the application form with a résumé and a bad email,
#   see the file kept ("Currently: cv.pdf ..."), send it again with a good email, see "Received cv.pdf (N bytes,
#   SHA-256 ...)", press Ctrl+C (SIGINT to the process group), check that nothing of the server is left running,
#   and grep the server's log for warnings and errors of the library or the demo.
#
# Usage: example-war/src/test/servers/check-demo.sh payara|wildfly|liberty|glassfish PORT
#   CHECK_DEMO_SKIP_PACKAGE=1  run only exec:exec (the WAR and the server are there from an earlier package)
# Exit status 0 when every step held. What it saw is in example-war/target/check-demo/<server>/.
set -uo pipefail

server=${1:?usage: check-demo.sh payara|wildfly|liberty|glassfish PORT}
port=${2:?usage: check-demo.sh payara|wildfly|liberty|glassfish PORT}
here=$(cd "$(dirname "$0")" && pwd)
demo=$(cd "$here/../../.." && pwd) # example-war
root=$(dirname "$demo")
servers=$demo/target/servers
case $server in
    payara) profile=() ;;
    wildfly | liberty | glassfish) profile=("-P$server") ;;
    *) echo "unknown server: $server" >&2; exit 2 ;;
esac
work=$demo/target/check-demo/$server
rm -rf "$work" && mkdir -p "$work"
jar=$work/cookies.txt
base=http://localhost:$port
failures=0
step() { printf '[%s %4ds] %s\n' "$server" $((SECONDS - started)) "$*"; }
fail() { step "FAIL: $*"; failures=$((failures + 1)); }
started=$SECONDS

if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken already:" >&2; ss -ltnpH "sport = :$port" >&2; exit 2
fi

# --- build (the first build of a profile downloads its server) ---
if [ "${CHECK_DEMO_SKIP_PACKAGE:-}" != 1 ]; then
    step "mvn -q -f example-war ${profile[*]} package -DskipTests"
    if ! (cd "$root" && mvn -q -f example-war "${profile[@]}" package -DskipTests) >"$work/package.log" 2>&1; then
        cat "$work/package.log"; fail "the build failed"; exit 1
    fi
    step "built"
fi

# The server's home and its own log files (stdout is kept too), each read from where this run starts.
case $server in
    payara) home=$demo/target/payara-micro.jar; logs=() ;;
    wildfly) home=$(ls -d "$servers"/wildfly-*/ | head -1); home=${home%/}; logs=("$home/standalone/log/server.log") ;;
    liberty) home=$(ls -d "$servers"/liberty-*/wlp); logs=("$home/usr/servers/demo/logs/messages.log") ;;
    glassfish) home=$(ls -d "$servers"/glassfish-*/glassfish7); logs=("$(dirname "$home")/domains-$port/demo/logs/server.log") ;;
esac
declare -A log_start
for log in "${logs[@]}"; do
    log_start[$log]=$(stat -c %i:%s "$log" 2>/dev/null || echo 0:0)
done
# Processes of this server that were there before (another run of the same server, e.g. on another port): not ours.
pgrep -f -- "$home" | sort >"$work/before.pids"

# --- run, as a user would: in a process group of its own, so that a SIGINT reaches all of it like Ctrl+C ---
step "PORT=$port mvn -q -f example-war ${profile[*]} exec:exec"
set -m
(cd "$root" && PORT=$port exec env --default-signal=INT,TERM,QUIT mvn -q -f example-war "${profile[@]}" exec:exec) \
    >"$work/stdout.log" 2>&1 &
pid=$!
set +m
pgid=$pid

status=000
for _ in $(seq 1 300); do
    status=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$base/")
    [ "$status" = 302 ] && break
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 1
done
if [ "$status" = 302 ]; then
    step "up: / answers 302 (to $(curl -s -o /dev/null -w '%{redirect_url}' "$base/"))"
else
    fail "/ answered $status, not 302, within 300 s"; tail -50 "$work/stdout.log"
fi

# --- the user's story ---
get() { # get PATH OUT: GET with the cookie jar, following redirects; prints the final URL
    curl -s -L -b "$jar" -c "$jar" -H 'Accept-Language: en' -o "$2" -w '%{url_effective} %{http_code}' "$base$1"
}
unescape() { # the few HTML entities an attribute value can carry here
    local s=$1
    s=${s//&quot;/\"} s=${s//&#39;/\'} s=${s//&lt;/<} s=${s//&gt;/>}
    while [[ $s =~ \&#x([0-9a-fA-F]+)\; ]]; do s=${s//"${BASH_REMATCH[0]}"/$(printf "\\x${BASH_REMATCH[1]}")}; done
    while [[ $s =~ \&#([0-9]+)\; ]]; do s=${s//"${BASH_REMATCH[0]}"/$(printf "\\x$(printf %x "${BASH_REMATCH[1]}")")}; done
    printf '%s' "${s//&amp;/&}"
}
attr() { # attr NAME TAG
    [[ $2 =~ [[:space:]]$1=\"([^\"]*)\" ]] && unescape "${BASH_REMATCH[1]}"
}
form() { # form ID PAGE: prints the form's action (as a path), then one "type<TAB>name<TAB>value" line per input
    local html tag action
    html=$(tr '\n\r' '  ' <"$2" | grep -o "<form[^>]*id=\"$1\".*") || return 1
    html=${html%%</form>*}
    tag=${html%%>*}
    action=$(attr action "$tag")
    case $action in
        /*) echo "$action" ;;
        *) echo "/$action" ;; # relative to a page at the root, as every page of the demo is
    esac
    grep -o '<input[^>]*>' <<<"$html" | while read -r tag; do
        printf '%s\t%s\t%s\n' "$(attr type "$tag" || echo text)" "$(attr name "$tag")" "$(attr value "$tag")"
    done
}
post_apply() { # post_apply PAGE OUT EMAIL [FILE]: sends the apply form as a browser without JavaScript would
    local fields action type name value args=()
    fields=$(form apply "$1") || { fail "no form apply in $1"; return 1; }
    action=$(head -1 <<<"$fields")
    while IFS=$'\t' read -r type name value; do
        [ -n "$name" ] || continue
        case $type in
            submit | checkbox) ;;
            file)
                if [ -n "${4:-}" ] && [[ $name == *resume* ]]; then
                    args+=(-F "$name=@$4;type=application/pdf;filename=cv.pdf")
                else
                    args+=(-F "$name=@$work/empty;type=application/octet-stream;filename=") # no file chosen
                fi ;;
            *)
                case $name in
                    *:name) value=Ann ;;
                    *:email) value=$3 ;;
                esac
                args+=(--form-string "$name=$value") ;;
        esac
    done < <(tail -n +2 <<<"$fields")
    args+=(--form-string "apply:send=Apply")
    printf '%s\n' "${args[@]}" >"$2.request"
    : >"$work/empty"
    curl -s -L -b "$jar" -c "$jar" -H 'Accept-Language: en' -H 'Expect:' -H "Origin: $base" -H "Referer: $base/apply.xhtml" \
        -o "$2" -w '%{url_effective} %{http_code}' "${args[@]}" "$base$action"
}

if [ "$status" = 302 ]; then
    # As a browser would: the demo's page, which sends to the login form, which continues to the page.
    step "GET / (following redirects): $(get / "$work/login.html")"
    if grep -q 'Demo users' "$work/login.html" && fields=$(form login "$work/login.html"); then
        args=()
        while IFS=$'\t' read -r type name value; do
            case $name in
                '') ;;
                j_username) args+=(--data-urlencode "j_username=demo") ;;
                j_password) args+=(--data-urlencode "j_password=demo") ;;
                *) args+=(--data-urlencode "$name=$value") ;; # a ViewState or token, should the form have one
            esac
        done < <(tail -n +2 <<<"$fields")
        step "POST $(head -1 <<<"$fields") as demo/demo: $(curl -s -L -b "$jar" -c "$jar" -H 'Accept-Language: en' \
            -o "$work/after-login.html" -w '%{url_effective} %{http_code}' "${args[@]}" "$base$(head -1 <<<"$fields")")"
        grep -q 'Logged in as <strong>demo</strong>' "$work/after-login.html" || fail "not logged in ($work/after-login.html)"
    else
        fail "/ does not lead to the login page ($work/login.html)"
    fi
    step "GET /apply.xhtml: $(get /apply.xhtml "$work/apply.html")"
    if grep -q 'id="apply"' "$work/apply.html"; then
        pdf=$work/cv.pdf
        { printf '%%PDF-1.4\n%% a check of the sticky-uploads demo\n'; head -c 30000 /dev/zero | tr '\0' 'x'
          printf '\n%%%%EOF\n'; } >"$pdf"
        size=$(stat -c %s "$pdf") sha=$(sha256sum "$pdf" | cut -d' ' -f1)
        step "POST the form with cv.pdf ($size bytes) and a bad email: $(post_apply "$work/apply.html" "$work/failed.html" 'not an email' "$pdf")"
        kept=$(grep -o 'Currently: cv.pdf ([^)]*)' "$work/failed.html")
        if [ -n "$kept" ] && grep -q 'Enter an email address' "$work/failed.html"; then
            step "the email is refused and the file kept: \"$kept\""
            step "POST the form again with a good email: $(post_apply "$work/failed.html" "$work/confirmation.html" ann@example.com)"
            expected="Received cv.pdf ($size bytes, SHA-256 $sha)"
            if grep -qF "$expected" "$work/confirmation.html"; then
                step "the confirmation says \"$expected\""
            else
                fail "no \"$expected\" on the confirmation page ($work/confirmation.html)"
            fi
        else
            fail "the failed submit did not keep the file or show the email's message ($work/failed.html)"
        fi
    else
        fail "/apply.xhtml is not the application form after the login ($work/apply.html)"
    fi
fi

# --- Ctrl+C ---
ours=$( (pgrep -g "$pgid"; pgrep -f -- "$home") | sort -u | comm -23 - "$work/before.pids")
step "Ctrl+C: SIGINT to the process group $pgid ($(wc -w <<<"$ours") processes: $(tr '\n' ' ' <<<"$ours"))"
kill -INT -- -"$pgid" 2>/dev/null
for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done # bash reaps it when it ends
if kill -0 "$pid" 2>/dev/null; then
    fail "mvn still runs 120 s after Ctrl+C"; kill -KILL -- -"$pgid"
fi
wait "$pid"
step "mvn exited ($?)"
left=
for _ in $(seq 1 20); do
    left=$(for p in $ours $( (pgrep -g "$pgid"; pgrep -f -- "$home") | sort -u | comm -23 - "$work/before.pids"); do
        [ -e "/proc/$p" ] && [ "$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null)" != Z ] && echo "$p"; done | sort -u)
    [ -z "$left" ] && ! ss -ltnH "sport = :$port" | grep -q . && break
    sleep 1
done
if [ -n "$left" ]; then
    fail "left running after Ctrl+C: $(ps -o pid=,args= -p "$(tr '\n' ',' <<<"$left" | sed 's/,$//')" | cut -c1-200)"
    kill -KILL $left 2>/dev/null
elif ss -ltnH "sport = :$port" | grep -q .; then
    fail "port $port still listened on: $(ss -ltnpH "sport = :$port")"
else
    step "nothing left: no process of the run, nothing listening on $port"
fi

# --- the log ---
cp "$work/stdout.log" "$work/server.log"
for log in "${logs[@]}"; do
    [ -f "$log" ] || continue
    from=${log_start[$log]#*:}
    # A log that was rolled over at the start (Liberty's messages.log) is read from its beginning.
    [ "$(stat -c %i "$log")" = "${log_start[$log]%%:*}" ] && [ "$(stat -c %s "$log")" -ge "$from" ] || from=0
    tail -c +$((from + 1)) "$log" >>"$work/server.log"
done
# One record per line (a record's lines after the first, such as a stack trace or GlassFish's message, joined
# with " | "), then the warnings and errors: WARN/WARNING/SEVERE/ERROR, or Liberty's message ids ending in W or E.
awk '/^(\[|[0-9][0-9]:[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9])/ { if (r != "") print r; r = $0; next }
     { r = r " | " $0 } END { if (r != "") print r }' "$work/server.log" >"$work/records.log"
grep -E '(SEVERE|WARNING|WARN|ERROR|FATAL|[[:space:]][A-Z]{4,5}[0-9]{4}[EW]:)' "$work/records.log" | sort -u \
    >"$work/problems.log"
ours_re='stickyuploads|sticky-uploads|sticky_uploads|ROOT\.war|/servers/[a-z]+/run\.sh'
if grep -Eq "$ours_re" "$work/problems.log"; then
    fail "the log has warnings or errors of the library or the demo:"
    grep -E "$ours_re" "$work/problems.log" | cut -c1-600 | sed 's/^/    /'
fi
step "other warnings and errors in the log: $(grep -Evc "$ours_re" "$work/problems.log") (all in $work/problems.log)"
grep -Ev "$ours_re" "$work/problems.log" | cut -c1-300 | head -20 | sed 's/^/    /'

if [ "$failures" = 0 ]; then
    step "OK in ${SECONDS}s"
else
    step "$failures failure(s); see $work"
    exit 1
fi
