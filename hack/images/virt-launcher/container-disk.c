// The process of every containerDisk container in a launcher pod. A containerDisk image is FROM
// scratch (one disk file under /disk/, no binaries), so the pod copies this static binary in and
// runs it as `container-disk <volume name>`: it only waits, keeping the container (and with it the
// image's files, reachable as /proc/<pid>/root from the pod's shared PID namespace) alive, and
// exits on SIGTERM/SIGINT. The argument is how the launcher finds the volume's container.
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void down(int signo) {
  (void)signo;
  _exit(0);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: container-disk VOLUME-NAME\n");
    return 2;
  }
  signal(SIGTERM, down);
  signal(SIGINT, down);
  for (;;) pause();
}
