/*
 * kvm-probe: exits 0 when KVM really runs a guest on this host, 1 otherwise (with the reason on
 * stderr). /dev/kvm existing is not enough (nested KVM on the project's machines opens it and then
 * fails), so this creates a VM with one vCPU, gives it 4 KiB of real-mode code that writes a byte
 * to an I/O port and halts, and checks that KVM_RUN comes back with exactly that port write.
 * virt-handler runs it before advertising devices.kubevirt.io/kvm. An alarm bounds every step.
 */
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static int fail(const char *what) { perror(what); return 1; }

int main(void) {
  /* mov $0x42, %al; out %al, $0x10; hlt */
  const uint8_t code[] = {0xb0, 0x42, 0xe6, 0x10, 0xf4};
  alarm(5);
  int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
  if (kvm < 0) return fail("open /dev/kvm");
  if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION) { fprintf(stderr, "KVM API version mismatch\n"); return 1; }
  int vm = ioctl(kvm, KVM_CREATE_VM, 0);
  if (vm < 0) return fail("KVM_CREATE_VM");
  uint8_t *mem = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return fail("mmap");
  memcpy(mem, code, sizeof code);
  struct kvm_userspace_memory_region region = {.slot = 0, .guest_phys_addr = 0x1000, .memory_size = 0x1000, .userspace_addr = (uint64_t)(uintptr_t)mem};
  if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0) return fail("KVM_SET_USER_MEMORY_REGION");
  int vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
  if (vcpu < 0) return fail("KVM_CREATE_VCPU");
  int run_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
  if (run_size < (int)sizeof(struct kvm_run)) return fail("KVM_GET_VCPU_MMAP_SIZE");
  struct kvm_run *run = mmap(NULL, (size_t)run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
  if (run == MAP_FAILED) return fail("mmap kvm_run");
  struct kvm_sregs sregs;
  if (ioctl(vcpu, KVM_GET_SREGS, &sregs) < 0) return fail("KVM_GET_SREGS");
  sregs.cs.base = 0;
  sregs.cs.selector = 0;
  if (ioctl(vcpu, KVM_SET_SREGS, &sregs) < 0) return fail("KVM_SET_SREGS");
  struct kvm_regs regs = {.rip = 0x1000, .rflags = 0x2};
  if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0) return fail("KVM_SET_REGS");
  if (ioctl(vcpu, KVM_RUN, 0) < 0) return fail("KVM_RUN");
  if (run->exit_reason != KVM_EXIT_IO || run->io.direction != KVM_EXIT_IO_OUT || run->io.port != 0x10 ||
      ((uint8_t *)run)[run->io.data_offset] != 0x42) {
    fprintf(stderr, "the guest did not run: exit reason %u\n", run->exit_reason);
    return 1;
  }
  if (ioctl(vcpu, KVM_RUN, 0) < 0) return fail("KVM_RUN");
  if (run->exit_reason != KVM_EXIT_HLT) { fprintf(stderr, "the guest did not halt: exit reason %u\n", run->exit_reason); return 1; }
  return 0;
}
