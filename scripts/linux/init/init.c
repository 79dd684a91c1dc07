/*
 * trapvisor /init: the first (and only) userspace program of the test kernel.
 *
 * Freestanding RV32 (no libc): every system call is an `ecall` with the number in a7, as the
 * asm-generic table of Linux 6.1 numbers them (include/uapi/asm-generic/unistd.h). RV32 has no
 * time32 system calls, so wait4 (260) does not exist there; the child is reaped with waitid (95).
 *
 * It mounts proc, prints /proc/version, /proc/cpuinfo and /proc/interrupts, forks a child that
 * computes a sieve and exits with the count, reaps it and checks the status, checks copy-on-write
 * and a CRC-32, prints "trapvisor-init: all checks passed" and powers off (reboot(2) -> SBI SRST).
 * Any failure prints "trapvisor-init: FAIL <what>" and powers off too.
 */

typedef unsigned int u32;
typedef unsigned long usize;

/* System call numbers (asm-generic, Linux 6.1). */
enum {
	NR_MOUNT = 40,
	NR_OPENAT = 56,
	NR_CLOSE = 57,
	NR_READ = 63,
	NR_WRITE = 64,
	NR_EXIT = 93,
	NR_EXIT_GROUP = 94,
	NR_WAITID = 95,
	NR_REBOOT = 142,
	NR_GETPID = 172,
	NR_CLONE = 220,
};

#define AT_FDCWD (-100)
#define O_RDONLY 0
#define SIGCHLD 17
#define P_PID 1
#define WEXITED 4
#define CLD_EXITED 1
#define LINUX_REBOOT_MAGIC1 0xfee1deadu
#define LINUX_REBOOT_MAGIC2 672274793u
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedcu

static long syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a3 __asm__("a3") = d;
	register long a4 __asm__("a4") = e;
	register long a5 __asm__("a5") = f;
	register long a7 __asm__("a7") = n;
	__asm__ volatile("ecall"
			 : "+r"(a0)
			 : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7)
			 : "memory");
	return a0;
}

static inline long sys0(long n) { return syscall6(n, 0, 0, 0, 0, 0, 0); }
static inline long sys1(long n, long a) { return syscall6(n, a, 0, 0, 0, 0, 0); }
static inline long sys3(long n, long a, long b, long c) { return syscall6(n, a, b, c, 0, 0, 0); }
static inline long sys4(long n, long a, long b, long c, long d) { return syscall6(n, a, b, c, d, 0, 0); }
static inline long sys5(long n, long a, long b, long c, long d, long e) { return syscall6(n, a, b, c, d, e, 0); }

/* gcc may emit calls to these even when freestanding. */
void *memset(void *dst, int c, usize n)
{
	unsigned char *p = dst;
	while (n--)
		*p++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, usize n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

static usize str_len(const char *s)
{
	usize n = 0;
	while (s[n])
		n++;
	return n;
}

static void write_all(const char *p, usize n)
{
	while (n > 0) {
		long w = sys3(NR_WRITE, 1, (long)p, (long)n);
		if (w <= 0)
			return; /* nowhere left to report it */
		p += w;
		n -= (usize)w;
	}
}

static void puts_(const char *s) { write_all(s, str_len(s)); }

static void put_dec(long v)
{
	char buf[12];
	int i = sizeof buf;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--i] = '-';
	write_all(buf + i, sizeof buf - (usize)i);
}

static void put_hex(u32 v)
{
	char buf[10] = "0x";
	for (int i = 0; i < 8; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xf];
	write_all(buf, sizeof buf);
}

static __attribute__((noreturn)) void power_off(void)
{
	sys4(NR_REBOOT, (long)LINUX_REBOOT_MAGIC1, (long)LINUX_REBOOT_MAGIC2, (long)LINUX_REBOOT_CMD_POWER_OFF, 0);
	puts_("trapvisor-init: FAIL reboot(POWER_OFF) returned\n");
	for (;;)
		sys1(NR_EXIT_GROUP, 1);
}

static __attribute__((noreturn)) void fail(const char *what, long detail)
{
	puts_("trapvisor-init: FAIL ");
	puts_(what);
	puts_(" (");
	put_dec(detail);
	puts_(")\n");
	power_off();
}

static const char *find(const char *hay, const char *needle)
{
	usize n = str_len(needle);
	for (; *hay; hay++) {
		usize i = 0;
		while (i < n && hay[i] == needle[i])
			i++;
		if (i == n)
			return hay;
	}
	return 0;
}

/* Read a whole (small) file into buf, NUL-terminated; returns its length. */
static long slurp(const char *path, char *buf, long cap)
{
	long fd = sys4(NR_OPENAT, AT_FDCWD, (long)path, O_RDONLY, 0);
	if (fd < 0)
		fail(path, fd);
	long len = 0;
	for (;;) {
		long r = sys3(NR_READ, fd, (long)(buf + len), cap - 1 - len);
		if (r < 0)
			fail("read", r);
		if (r == 0 || len + r >= cap - 1) {
			len += r;
			break;
		}
		len += r;
	}
	buf[len] = 0;
	sys1(NR_CLOSE, fd);
	return len;
}

static char filebuf[16384];

static void show(const char *path)
{
	long n = slurp(path, filebuf, sizeof filebuf);
	puts_("----- ");
	puts_(path);
	puts_(" -----\n");
	write_all(filebuf, (usize)n);
	if (n == 0)
		fail("empty file", 0);
}

static unsigned char sieve_buf[10001];

/* Number of primes <= limit (limit <= 10000). */
static int count_primes(int limit)
{
	int count = 0;
	for (int i = 0; i <= limit; i++)
		sieve_buf[i] = 1;
	for (int i = 2; i <= limit; i++) {
		if (!sieve_buf[i])
			continue;
		count++;
		for (int j = i * i; j <= limit; j += i)
			sieve_buf[j] = 0;
	}
	return count;
}

static u32 crc32(const char *p, usize n)
{
	u32 crc = 0xffffffffu;
	while (n--) {
		crc ^= (unsigned char)*p++;
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

/* Written by the child after the fork; the parent's copy must not change (copy-on-write). */
static volatile u32 cow_probe = 0x1234;

/* Parses the count of the /proc/interrupts line naming `name` (single CPU). */
static long irq_count(const char *text, const char *name)
{
	const char *hit = find(text, name);
	if (!hit)
		return -1;
	while (hit > text && hit[-1] != '\n')
		hit--;
	while (*hit && *hit != ':')
		hit++;
	if (*hit == ':')
		hit++;
	while (*hit == ' ')
		hit++;
	long v = 0;
	while (*hit >= '0' && *hit <= '9')
		v = v * 10 + (*hit++ - '0');
	return v;
}

void __attribute__((noreturn)) init_main(void)
{
	puts_("trapvisor-init: hello from userspace, pid ");
	put_dec(sys0(NR_GETPID));
	puts_("\n");

	long r = syscall6(NR_MOUNT, (long)"proc", (long)"/proc", (long)"proc", 0, 0, 0);
	if (r != 0)
		fail("mount proc", r);

	show("/proc/version");
	show("/proc/cpuinfo");
	if (!find(filebuf, "rv32"))
		fail("cpuinfo has no rv32 isa", 0);
	show("/proc/interrupts");
	long ticks = irq_count(filebuf, "riscv-timer");
	if (ticks <= 0)
		fail("no riscv-timer interrupts", ticks);

	long pid = sys5(NR_CLONE, SIGCHLD, 0, 0, 0, 0);
	if (pid < 0)
		fail("clone", pid);
	if (pid == 0) {
		cow_probe = 0xdead;
		int primes = count_primes(1000);
		sys1(NR_EXIT, primes); /* 168 */
		for (;;)
			;
	}

	int info[32]; /* siginfo_t: signo, errno, code, pid, uid, status, ... */
	memset(info, 0, sizeof info);
	r = sys5(NR_WAITID, P_PID, pid, (long)info, WEXITED, 0);
	if (r != 0)
		fail("waitid", r);
	if (info[0] != SIGCHLD)
		fail("waitid si_signo", info[0]);
	if (info[3] != pid)
		fail("waitid si_pid", info[3]);
	if (info[2] != CLD_EXITED)
		fail("child did not exit normally, si_code", info[2]);
	if (info[5] != 168)
		fail("child exit status (want 168)", info[5]);
	puts_("trapvisor-init: child ");
	put_dec(pid);
	puts_(" exited with 168 (primes <= 1000)\n");
	if (cow_probe != 0x1234)
		fail("copy-on-write: parent saw the child's store", (long)cow_probe);

	int primes = count_primes(10000);
	if (primes != 1229)
		fail("sieve: primes <= 10000 (want 1229)", primes);
	const char *check = "123456789";
	u32 crc = crc32(check, str_len(check));
	if (crc != 0xcbf43926u)
		fail("crc32 of 123456789 (want 0xcbf43926)", (long)crc);
	puts_("trapvisor-init: timer interrupts ");
	put_dec(ticks);
	puts_(", primes <= 10000 = ");
	put_dec(primes);
	puts_(", crc32 = ");
	put_hex(crc);
	puts_("\n");

	puts_("trapvisor-init: all checks passed\n");
	power_off();
}
