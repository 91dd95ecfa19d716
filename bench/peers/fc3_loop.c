/*
 * The reference poll loop for custodyd's Modbus benchmark: libmodbus in C, one connection, one thread,
 * "read N holding registers" (FC3) back to back for a fixed time, every request timed.
 *
 *   fc3_loop HOST PORT UNIT REGISTERS SECONDS
 *
 * Prints one line: requests=… seconds=… rps=… p50_us=… p99_us=… cpu_us=… errors=…
 * (cpu_us: this process's user + system CPU time per request, which load elsewhere on the machine
 * disturbs far less than wall-clock throughput)
 * The Swift side (modbus-bench client) prints the same line, so the two are compared like for like.
 */
#include <errno.h>
#include <modbus.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu_seconds(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char *argv[]) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s HOST PORT UNIT REGISTERS SECONDS\n", argv[0]);
        return 2;
    }
    const char *host = argv[1];
    int port = atoi(argv[2]), unit = atoi(argv[3]), registers = atoi(argv[4]);
    double seconds = atof(argv[5]);
    if (registers < 1 || registers > MODBUS_MAX_READ_REGISTERS || seconds <= 0) {
        fprintf(stderr, "registers must be 1-%d and seconds > 0\n", MODBUS_MAX_READ_REGISTERS);
        return 2;
    }
    modbus_t *ctx = modbus_new_tcp(host, port);
    if (ctx == NULL || modbus_connect(ctx) == -1) {
        fprintf(stderr, "cannot connect to %s:%d: %s\n", host, port, modbus_strerror(errno));
        return 1;
    }
    modbus_set_slave(ctx, unit);
    modbus_set_response_timeout(ctx, 1, 0);

    uint16_t values[MODBUS_MAX_READ_REGISTERS];
    size_t capacity = 1 << 20, count = 0;
    double *latencies = malloc(capacity * sizeof *latencies);
    long errors = 0;
    for (int i = 0; i < 1000; i++) modbus_read_registers(ctx, 0, registers, values); /* warm-up */

    double cpu_start = cpu_seconds();
    double start = now_seconds(), end = start + seconds, t = start;
    while (t < end) {
        double before = t;
        if (modbus_read_registers(ctx, 0, registers, values) != registers) {
            errors++;
            modbus_flush(ctx);
        }
        t = now_seconds();
        if (count == capacity) {
            capacity *= 2;
            latencies = realloc(latencies, capacity * sizeof *latencies);
        }
        latencies[count++] = t - before;
    }
    double elapsed = t - start;
    double cpu = cpu_seconds() - cpu_start;
    qsort(latencies, count, sizeof *latencies, compare_doubles);
    printf("requests=%zu seconds=%.3f rps=%.0f p50_us=%.1f p99_us=%.1f cpu_us=%.2f errors=%ld\n", count, elapsed,
           (double)count / elapsed, latencies[count / 2] * 1e6, latencies[(size_t)(count * 0.99)] * 1e6,
           cpu / (double)count * 1e6, errors);
    free(latencies);
    modbus_close(ctx);
    modbus_free(ctx);
    return errors == 0 ? 0 : 1;
}
