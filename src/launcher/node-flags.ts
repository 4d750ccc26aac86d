/**
 * The flags virt-launcher's Node runs with, wherever it is started (the launcher pod's command, the
 * e2e harness, bench:launcher). One launcher runs per VM, so its heap is per-VM overhead, and it
 * needs no speed: it waits on libvirt nearly all the time.
 * - `--max-semi-space-size=1` (MiB): a small young generation; scavenges get more frequent, RSS smaller.
 * - `--lite-mode`: no optimizing compilers and their code and feedback.
 * - `--no-expose-wasm`: no WebAssembly, which the launcher never uses.
 * Measured with `npm run bench:launcher` (BENCH_NODE_FLAGS="" runs without them): see the README.
 */
export const LAUNCHER_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=1", "--lite-mode", "--no-expose-wasm"];
