#!/bin/sh
# Makes every secret deploy/compose.yaml needs, as files in deploy/secrets/ (or DIR): ClickHouse
# passwords, the ingest token, API tokens and their hashes, the web's session secret and metrics
# token, Grafana's admin password, and the TLS certificates of Vector's ingest (a private CA, Vector's server certificate,
# and one client certificate for TCP producers). Files that exist are kept, so it is safe to run
# again; delete one to replace it. The web's users file is made by hand (see deploy/README.md).
#   deploy/make-secrets.sh [DIR]     LOGLINE_INGEST_HOSTNAME=logs.example.com adds that name to
#                                    Vector's certificate (vector, localhost and 127.0.0.1 always)
set -eu
dir=${1:-$(dirname "$0")/secrets}
mkdir -p "$dir"
chmod 700 "$dir"
# Readable inside the containers (bind mounts keep the mode); the folder keeps others on this host out.
umask 022

random() { openssl rand -hex "$1"; }
sha256() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
# Writes $2 to $dir/$1 unless that file exists.
keep() { [ -s "$dir/$1" ] || printf '%s\n' "$2" > "$dir/$1"; }

for user in writer reader migrator; do keep "clickhouse_${user}_password" "$(random 24)"; done
keep ingest_token "$(random 32)"
keep api_web_token "ll_$(random 24)"
keep api_prometheus_token "ll_$(random 24)"
keep api_tokens "[{\"name\":\"web\",\"scopes\":[\"read\",\"web\"],\"sha256\":\"$(sha256 "$(cat "$dir/api_web_token")")\"},{\"name\":\"prometheus\",\"scopes\":[\"read\"],\"sha256\":\"$(sha256 "$(cat "$dir/api_prometheus_token")")\"}]"
keep web_session_secret "$(random 32)"
keep clickhouse_cluster_secret "$(random 32)"   # deploy/cluster only: the nodes' inter-server secret
keep web_metrics_token "$(random 32)"
keep grafana_admin_password "$(random 24)"

# $1: name (files $1_cert, $1_key), $2: subject CN, $3: extensions, signed by the ingest CA.
certificate() {
  [ -s "$dir/$1_cert" ] && return
  extensions=$(mktemp)
  printf '%s\n' "$3" > "$extensions"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/$1_key" -subj "/CN=$2" -out "$dir/$1.csr" 2>/dev/null
  openssl x509 -req -in "$dir/$1.csr" -CA "$dir/ingest_ca_cert" -CAkey "$dir/ingest_ca.key" -CAcreateserial -days 825 \
    -extfile "$extensions" -out "$dir/$1_cert" 2>/dev/null
  rm -f "$dir/$1.csr" "$extensions"
}
if [ ! -s "$dir/ingest_ca_cert" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj '/CN=Logline ingest CA' \
    -keyout "$dir/ingest_ca.key" -out "$dir/ingest_ca_cert" 2>/dev/null
  chmod 600 "$dir/ingest_ca.key"
fi
names="DNS:vector,DNS:localhost,IP:127.0.0.1${LOGLINE_INGEST_HOSTNAME:+,DNS:$LOGLINE_INGEST_HOSTNAME}"
certificate ingest_tls vector "subjectAltName=$names
extendedKeyUsage=serverAuth"
certificate ingest_client logline-producer "extendedKeyUsage=clientAuth"

[ -s "$dir/web_users" ] || echo "make-secrets.sh: now make $dir/web_users (see deploy/README.md, \"Secrets\"); compose refuses to start without it" >&2
echo "make-secrets.sh: secrets are in $dir"
