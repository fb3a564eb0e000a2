#!/bin/sh
# Registers the product's namespace once the frontend answers (temporalio/admin-tools image, deploy/compose.yaml).
# Retention: how long a finished workflow's history stays readable (a closed reporting cycle, a closed case).
set -eu
until temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; do sleep 2; done
temporal operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1 ||
  temporal operator namespace create --address "$TEMPORAL_ADDRESS" --namespace "$TEMPORAL_NAMESPACE" \
    --retention "${TEMPORAL_RETENTION:-30d}"
echo "namespace $TEMPORAL_NAMESPACE is registered"
