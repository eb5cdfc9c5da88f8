#!/usr/bin/env bash
# Writes the local secret files an overlay's secretGenerator reads (OVERLAY/secrets/*.env, ignored by git), with
# random keys and passwords. Existing files are kept. Nothing secret is ever committed or deployed from the repository.
#   deploy/k8s/make-secrets.sh deploy/k8s/overlays/dev
# For production, edit the result: INGEST_API_KEYS lists one submitter=key pair per agency, and pipeline-db's DB_URL
# points at the database (the generated one suits the bundled PostgreSQL of components/postgres-statefulset).
set -euo pipefail
overlay=${1:?usage: make-secrets.sh OVERLAY_DIR}
dir="$overlay/secrets"
mkdir -p "$dir"
random() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40; }
write() {
  local file="$dir/$1"; shift
  if [ -e "$file" ]; then echo "kept $file"; return; fi
  (umask 077; printf '%s\n' "$@" > "$file")
  echo "wrote $file"
}
write ingest.env "INGEST_API_KEYS=bulk-import=$(random)"
write db.env "DB_URL=jdbc:postgresql://postgres:5432/reports" "DB_USER=reports" "DB_PASSWORD=$(random)"
if grep -q 'pipeline-s3' "$overlay/kustomization.yaml"; then
  write s3.env "S3_ACCESS_KEY=$(random)" "S3_SECRET_KEY=$(random)"
  echo "note: $dir/s3.env holds random S3 keys; replace them with the bucket's credentials (or delete the"
  echo "      pipeline-s3 secretGenerator entry to use the AWS default chain, e.g. web identity)"
fi
