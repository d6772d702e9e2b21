// Reference Held-Karp in C, for the benchmark only (never shipped).
//
// Specialised to a closed tour: start node 0 is fixed and the m = n - 1 other nodes are the "inner"
// nodes 0..m-1 (node k + 1).
//
//   a[i]     cost(0 -> i+1)                      first leg
//   w[i][j]  cost(j+1 -> i+1), transposed so that the inner loop over j is contiguous
//   c[i]     cost(i+1 -> 0)                      closing edge back to the start
//
//   g({i}, i) = a[i]
//   g(S, i)   = min over j in S\{i} of g(S\{i}, j) + w[i][j]     (pull)
//   best      = min over i of g(All, i) + c[i]
//
// Variants (argv[2]):
//   layered the algorithm of the WebAssembly core (assembly/held-karp.ts): subsets by size, each
//           layer in colex order, two dense value layers of C(m, m/2) rows padded to 4 (INF outside
//           the subset), values packed as cost << 5 so that the min also yields the parent (low 5
//           bits), a byte of parent per (S, i in S), the tour rebuilt from the parents
//   sparse  full table (2^m rows, masks in increasing order, no parent table: the tour is rebuilt by
//           re-checking dp equalities); the min over j iterates the set bits of S\{i} with ctz
//   dense   full table; branch-free min over every j of a row padded to a multiple of 4, INF outside
//           the subset (the layout of the earlier SIMD WebAssembly build)
// gcc -O3 -march=native auto-vectorises the min of `layered` and `dense`.
//
// Usage: held-karp <instance-file> <sparse|dense|layered> [warm-repeats]
// The instance file holds n, then n*n integers (row-major, entry [r][c] = cost r -> c).
// Prints one JSON line: {"cost":..,"tour":[0,..],"ms":..,"warmMs":[..],"maxRssKiB":..,"minorFaults":..}.
// `ms` runs from after the input is parsed through the tour reconstruction of the first solve (so it
// includes the allocation and the first-touch page faults of the tables, as the cold WebAssembly and
// JS timings do); `warmMs` lists the times of the repeated solves that reuse the same, already
// touched memory. `layered` needs every route below 2^25 (true of the bench instances).
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

/*
 * layered: the algorithm of the WebAssembly core. Subsets by size k = 1..m, each layer in colex
 * order (Gosper's hack), two dense value layers of C(m, m/2) rows (stride s, INF outside the
 * subset), values packed as cost << 5 with the parent in the low 5 bits of the min, and a byte of
 * parent per (S, i in S) at layer_base[k] + rank(S) * k + (rank of i in S).
 */
typedef struct {
  int m, s;
  uint32_t binom[33][33];
  uint64_t layer_base[34];
  int32_t *wp;    /* (cost(j -> i) << 5) | j, transposed, padding 0 */
  int32_t *buf[2];
  uint8_t *parent;
  int32_t *last;  /* the buffer holding layer m after a solve */
} layered_t;

#define PINF 0x40000000 /* low 5 bits 0; PINF + any packed weight < 2^31 */

static void layered_init(layered_t *L, const int32_t *w, int m, int s) {
  L->m = m;
  L->s = s;
  for (int b = 0; b < 33; b++)
    for (int t = 0; t < 33; t++)
      L->binom[b][t] = t == 0 ? 1 : b == 0 ? 0 : L->binom[b - 1][t - 1] + L->binom[b - 1][t];
  uint64_t base = 0;
  for (int k = 0; k <= m + 1; k++) {
    L->layer_base[k] = base;
    if (k <= m) base += (uint64_t)L->binom[m][k] * k;
  }
  L->wp = calloc((size_t)m * s, sizeof(int32_t));
  for (int i = 0; i < m; i++)
    for (int j = 0; j < m; j++) L->wp[i * s + j] = (w[i * s + j] << 5) | j;
  const size_t rows = L->binom[m][m / 2];
  L->buf[0] = malloc(rows * s * sizeof(int32_t));
  L->buf[1] = malloc(rows * s * sizeof(int32_t));
  L->parent = malloc((size_t)m << (m - 1));
  if (!L->wp || !L->buf[0] || !L->buf[1] || !L->parent) die("out of memory");
}

static void step_layered(layered_t *L, const int32_t *restrict a) {
  const int m = L->m, s = L->s;
  const uint32_t limit = (uint32_t)1 << m;
  int32_t *cur = L->buf[0], *prev = L->buf[1];
  for (int i = 0; i < m; i++) {
    int32_t *row = cur + (size_t)i * s;
    for (int x = 0; x < s; x++) row[x] = PINF;
    row[i] = a[i] << 5;
  }
  for (int k = 2; k <= m; k++) {
    int32_t *t = cur;
    cur = prev;
    prev = t;
    uint8_t *par = L->parent + L->layer_base[k];
    uint32_t r = 0;
    for (uint32_t S = (1u << k) - 1; S < limit; r++) {
      int32_t *restrict row = cur + (size_t)r * s;
      for (int x = 0; x < s; x++) row[x] = PINF;
      uint32_t above = 0, rest = S & (S - 1);
      for (int q = 1; rest; q++, rest &= rest - 1) above += L->binom[__builtin_ctz(rest)][q];
      uint32_t below = 0;
      rest = S;
      for (int pos = 0; pos < k; pos++) {
        const int i = __builtin_ctz(rest);
        rest &= rest - 1;
        const int32_t *restrict p = prev + (size_t)(below + above) * s;
        const int32_t *restrict wr = L->wp + (size_t)i * s;
        int32_t best = INT32_MAX;
        for (int x = 0; x < s; x++) {
          const int32_t v = p[x] + wr[x];
          best = v < best ? v : best;
        }
        row[i] = best & ~31;
        par[(size_t)r * k + pos] = (uint8_t)(best & 31);
        below += L->binom[i][pos + 1];
        if (rest) above -= L->binom[__builtin_ctz(rest)][pos + 1];
      }
      const uint32_t low = S & -S, ripple = S + low;
      S = (((ripple ^ S) >> 2) >> __builtin_ctz(low)) | ripple;
    }
  }
  L->last = cur;
}

/* Closes the route from layer m and rebuilds it from the parent table; returns the cost, or -1. */
static int32_t finish_layered(const layered_t *L, const int32_t *c, int *inner) {
  const int m = L->m;
  int32_t best = INT32_MAX;
  int last = -1;
  for (int i = 0; i < m; i++) {
    const int32_t v = (L->last[i] >> 5) + c[i];
    if (v < best) {
      best = v;
      last = i;
    }
  }
  uint32_t S = ((uint32_t)1 << m) - 1;
  int cur = last;
  for (int k = m; k >= 1; k--) {
    inner[k - 1] = cur;
    const uint32_t bit = (uint32_t)1 << cur;
    if (!(S & bit)) return -1;
    if (k == 1) break;
    uint32_t rank = 0, rest = S;
    for (int q = 1; rest; q++, rest &= rest - 1) rank += L->binom[__builtin_ctz(rest)][q];
    cur = L->parent[L->layer_base[k] + (size_t)rank * k + __builtin_popcount(S & (bit - 1))];
    S ^= bit;
  }
  return best;
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
  if (argc != 3 && argc != 4) die("usage: held-karp <instance-file> <sparse|dense|layered> [warm-repeats]");
  const int repeats = argc == 4 ? atoi(argv[3]) : 0;
  const int dense = strcmp(argv[2], "dense") == 0;
  const int layered = strcmp(argv[2], "layered") == 0;
  if (!dense && !layered && strcmp(argv[2], "sparse") != 0) die("variant must be sparse, dense or layered");
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
  const int s = dense || layered ? (m + 3) & ~3 : m;
  int32_t *w = calloc((size_t)m * s, sizeof(int32_t)); /* padding stays 0, like the WASM core */
  int32_t *a = calloc(s, sizeof(int32_t));
  int32_t *c = calloc(s, sizeof(int32_t));
  int *inner = malloc(sizeof(int) * m);
  for (int i = 0; i < m; i++) {
    a[i] = d[i + 1];
    c[i] = d[(i + 1) * n];
    for (int j = 0; j < m; j++) w[i * s + j] = d[(j + 1) * n + (i + 1)];
  }
  if (!w || !a || !c || !inner) die("out of memory");
  int32_t *dp = NULL;
  layered_t L;
  int32_t cost;
  if (layered) {
    layered_init(&L, w, m, s);
    step_layered(&L, a);
    cost = finish_layered(&L, c, inner);
  } else {
    dp = malloc(((size_t)1 << m) * (size_t)s * sizeof(int32_t));
    if (!dp) die("out of memory");
    if (dense) step_dense(dp, w, a, m, s);
    else step_sparse(dp, w, a, m, s);
    cost = finish(dp, w, c, m, s, inner);
  }
  const double ms = now_ms() - t0;
  if (cost < 0) die("inconsistent table during reconstruction");
  double warm[64];
  for (int r = 0; r < repeats && r < 64; r++) {
    const double tw = now_ms();
    int32_t again;
    if (layered) {
      step_layered(&L, a);
      again = finish_layered(&L, c, inner);
    } else {
      if (dense) step_dense(dp, w, a, m, s);
      else step_sparse(dp, w, a, m, s);
      again = finish(dp, w, c, m, s, inner);
    }
    if (again != cost) die("a warm repeat disagreed");
    warm[r] = now_ms() - tw;
  }

  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("{\"cost\":%d,\"tour\":[0", cost);
  for (int k = 0; k < m; k++) printf(",%d", inner[k] + 1);
  printf("],\"ms\":%.3f,\"warmMs\":[", ms);
  for (int r = 0; r < repeats && r < 64; r++) printf(r ? ",%.3f" : "%.3f", warm[r]);
  printf("],\"maxRssKiB\":%ld,\"minorFaults\":%ld}\n", peak_rss_kib(), ru.ru_minflt);
  return 0; /* the OS takes the memory back */
}
