#!/bin/sh
# Writes the cluster's inter-server secret, read from its secret file, into a config.d file, so it
# is never in the environment or a mounted config. Run before the image's entrypoint; refuses to
# go on when the secret is missing, so a node never joins the cluster without it.
set -eu
file=${LOGLINE_SECRETS_DIR:-/run/secrets}/clickhouse_cluster_secret
if [ ! -s "$file" ]; then
  echo "cluster-secret.sh: $file is missing or empty: make it with deploy/make-secrets.sh" >&2
  exit 1
fi
secret=$(sed -e 's/[[:space:]]*$//' "$file")
target=/etc/clickhouse-server/config.d/logline-cluster-secret.xml
printf '<clickhouse><remote_servers><logline><secret>%s</secret></logline></remote_servers></clickhouse>\n' "$secret" > "$target.tmp"
mv "$target.tmp" "$target"
