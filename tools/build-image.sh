#!/bin/sh
# Builds the image of one app from apps/<app>/Dockerfile with the workspace root as context; the
# Nx target <app>:docker:build runs it after `nx build <app>`:
#   sh tools/build-image.sh api|web|generator [more docker buildx build options]
# LOGLINE_REGISTRY      images are $LOGLINE_REGISTRY/logline-<app> (default: logline)
# LOGLINE_IMAGE_TAGS    tags, separated by spaces or newlines (default: package.json's version)
# LOGLINE_PLATFORMS     e.g. linux/amd64,linux/arm64 (default: this machine's)
# LOGLINE_PUSH          true: push every tag, with SBOM and provenance attestations; otherwise one
#                       platform is loaded into the local Docker and several are only built
# LOGLINE_IMAGE_SOURCE  the repository's URL, for the org.opencontainers.image.source label
set -eu
app=${1:-}
case "$app" in
  api | web | generator) shift ;;
  *) echo "usage: tools/build-image.sh api|web|generator [docker buildx build options]" >&2; exit 2 ;;
esac
if [ ! -f "dist/apps/$app/main.js" ]; then
  echo "dist/apps/$app has no bundle: run npx nx run $app:docker:build, which builds it first" >&2
  exit 2
fi
version=$(node -p "require('./package.json').version")
# Image references must be lower case; a GitHub owner may not be.
registry=$(printf '%s' "${LOGLINE_REGISTRY:-logline}" | tr '[:upper:]' '[:lower:]')
platforms=${LOGLINE_PLATFORMS:-}

set -- --file "apps/$app/Dockerfile" \
  --build-arg "VERSION=$version" \
  --build-arg "REVISION=$(git rev-parse HEAD)" \
  --build-arg "SOURCE=${LOGLINE_IMAGE_SOURCE:-}" \
  "$@"
for tag in ${LOGLINE_IMAGE_TAGS:-$version}; do
  set -- "$@" --tag "$registry/logline-$app:$tag"
done
if [ -n "$platforms" ]; then set -- "$@" --platform "$platforms"; fi
if [ "${LOGLINE_PUSH:-false}" = true ]; then
  set -- "$@" --push --sbom=true --provenance=mode=max
elif [ "${platforms#*,}" = "$platforms" ]; then
  set -- "$@" --load
else
  # The local image store holds one platform; a multi-platform build that is not pushed only
  # proves that it builds.
  set -- "$@" --output type=cacheonly
fi
exec docker buildx build "$@" .
