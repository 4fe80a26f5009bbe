#!/bin/sh
# Builds or pushes one Logline image, from the workspace root:
#   sh deploy/docker/image.sh build|push api|web|generator
# The tag is $LOGLINE_REGISTRY/logline-<app>:$LOGLINE_VERSION; the version defaults to the one in
# package.json, the registry to `logline` for a build and must be given for a push.
set -eu
action=${1:-}
app=${2:-}
case "$app" in
  api | web | generator) ;;
  *) echo "usage: image.sh build|push api|web|generator" >&2; exit 2 ;;
esac
version=${LOGLINE_VERSION:-$(node -p "require('./package.json').version")}
case "$action" in
  build)
    image="${LOGLINE_REGISTRY:-logline}/logline-$app:$version"
    docker build -f "deploy/docker/$app.Dockerfile" -t "$image" .
    ;;
  push)
    image="${LOGLINE_REGISTRY:?set LOGLINE_REGISTRY to the registry to push to, e.g. ghcr.io/acme}/logline-$app:$version"
    docker push "$image"
    ;;
  *) echo "usage: image.sh build|push api|web|generator" >&2; exit 2 ;;
esac
