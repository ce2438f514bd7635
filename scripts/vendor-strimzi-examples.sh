#!/usr/bin/env bash
# Copies Strimzi's example files that define Strimzi resources (packaging/examples at the tag
# below) into test/strimzi-examples/upstream/, unchanged, for the rebuild catalogue
# (test/strimzi-examples/catalogue.test.ts). Usage: scripts/vendor-strimzi-examples.sh <git dir
# of a strimzi-kafka-operator clone>. Reproducible: the tag pins the content (SOURCES.md).
set -euo pipefail
GIT_DIR="$1"
TAG=1.2.0
OUT="$(cd "$(dirname "$0")/.." && pwd)/test/strimzi-examples/upstream"
rm -rf "$OUT" && mkdir -p "$OUT"
for f in $(git --git-dir="$GIT_DIR" ls-tree -r --name-only "$TAG" packaging/examples | grep -E '\.ya?ml$'); do
  content="$(git --git-dir="$GIT_DIR" show "$TAG:$f")"
  # A file defines Strimzi resources when one of its documents has a Strimzi apiVersion.
  if grep -qE '^apiVersion: (kafka|access)\.strimzi\.io/' <<<"$content"; then
    rel="${f#packaging/examples/}"
    mkdir -p "$OUT/$(dirname "$rel")"
    git --git-dir="$GIT_DIR" show "$TAG:$f" > "$OUT/$rel"
  fi
done
commit="$(git --git-dir="$GIT_DIR" rev-parse "$TAG^{commit}")"
cat > "$OUT/SOURCES.md" <<MD
# Strimzi's example files

Every file of \`packaging/examples\` in strimzi/strimzi-kafka-operator at tag $TAG (commit
$commit) with a document of a Strimzi API group (\`kafka.strimzi.io\`, \`access.strimzi.io\`),
unchanged. Apache License 2.0, Copyright Strimzi authors. Written by
\`scripts/vendor-strimzi-examples.sh <git dir of a clone>\`; the rebuilds beside this folder say
how each is expressed through the library's public API.
MD
find "$OUT" -name '*.yaml' | wc -l
