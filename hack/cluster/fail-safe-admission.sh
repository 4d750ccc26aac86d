#!/usr/bin/env bash
# Part of `npm start`: keeps the fail-safe admission policy applied (fail-safe-admission.yaml: the
# API server itself refuses a VM without spec.template and kubevirt.io objects in the namespaces
# Pepr exempts), then proves the module's webhooks are registered AND answering: a server-side
# dry-run create of a small VM must come back defaulted (machine type q35, which the VM does not
# set). Only then may `npm start` say ready.
set -euo pipefail
source "$(dirname "$0")/env.sh"
k() { kubectl --kubeconfig "$KUBECONFIG_PATH" "$@"; }
log_file=$logs/fail-safe-admission.log

# VAP is GA (admissionregistration.k8s.io/v1) since Kubernetes 1.30.
k api-resources --api-group=admissionregistration.k8s.io -o name 2>>"$log_file" | grep -x 'validatingadmissionpolicies.admissionregistration.k8s.io' >/dev/null ||
  die "the API server serves no ValidatingAdmissionPolicy (needs Kubernetes >= 1.30); log: $log_file"
k apply --server-side --force-conflicts --field-manager kubevirt-ts-start -f "$root/hack/cluster/fail-safe-admission.yaml" >>"$log_file" 2>&1 ||
  die "applying the fail-safe admission policy failed; log: $log_file"
log "fail-safe admission policy applied (kubevirt-ts-fail-safe)"

probe=$(cat <<'VM'
apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: kubevirt-ts-admission-probe
  namespace: default
spec:
  runStrategy: Halted
  template:
    spec:
      domain:
        devices: {}
        resources: {requests: {memory: 64Mi}}
VM
)

deadline=$((SECONDS + ${KVTS_WEBHOOK_WAIT:-180}))
why=""
until [ $SECONDS -ge $deadline ]; do
  missing=""
  for kind in mutatingwebhookconfiguration validatingwebhookconfiguration; do
    k get "$kind" pepr-kubevirt-ts >/dev/null 2>>"$log_file" || missing+=" $kind/pepr-kubevirt-ts"
  done
  if [ -n "$missing" ]; then
    why="not registered:$missing"
  elif machine=$(echo "$probe" | k create --dry-run=server -o 'jsonpath={.spec.template.spec.domain.machine.type}' -f - 2>>"$log_file") && [ "$machine" = q35 ]; then
    log "module webhooks registered and answering (a dry-run VM came back defaulted)"
    exit 0
  else
    why="registered, but a dry-run VM did not come back defaulted (machine type '${machine:-}')"
  fi
  sleep 2
done
die "the module's admission webhooks are $why; VMs would not be converted or defaulted. Logs: npm run logs pepr; $log_file"
