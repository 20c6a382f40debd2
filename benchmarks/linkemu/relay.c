/* An emulated network link between two TUN devices: one-way delay, a rate limit and a drop-tail queue in
 * each direction, and outages on demand.
 *
 *   relay TUN_A TUN_B DELAY_AB_US RATE_AB_BPS DELAY_BA_US RATE_BA_BPS QUEUE_AB_BYTES QUEUE_BA_BYTES
 *
 * Creates both TUN devices (IFF_TUN | IFF_NO_PI), prints "ready" on stdout and then copies every packet
 * read from one to the other: a packet waits in a queue until the link is free (the rate limit: the time a
 * packet takes on the wire is its size over the rate), then travels for the one-way delay.  A packet that
 * arrives while the queue holds more than its limit (bytes not yet on the wire) is dropped, as a router's
 * tail-drop queue would.  SIGUSR1 starts an outage (every packet in either direction is dropped, including
 * those queued), SIGUSR2 ends it.  SIGTERM stops.  The caller moves TUN_B into a network namespace and
 * gives both ends addresses.  Counters go to stderr at exit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define SLOT 2048
#define SLOTS 32768

typedef struct {
    int64_t due;  /* ns: when the packet leaves the link (wire time + delay) */
    int len;
    unsigned char data[SLOT];
} packet;

typedef struct {
    int in, out;
    int64_t delay_ns;
    double ns_per_byte;
    int64_t queue_limit;
    int64_t wire_free; /* ns: when the last queued packet has left the sender's queue */
    packet *ring;
    unsigned head, tail; /* ring [head, tail) */
    long long passed, dropped, bytes;
} direction;

static volatile sig_atomic_t outage = 0, stop = 0, flush = 0;

static void on_signal(int sig) {
    if (sig == SIGUSR1) { outage = 1; flush = 1; }
    else if (sig == SIGUSR2) outage = 0;
    else stop = 1;
}

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int tun_open(const char *name) {
    struct ifreq ifr;
    int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK);
    if (fd < 0) { perror("open /dev/net/tun"); exit(1); }
    memset(&ifr, 0, sizeof ifr);
    ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
    strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) { perror("TUNSETIFF"); exit(1); }
    return fd;
}

/* Bytes queued before the wire at time t: the backlog the rate limit has not sent yet. */
static int64_t backlog(const direction *d, int64_t t) {
    int64_t wait = d->wire_free - t;
    return wait > 0 ? (int64_t)(wait / d->ns_per_byte) : 0;
}

static void take(direction *d, int64_t t) {
    for (;;) {
        packet *p = &d->ring[d->tail % SLOTS];
        ssize_t n = read(d->in, p->data, SLOT);
        if (n <= 0) return;
        if (outage || d->tail - d->head >= SLOTS || backlog(d, t) + n > d->queue_limit) {
            d->dropped++;
            continue;
        }
        int64_t start = d->wire_free > t ? d->wire_free : t;
        d->wire_free = start + (int64_t)(n * d->ns_per_byte);
        p->due = d->wire_free + d->delay_ns;
        p->len = (int)n;
        d->tail++;
    }
}

static void give(direction *d, int64_t t) {
    while (d->head != d->tail) {
        packet *p = &d->ring[d->head % SLOTS];
        if (p->due > t) return;
        if (write(d->out, p->data, p->len) == p->len) { d->passed++; d->bytes += p->len; }
        else d->dropped++;
        d->head++;
    }
}

int main(int argc, char **argv) {
    if (argc != 9) {
        fprintf(stderr, "usage: relay TUN_A TUN_B DELAY_AB_US RATE_AB_BPS DELAY_BA_US RATE_BA_BPS "
                        "QUEUE_AB_BYTES QUEUE_BA_BYTES\n");
        return 2;
    }
    int a = tun_open(argv[1]), b = tun_open(argv[2]);
    direction dir[2] = {
        {a, b, atoll(argv[3]) * 1000LL, 8e9 / atof(argv[4]), atoll(argv[7]), 0, NULL, 0, 0, 0, 0, 0},
        {b, a, atoll(argv[5]) * 1000LL, 8e9 / atof(argv[6]), atoll(argv[8]), 0, NULL, 0, 0, 0, 0, 0},
    };
    for (int i = 0; i < 2; i++) {
        dir[i].ring = malloc(sizeof(packet) * SLOTS);
        if (!dir[i].ring) { perror("malloc"); return 1; }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    printf("ready\n");
    fflush(stdout);
    struct pollfd fds[2] = {{a, POLLIN, 0}, {b, POLLIN, 0}};
    while (!stop) {
        int64_t t = now_ns();
        if (flush) {
            flush = 0;
            for (int i = 0; i < 2; i++) {
                dir[i].dropped += dir[i].tail - dir[i].head;
                dir[i].head = dir[i].tail;
                dir[i].wire_free = t;
            }
        }
        for (int i = 0; i < 2; i++) give(&dir[i], t);
        int64_t next = -1;
        for (int i = 0; i < 2; i++) {
            if (dir[i].head != dir[i].tail) {
                int64_t due = dir[i].ring[dir[i].head % SLOTS].due;
                if (next < 0 || due < next) next = due;
            }
        }
        struct timespec timeout = {0, 100000000}; /* 100 ms when idle, to notice signals */
        if (next >= 0) {
            int64_t wait = next - t;
            if (wait < 0) wait = 0;
            timeout.tv_sec = wait / 1000000000LL;
            timeout.tv_nsec = wait % 1000000000LL;
        }
        int r = ppoll(fds, 2, &timeout, NULL);
        if (r < 0 && errno != EINTR) { perror("ppoll"); return 1; }
        t = now_ns();
        if (fds[0].revents & POLLIN) take(&dir[0], t);
        if (fds[1].revents & POLLIN) take(&dir[1], t);
    }
    for (int i = 0; i < 2; i++)
        fprintf(stderr, "%s->%s: %lld packets (%lld bytes) passed, %lld dropped\n", argv[1 + i], argv[2 - i],
                dir[i].passed, dir[i].bytes, dir[i].dropped);
    return 0;
}
