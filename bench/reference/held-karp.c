// Reference Held-Karp in C, for the benchmark only (never shipped).
//
// The same algorithm as the WebAssembly core (assembly/held-karp.ts), specialised to a closed tour:
// start node 0 is fixed and the m = n - 1 other nodes are the "inner" nodes 0..m-1 (node k + 1).
//
//   a[i]     cost(0 -> i+1)                      first leg
//   w[i][j]  cost(j+1 -> i+1), transposed so that the inner loop over j is contiguous
//   c[i]     cost(i+1 -> 0)                      closing edge back to the start
//
//   g({i}, i) = a[i]
//   g(S, i)   = min over j in S\{i} of g(S\{i}, j) + w[i][j]     (pull; masks in increasing order)
//   best      = min over i of g(All, i) + c[i]
//
// No parent table: the tour is rebuilt backwards by re-checking dp equalities.
//
// Variants (argv[2]):
//   sparse  the min over j iterates the set bits of S\{i} with __builtin_ctz
//   dense   branch-free min over every j of a row padded to a multiple of 4, INF outside the subset
//           (the layout of the SIMD WebAssembly build; gcc -O3 -march=native auto-vectorises it)
//
// Usage: held-karp <instance-file> <sparse|dense> [warm-repeats]
// The instance file holds n, then n*n integers (row-major, entry [r][c] = cost r -> c).
// Prints one JSON line: {"cost":..,"tour":[0,..],"ms":..,"warmMs":[..],"maxRssKiB":..,"minorFaults":..}.
// `ms` runs from after the input is parsed through the tour reconstruction of the first solve (so it
// includes the first-touch page faults of the table, as the cold WebAssembly and JS timings do);
// `warmMs` lists the times of the repeated solves that reuse the same, already touched table.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define INF 0x3fffffff /* INF + any real cost fits in int32 */

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/*
 * Peak RSS of this program in KiB: VmHWM of /proc/self/status, which belongs to this image only.
 * getrusage's ru_maxrss is only the fallback: it keeps the peak from before execve, and a child that
 * Node spawns (libuv shares the parent's memory until exec) then reports the parent's RSS.
 */
static long peak_rss_kib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  long kib = -1;
  if (f) {
    char line[256];
    while (fgets(line, sizeof line, f))
      if (sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
    fclose(f);
  }
  if (kib < 0) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    kib = ru.ru_maxrss;
  }
  return kib;
}

static void die(const char *msg) {
  fprintf(stderr, "held-karp: %s\n", msg);
  exit(2);
}

static void step_sparse(int32_t *restrict dp, const int32_t *restrict w, const int32_t *restrict a,
                        int m, int s) {
  const uint32_t rows = (uint32_t)1 << m;
  for (uint32_t mask = 1; mask < rows; mask++) {
    int32_t *row = dp + (size_t)mask * s;
    uint32_t rest = mask;
    while (rest) {
      const int i = __builtin_ctz(rest);
      rest &= rest - 1;
      const uint32_t prev = mask ^ ((uint32_t)1 << i);
      int32_t best;
      if (prev == 0) {
        best = a[i];
      } else {
        const int32_t *p = dp + (size_t)prev * s;
        const int32_t *wr = w + (size_t)i * s;
        best = INF;
        uint32_t js = prev;
        while (js) {
          const int j = __builtin_ctz(js);
          js &= js - 1;
          const int32_t v = p[j] + wr[j];
          if (v < best) best = v;
        }
      }
      row[i] = best;
    }
  }
}

static void step_dense(int32_t *restrict dp, const int32_t *restrict w, const int32_t *restrict a,
                       int m, int s) {
  const uint32_t rows = (uint32_t)1 << m;
  for (uint32_t mask = 1; mask < rows; mask++) {
    int32_t *row = dp + (size_t)mask * s;
    for (int k = 0; k < s; k++) row[k] = INF;
    uint32_t rest = mask;
    while (rest) {
      const int i = __builtin_ctz(rest);
      rest &= rest - 1;
      const uint32_t prev = mask ^ ((uint32_t)1 << i);
      int32_t best;
      if (prev == 0) {
        best = a[i];
      } else {
        const int32_t *p = dp + (size_t)prev * s;
        const int32_t *wr = w + (size_t)i * s;
        best = INF;
        for (int k = 0; k < s; k++) {
          const int32_t v = p[k] + wr[k];
          best = v < best ? v : best;
        }
      }
      row[i] = best;
    }
  }
}

/* Closes the tour and rebuilds it backwards into inner[0..m-1]; returns the cost, or -1. */
static int32_t finish(const int32_t *dp, const int32_t *w, const int32_t *c, int m, int s,
                      int *inner) {
  const uint32_t full = ((uint32_t)1 << m) - 1;
  const int32_t *fullRow = dp + (size_t)full * s;
  int32_t best = INT32_MAX;
  int last = -1;
  for (int i = 0; i < m; i++) {
    const int32_t v = fullRow[i] + c[i];
    if (v < best) {
      best = v;
      last = i;
    }
  }
  uint32_t mask = full;
  int cur = last;
  for (int pos = m - 1; pos >= 0; pos--) {
    inner[pos] = cur;
    const uint32_t prev = mask ^ ((uint32_t)1 << cur);
    if (prev == 0) break;
    const int32_t here = dp[(size_t)mask * s + cur];
    const int32_t *wr = w + (size_t)cur * s;
    const int32_t *p = dp + (size_t)prev * s;
    int found = -1;
    uint32_t js = prev;
    while (js) {
      const int j = __builtin_ctz(js);
      js &= js - 1;
      if (p[j] + wr[j] == here) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    mask = prev;
    cur = found;
  }
  return best;
}

int main(int argc, char **argv) {
  if (argc != 3 && argc != 4) die("usage: held-karp <instance-file> <sparse|dense> [warm-repeats]");
  const int repeats = argc == 4 ? atoi(argv[3]) : 0;
  const int dense = strcmp(argv[2], "dense") == 0;
  if (!dense && strcmp(argv[2], "sparse") != 0) die("variant must be sparse or dense");
  FILE *f = fopen(argv[1], "r");
  if (!f) die("cannot open instance file");
  int n;
  if (fscanf(f, "%d", &n) != 1 || n < 2 || n > 31) die("bad n (need 2..31)");
  int32_t *d = malloc(sizeof(int32_t) * n * n);
  for (int k = 0; k < n * n; k++)
    if (fscanf(f, "%d", &d[k]) != 1) die("truncated matrix");
  fclose(f);

  const double t0 = now_ms();
  const int m = n - 1;
  const int s = dense ? (m + 3) & ~3 : m;
  int32_t *w = calloc((size_t)m * s, sizeof(int32_t)); /* padding stays 0, like the WASM core */
  int32_t *a = calloc(s, sizeof(int32_t));
  int32_t *c = calloc(s, sizeof(int32_t));
  int *inner = malloc(sizeof(int) * m);
  for (int i = 0; i < m; i++) {
    a[i] = d[i + 1];
    c[i] = d[(i + 1) * n];
    for (int j = 0; j < m; j++) w[i * s + j] = d[(j + 1) * n + (i + 1)];
  }
  const size_t cells = ((size_t)1 << m) * (size_t)s;
  int32_t *dp = malloc(cells * sizeof(int32_t));
  if (!w || !a || !c || !inner || !dp) die("out of memory");
  if (dense) step_dense(dp, w, a, m, s);
  else step_sparse(dp, w, a, m, s);
  const int32_t cost = finish(dp, w, c, m, s, inner);
  const double ms = now_ms() - t0;
  if (cost < 0) die("inconsistent table during reconstruction");
  double warm[64];
  for (int r = 0; r < repeats && r < 64; r++) {
    const double tw = now_ms();
    if (dense) step_dense(dp, w, a, m, s);
    else step_sparse(dp, w, a, m, s);
    if (finish(dp, w, c, m, s, inner) != cost) die("a warm repeat disagreed");
    warm[r] = now_ms() - tw;
  }

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("{\"cost\":%d,\"tour\":[0", cost);
  for (int k = 0; k < m; k++) printf(",%d", inner[k] + 1);
  printf("],\"ms\":%.3f,\"warmMs\":[", ms);
  for (int r = 0; r < repeats && r < 64; r++) printf(r ? ",%.3f" : "%.3f", warm[r]);
  printf("],\"maxRssKiB\":%ld,\"minorFaults\":%ld}\n", peak_rss_kib(), ru.ru_minflt);
  free(dp);
  free(inner);
  free(c);
  free(a);
  free(w);
  free(d);
  return 0;
}
