#!/bin/sh
# Writes the SHA-256 of each Logline user's password, read from its secret file, into a users.d
# file, so ClickHouse never sees a password in its environment or config. Run by the clickhouse
# service before the image's own entrypoint (deploy/compose.yaml); refuses to go on, so the server
# does not start, when a secret is missing or empty.
#   LOGLINE_SECRETS_DIR  where the secret files are (default /run/secrets)
#   LOGLINE_USERS_D      where to write logline-passwords.xml (default /etc/clickhouse-server/users.d)
set -eu
secrets=${LOGLINE_SECRETS_DIR:-/run/secrets}
target=${LOGLINE_USERS_D:-/etc/clickhouse-server/users.d}/logline-passwords.xml

{
  echo '<clickhouse><users>'
  for user in writer reader migrator; do
    file="$secrets/clickhouse_${user}_password"
    if [ ! -s "$file" ]; then
      echo "logline-passwords.sh: $file is missing or empty: make it with deploy/make-secrets.sh" >&2
      exit 1
    fi
    # Without trailing whitespace (the newline an editor or echo adds), as the apps and Vector read it.
    hash=$(printf '%s' "$(sed -e 's/[[:space:]]*$//' "$file")" | sha256sum | cut -d' ' -f1)
    echo "  <logline_$user><password_sha256_hex>$hash</password_sha256_hex></logline_$user>"
  done
  echo '</users></clickhouse>'
} > "$target.tmp"
mv "$target.tmp" "$target"
