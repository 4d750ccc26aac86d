#!/usr/bin/env bash
# `npm test`'s pretest step: brings the local cluster up (building it on a fresh machine) so the
# integration tests run against it. A failed start does not stop the unit tests: the integration
# tests then fail (never skip), pointing at the logs this step names.
set -uo pipefail
source "$(dirname "$0")/env.sh"
# KubeVirt v1.6.0's API and examples for test/conformance (Go module proxy); if this fails those
# tests fail and say how to fetch them.
bash "$root/hack/upstream/fetch.sh" || echo "pretest: fetching KubeVirt's API facts failed; test/conformance will fail" >&2
# Upstream virtctl, the reference client of the subresource tests (~8 min on a cold Go cache, then seconds).
bash "$root/hack/virtctl/build.sh" >/dev/null || echo "pretest: upstream virtctl did not build; the virtctl tests will fail. Log: $logs/build-virtctl.log" >&2
if bash "$(dirname "$0")/start.sh"; then exit 0; fi
echo "pretest: the local cluster did not start; the integration tests will fail. Logs: $logs" >&2
exit 0
