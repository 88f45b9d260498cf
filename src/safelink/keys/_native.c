/*
 * safelink.keys._native: keyed HMAC-SHA256 over the buffers of an Arrow string column.
 *
 * Self-contained (no OpenSSL): a portable SHA-256 compression function, plus an x86-64 SHA-NI
 * path chosen at run time. HMAC (RFC 2104) is computed from precomputed inner and outer states,
 * so each value costs ceil((len + 9) / 64) inner compressions plus one outer compression.
 * On SHA-NI, two single-block values are hashed at once, interleaved, to hide the latency of
 * the SHA instructions.
 *
 * Secrets: key-derived states and message blocks live only on this C stack and are wiped with
 * a memset the compiler cannot elide. Error messages never contain the key or any data value.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

/* Define SAFELINK_NO_SHANI to build the portable path only (e.g. an assembler without SHA). */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(SAFELINK_NO_SHANI)
#define SAFELINK_HAVE_SHANI 1
#include <immintrin.h>
#endif

/* ------------------------------------------------------------------------------------------ */
/* Utilities                                                                                  */

/* A memset through a volatile function pointer: the call cannot be proven dead and removed. */
static void *(*const volatile safelink_memset)(void *, int, size_t) = memset;

static void
secure_wipe(void *p, size_t n)
{
    safelink_memset(p, 0, n);
#if defined(__GNUC__) || defined(__clang__)
    __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

static inline uint32_t
load_be32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) |
           (uint32_t)p[3];
}

static inline void
store_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static inline void
store_be64(uint8_t *p, uint64_t v)
{
    store_be32(p, (uint32_t)(v >> 32));
    store_be32(p + 4, (uint32_t)v);
}

static const uint32_t SHA256_IV[8] = {
    0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
    0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

#if defined(__GNUC__) || defined(__clang__)
#define SAFELINK_ALIGN16 __attribute__((aligned(16)))
#else
#define SAFELINK_ALIGN16
#endif

static const uint32_t SHA256_K[64] SAFELINK_ALIGN16 = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u,
    0xab1c5ed5u, 0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu,
    0x9bdc06a7u, 0xc19bf174u, 0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu,
    0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau, 0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
    0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u, 0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu,
    0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u, 0xa2bfe8a1u, 0xa81a664bu,
    0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u, 0x19a4c116u,
    0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u,
    0xc67178f2u,
};

/* ------------------------------------------------------------------------------------------ */
/* Portable compression function                                                              */

#define ROTR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
sha256_compress_portable(uint32_t state[8], const uint8_t *data, size_t nblocks)
{
    uint32_t w[64];
    while (nblocks--) {
        uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
        uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
        int i;
        for (i = 0; i < 16; i++) {
            w[i] = load_be32(data + 4 * i);
        }
        for (i = 16; i < 64; i++) {
            uint32_t s0 = ROTR32(w[i - 15], 7) ^ ROTR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint32_t s1 = ROTR32(w[i - 2], 17) ^ ROTR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        for (i = 0; i < 64; i++) {
            uint32_t S1 = ROTR32(e, 6) ^ ROTR32(e, 11) ^ ROTR32(e, 25);
            uint32_t ch = (e & f) ^ (~e & g);
            uint32_t t1 = h + S1 + ch + SHA256_K[i] + w[i];
            uint32_t S0 = ROTR32(a, 2) ^ ROTR32(a, 13) ^ ROTR32(a, 22);
            uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
            uint32_t t2 = S0 + maj;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
        data += 64;
    }
    secure_wipe(w, sizeof(w));
}

/* Two independent single-block compressions (the portable fallback for the paired path). */
static void
sha256_compress2_portable(uint32_t sa[8], const uint8_t *ba, uint32_t sb[8], const uint8_t *bb)
{
    sha256_compress_portable(sa, ba, 1);
    sha256_compress_portable(sb, bb, 1);
}

/* ------------------------------------------------------------------------------------------ */
/* x86-64 SHA-NI compression function                                                         */

#ifdef SAFELINK_HAVE_SHANI

#define SHANI_TARGET __attribute__((target("sha,sse4.1,ssse3")))

/* state[8] (A..H) <-> the (ABEF, CDGH) register layout the SHA instructions use. */
#define SHANI_LOAD_STATE(state, S0, S1)                                                       \
    do {                                                                                      \
        __m128i t_ = _mm_loadu_si128((const __m128i *)&(state)[0]);                           \
        S1 = _mm_loadu_si128((const __m128i *)&(state)[4]);                                   \
        t_ = _mm_shuffle_epi32(t_, 0xB1);   /* CDAB */                                        \
        S1 = _mm_shuffle_epi32(S1, 0x1B);   /* EFGH */                                        \
        S0 = _mm_alignr_epi8(t_, S1, 8);    /* ABEF */                                        \
        S1 = _mm_blend_epi16(S1, t_, 0xF0); /* CDGH */                                        \
    } while (0)

#define SHANI_STORE_STATE(state, S0, S1)                                                      \
    do {                                                                                      \
        __m128i t_ = _mm_shuffle_epi32(S0, 0x1B); /* FEBA */                                  \
        S1 = _mm_shuffle_epi32(S1, 0xB1);         /* DCHG */                                  \
        S0 = _mm_blend_epi16(t_, S1, 0xF0);       /* DCBA */                                  \
        S1 = _mm_alignr_epi8(S1, t_, 8);          /* HGFE */                                  \
        _mm_storeu_si128((__m128i *)&(state)[0], S0);                                         \
        _mm_storeu_si128((__m128i *)&(state)[4], S1);                                         \
    } while (0)

/*
 * Four rounds (group g of 16). Mc holds W[4g..4g+3]; Mp the previous group's words (turned into
 * the sigma0 part of a later schedule group by sha256msg1); Mn the group three ahead, completed
 * here by sha256msg2. The `if` conditions are compile-time constants.
 */
#define SHANI_QROUND(g, S0, S1, Mc, Mp, Mn)                                                   \
    do {                                                                                      \
        __m128i m_ = _mm_add_epi32(Mc, _mm_load_si128((const __m128i *)&SHA256_K[4 * (g)]));  \
        S1 = _mm_sha256rnds2_epu32(S1, S0, m_);                                               \
        if ((g) >= 3 && (g) <= 14) {                                                          \
            Mn = _mm_add_epi32(Mn, _mm_alignr_epi8(Mc, Mp, 4));                               \
            Mn = _mm_sha256msg2_epu32(Mn, Mc);                                                \
        }                                                                                     \
        m_ = _mm_shuffle_epi32(m_, 0x0E);                                                     \
        S0 = _mm_sha256rnds2_epu32(S0, S1, m_);                                               \
        if ((g) >= 1 && (g) <= 12) {                                                          \
            Mp = _mm_sha256msg1_epu32(Mp, Mc);                                                \
        }                                                                                     \
    } while (0)

#define SHANI_ALL_ROUNDS(S0, S1, M0, M1, M2, M3)                                              \
    do {                                                                                      \
        SHANI_QROUND(0, S0, S1, M0, M3, M1);                                                  \
        SHANI_QROUND(1, S0, S1, M1, M0, M2);                                                  \
        SHANI_QROUND(2, S0, S1, M2, M1, M3);                                                  \
        SHANI_QROUND(3, S0, S1, M3, M2, M0);                                                  \
        SHANI_QROUND(4, S0, S1, M0, M3, M1);                                                  \
        SHANI_QROUND(5, S0, S1, M1, M0, M2);                                                  \
        SHANI_QROUND(6, S0, S1, M2, M1, M3);                                                  \
        SHANI_QROUND(7, S0, S1, M3, M2, M0);                                                  \
        SHANI_QROUND(8, S0, S1, M0, M3, M1);                                                  \
        SHANI_QROUND(9, S0, S1, M1, M0, M2);                                                  \
        SHANI_QROUND(10, S0, S1, M2, M1, M3);                                                 \
        SHANI_QROUND(11, S0, S1, M3, M2, M0);                                                 \
        SHANI_QROUND(12, S0, S1, M0, M3, M1);                                                 \
        SHANI_QROUND(13, S0, S1, M1, M0, M2);                                                 \
        SHANI_QROUND(14, S0, S1, M2, M1, M3);                                                 \
        SHANI_QROUND(15, S0, S1, M3, M2, M0);                                                 \
    } while (0)

SHANI_TARGET static void
sha256_compress_shani(uint32_t state[8], const uint8_t *data, size_t nblocks)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i S0, S1, M0, M1, M2, M3;

    SHANI_LOAD_STATE(state, S0, S1);
    while (nblocks--) {
        const __m128i save0 = S0, save1 = S1;
        M0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), bswap);
        M1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), bswap);
        M2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), bswap);
        M3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), bswap);
        SHANI_ALL_ROUNDS(S0, S1, M0, M1, M2, M3);
        S0 = _mm_add_epi32(S0, save0);
        S1 = _mm_add_epi32(S1, save1);
        data += 64;
    }
    SHANI_STORE_STATE(state, S0, S1);
}

/* Two independent single-block compressions, interleaved so each hides the other's latency. */
SHANI_TARGET static void
sha256_compress2_shani(uint32_t sa[8], const uint8_t *ba, uint32_t sb[8], const uint8_t *bb)
{
    const __m128i bswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i A0, A1, AM0, AM1, AM2, AM3, B0, B1, BM0, BM1, BM2, BM3;
    __m128i sa0, sa1, sb0, sb1;

    SHANI_LOAD_STATE(sa, A0, A1);
    SHANI_LOAD_STATE(sb, B0, B1);
    sa0 = A0;
    sa1 = A1;
    sb0 = B0;
    sb1 = B1;
    AM0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(ba + 0)), bswap);
    BM0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bb + 0)), bswap);
    AM1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(ba + 16)), bswap);
    BM1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bb + 16)), bswap);
    AM2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(ba + 32)), bswap);
    BM2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bb + 32)), bswap);
    AM3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(ba + 48)), bswap);
    BM3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(bb + 48)), bswap);

#define SHANI_QROUND2(g, Ac, Ap, An, Bc, Bp, Bn)                                              \
    do {                                                                                      \
        SHANI_QROUND(g, A0, A1, Ac, Ap, An);                                                  \
        SHANI_QROUND(g, B0, B1, Bc, Bp, Bn);                                                  \
    } while (0)
    SHANI_QROUND2(0, AM0, AM3, AM1, BM0, BM3, BM1);
    SHANI_QROUND2(1, AM1, AM0, AM2, BM1, BM0, BM2);
    SHANI_QROUND2(2, AM2, AM1, AM3, BM2, BM1, BM3);
    SHANI_QROUND2(3, AM3, AM2, AM0, BM3, BM2, BM0);
    SHANI_QROUND2(4, AM0, AM3, AM1, BM0, BM3, BM1);
    SHANI_QROUND2(5, AM1, AM0, AM2, BM1, BM0, BM2);
    SHANI_QROUND2(6, AM2, AM1, AM3, BM2, BM1, BM3);
    SHANI_QROUND2(7, AM3, AM2, AM0, BM3, BM2, BM0);
    SHANI_QROUND2(8, AM0, AM3, AM1, BM0, BM3, BM1);
    SHANI_QROUND2(9, AM1, AM0, AM2, BM1, BM0, BM2);
    SHANI_QROUND2(10, AM2, AM1, AM3, BM2, BM1, BM3);
    SHANI_QROUND2(11, AM3, AM2, AM0, BM3, BM2, BM0);
    SHANI_QROUND2(12, AM0, AM3, AM1, BM0, BM3, BM1);
    SHANI_QROUND2(13, AM1, AM0, AM2, BM1, BM0, BM2);
    SHANI_QROUND2(14, AM2, AM1, AM3, BM2, BM1, BM3);
    SHANI_QROUND2(15, AM3, AM2, AM0, BM3, BM2, BM0);
#undef SHANI_QROUND2

    A0 = _mm_add_epi32(A0, sa0);
    A1 = _mm_add_epi32(A1, sa1);
    B0 = _mm_add_epi32(B0, sb0);
    B1 = _mm_add_epi32(B1, sb1);
    SHANI_STORE_STATE(sa, A0, A1);
    SHANI_STORE_STATE(sb, B0, B1);
}

#endif /* SAFELINK_HAVE_SHANI */

/* ------------------------------------------------------------------------------------------ */
/* Dispatch                                                                                   */

typedef void (*compress_fn)(uint32_t state[8], const uint8_t *data, size_t nblocks);
typedef void (*compress2_fn)(uint32_t sa[8], const uint8_t *ba, uint32_t sb[8],
                             const uint8_t *bb);

/* Chosen at import (and by the testing hook), only while holding the GIL. Each call copies
 * them into its hmac_ctx before releasing the GIL, so a switch never races a running batch. */
static compress_fn active_compress = sha256_compress_portable;
static compress2_fn active_compress2 = sha256_compress2_portable;
static const char *sha256_impl = "portable";

static void
select_implementation(int allow_accelerated)
{
    active_compress = sha256_compress_portable;
    active_compress2 = sha256_compress2_portable;
    sha256_impl = "portable";
#ifdef SAFELINK_HAVE_SHANI
    if (allow_accelerated) {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1") &&
            __builtin_cpu_supports("ssse3")) {
            active_compress = sha256_compress_shani;
            active_compress2 = sha256_compress2_shani;
            sha256_impl = "sha-ni";
        }
    }
#else
    (void)allow_accelerated;
#endif
}

/* ------------------------------------------------------------------------------------------ */
/* SHA-256 and HMAC                                                                           */

/* Plain SHA-256 of a whole message (used only to shorten keys longer than a block). */
static void
sha256_oneshot(compress_fn sha256_compress, const uint8_t *msg, size_t len, uint8_t out[32])
{
    uint32_t state[8];
    uint8_t block[128];
    size_t full = len / 64, rem = len % 64, tail_blocks;
    int i;

    memcpy(state, SHA256_IV, sizeof(state));
    if (full) {
        sha256_compress(state, msg, full);
    }
    memset(block, 0, sizeof(block));
    if (rem) {
        memcpy(block, msg + full * 64, rem);
    }
    block[rem] = 0x80;
    tail_blocks = rem < 56 ? 1 : 2;
    store_be64(block + tail_blocks * 64 - 8, (uint64_t)len * 8u);
    sha256_compress(state, block, tail_blocks);
    for (i = 0; i < 8; i++) {
        store_be32(out + 4 * i, state[i]);
    }
    secure_wipe(state, sizeof(state));
    secure_wipe(block, sizeof(block));
}

typedef struct {
    uint32_t inner[8]; /* state after compressing key ^ ipad */
    uint32_t outer[8]; /* state after compressing key ^ opad */
    compress_fn compress;
    compress2_fn compress2;
} hmac_ctx;

static void
hmac_init(hmac_ctx *ctx, const uint8_t *key, size_t key_len)
{
    const compress_fn sha256_compress = ctx->compress;
    uint8_t k[64], pad[64];
    size_t i;

    memset(k, 0, sizeof(k));
    if (key_len > 64) {
        sha256_oneshot(sha256_compress, key, key_len, k);
    }
    else if (key_len) {
        memcpy(k, key, key_len);
    }
    for (i = 0; i < 64; i++) {
        pad[i] = (uint8_t)(k[i] ^ 0x36u);
    }
    memcpy(ctx->inner, SHA256_IV, sizeof(ctx->inner));
    sha256_compress(ctx->inner, pad, 1);
    for (i = 0; i < 64; i++) {
        pad[i] = (uint8_t)(k[i] ^ 0x5cu);
    }
    memcpy(ctx->outer, SHA256_IV, sizeof(ctx->outer));
    sha256_compress(ctx->outer, pad, 1);
    secure_wipe(k, sizeof(k));
    secure_wipe(pad, sizeof(pad));
}

/* The outer block for a 32-byte inner digest: digest || 0x80 || zeros || bit length 768. */
static inline void
outer_block_from_state(uint8_t block[64], const uint32_t inner_digest[8])
{
    int i;
    for (i = 0; i < 8; i++) {
        store_be32(block + 4 * i, inner_digest[i]);
    }
    block[32] = 0x80;
    memset(block + 33, 0, 64 - 33 - 8);
    store_be64(block + 56, (uint64_t)(64 + 32) * 8u);
}

/*
 * Fill the last one or two inner blocks for a message of total length len whose final
 * (len % 64) bytes start at tail. Returns the number of blocks written into block[0..127].
 */
static inline size_t
inner_tail_blocks(uint8_t block[128], const uint8_t *tail, size_t rem, size_t len)
{
    size_t nblocks = rem < 56 ? 1 : 2;
    memset(block, 0, nblocks * 64);
    if (rem) {
        memcpy(block, tail, rem);
    }
    block[rem] = 0x80;
    store_be64(block + nblocks * 64 - 8, ((uint64_t)len + 64u) * 8u);
    return nblocks;
}

/* HMAC of one message; writes the 8 state words of the final digest into out. */
static void
hmac_one(const hmac_ctx *ctx, const uint8_t *msg, size_t len, uint32_t out[8],
         uint8_t block[128])
{
    const compress_fn sha256_compress = ctx->compress;
    size_t full = len / 64, rem = len % 64, nblocks;

    memcpy(out, ctx->inner, 32);
    if (full) {
        sha256_compress(out, msg, full);
    }
    nblocks = inner_tail_blocks(block, msg + full * 64, rem, len);
    sha256_compress(out, block, nblocks);
    outer_block_from_state(block, out);
    memcpy(out, ctx->outer, 32);
    sha256_compress(out, block, 1);
}

/* HMAC of two messages of at most 55 bytes each (one inner block each), interleaved. */
static void
hmac_two_short(const hmac_ctx *ctx, const uint8_t *ma, size_t la, const uint8_t *mb, size_t lb,
               uint32_t outa[8], uint32_t outb[8], uint8_t blocka[128], uint8_t blockb[128])
{
    const compress2_fn sha256_compress2 = ctx->compress2;
    memcpy(outa, ctx->inner, 32);
    memcpy(outb, ctx->inner, 32);
    (void)inner_tail_blocks(blocka, ma, la, la);
    (void)inner_tail_blocks(blockb, mb, lb, lb);
    sha256_compress2(outa, blocka, outb, blockb);
    outer_block_from_state(blocka, outa);
    outer_block_from_state(blockb, outb);
    memcpy(outa, ctx->outer, 32);
    memcpy(outb, ctx->outer, 32);
    sha256_compress2(outa, blocka, outb, blockb);
}

static const char HEX_DIGITS[] = "0123456789abcdef";

/* Lowercase hex of the first `length` bytes of the big-endian digest held in state words. */
static inline void
write_hex(char *dst, const uint32_t digest[8], int length)
{
    int i;
    for (i = 0; i < length; i++) {
        uint8_t byte = (uint8_t)(digest[i >> 2] >> (24 - 8 * (i & 3)));
        dst[2 * i] = HEX_DIGITS[byte >> 4];
        dst[2 * i + 1] = HEX_DIGITS[byte & 0x0f];
    }
}

/* The first `length` bytes of the big-endian digest held in state words, as they are. */
static inline void
write_raw(char *dst, const uint32_t digest[8], int length)
{
    int i;
    for (i = 0; i < length; i++) {
        dst[i] = (char)(uint8_t)(digest[i >> 2] >> (24 - 8 * (i & 3)));
    }
}

/* A token in the output's encoding: 2 * length hex digits, or length raw bytes. */
static inline void
write_token(char *dst, const uint32_t digest[8], int length, int raw)
{
    if (raw) {
        write_raw(dst, digest, length);
    }
    else {
        write_hex(dst, digest, length);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* The batch kernel                                                                           */

enum kernel_status { KERNEL_OK = 0, KERNEL_BAD_OFFSETS = 1 };

typedef struct {
    const uint8_t *data;
    Py_ssize_t data_len;
    const void *offsets;
    int offsets_64;
    Py_ssize_t start; /* the array's logical offset into offsets and validity */
    Py_ssize_t count;
    const uint8_t *validity; /* NULL: no nulls */
    int length;
    int raw;              /* 1: length raw bytes a value, nulls zero-filled (fixed width) */
    char *out_hex;        /* hex: (valid values) * 2 * length bytes; raw: count * length */
    int64_t *out_offsets; /* hex: count + 1 entries; raw: NULL */
    Py_ssize_t out_hex_capacity;
} kernel_args;

static inline int64_t
offset_at(const kernel_args *a, Py_ssize_t i)
{
    if (a->offsets_64) {
        int64_t v;
        memcpy(&v, (const uint8_t *)a->offsets + (size_t)i * 8u, 8);
        return v;
    }
    else {
        int32_t v;
        memcpy(&v, (const uint8_t *)a->offsets + (size_t)i * 4u, 4);
        return (int64_t)v;
    }
}

static inline int
is_valid(const kernel_args *a, Py_ssize_t i)
{
    Py_ssize_t bit;
    if (a->validity == NULL) {
        return 1;
    }
    bit = a->start + i;
    return (a->validity[bit >> 3] >> (bit & 7)) & 1;
}

static int
run_kernel(const hmac_ctx *ctx, const kernel_args *a)
{
    const int width = a->raw ? a->length : 2 * a->length;
    uint32_t da[8], db[8];
    uint8_t ba[128], bb[128];
    int64_t written = 0;
    /* A short value waiting for a partner so two can be hashed at once. */
    int pending = 0;
    const uint8_t *pending_msg = NULL;
    size_t pending_len = 0;
    char *pending_dst = NULL;
    int status = KERNEL_OK;
    Py_ssize_t i;

    if (a->out_offsets != NULL) {
        a->out_offsets[0] = 0;
    }
    for (i = 0; i < a->count; i++) {
        int64_t lo, hi;
        const uint8_t *msg;
        size_t len;
        char *dst;

        if (!is_valid(a, i)) {
            if (a->raw) { /* a fixed-width slot under the null bitmap */
                if (written + width > (int64_t)a->out_hex_capacity) {
                    status = KERNEL_BAD_OFFSETS;
                    break;
                }
                memset(a->out_hex + written, 0, (size_t)width);
                written += width;
            }
            else {
                a->out_offsets[i + 1] = written;
            }
            continue;
        }
        lo = offset_at(a, a->start + i);
        hi = offset_at(a, a->start + i + 1);
        if (lo < 0 || hi < lo || hi > (int64_t)a->data_len ||
            written + width > (int64_t)a->out_hex_capacity) {
            status = KERNEL_BAD_OFFSETS;
            break;
        }
        msg = a->data + lo;
        len = (size_t)(hi - lo);
        dst = a->out_hex + written;
        written += width;
        if (a->out_offsets != NULL) {
            a->out_offsets[i + 1] = written;
        }

        if (len <= 55) {
            if (!pending) {
                pending = 1;
                pending_msg = msg;
                pending_len = len;
                pending_dst = dst;
                continue;
            }
            hmac_two_short(ctx, pending_msg, pending_len, msg, len, da, db, ba, bb);
            write_token(pending_dst, da, a->length, a->raw);
            write_token(dst, db, a->length, a->raw);
            pending = 0;
        }
        else {
            hmac_one(ctx, msg, len, da, ba);
            write_token(dst, da, a->length, a->raw);
        }
    }
    if (pending && status == KERNEL_OK) {
        hmac_one(ctx, pending_msg, pending_len, da, ba);
        write_token(pending_dst, da, a->length, a->raw);
    }
    secure_wipe(da, sizeof(da));
    secure_wipe(db, sizeof(db));
    secure_wipe(ba, sizeof(ba));
    secure_wipe(bb, sizeof(bb));
    return status;
}

/* ------------------------------------------------------------------------------------------ */
/* Python bindings                                                                            */

static int
get_contiguous_buffer(PyObject *obj, Py_buffer *view, const char *what)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s must support the buffer protocol (bytes-like)", what);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(hmac_sha256_hex_doc,
"hmac_sha256_hex(key, data, offsets, offsets_64bit, start, count, length, validity=None,\n"
"                raw=False)\n"
"--\n\n"
"HMAC-SHA256 of each value of an Arrow (large_)string/binary array, as fixed-width hex.\n\n"
"key: the HMAC key (bytes-like). data, offsets, validity: the array's buffers (validity may be\n"
"None when there are no nulls). offsets_64bit: True for int64 offsets (large_string),\n"
"False for int32. start: the array's offset (for slices). count: its length.\n"
"length: how many leading bytes of each HMAC to keep (1..32).\n\n"
"Returns (hex, offsets): hex holds 2*length lowercase hex characters per non-null value, in\n"
"order; offsets is count+1 little-endian int64 offsets into hex (null values are empty).\n"
"raw=True: (tokens, None) instead, tokens holding `length` raw bytes per value, nulls\n"
"zero-filled: the data buffer of an Arrow fixed_size_binary(length) array.\n"
"The GIL is released while hashing.");

static PyObject *
py_hmac_sha256_hex(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"key",   "data",   "offsets",  "offsets_64bit", "start",
                             "count", "length", "validity", "raw",           NULL};
    PyObject *key_obj, *data_obj, *offsets_obj, *validity_obj = Py_None;
    int offsets_64, raw = 0;
    Py_ssize_t start, count;
    int length;
    Py_buffer key = {0}, data = {0}, offsets = {0}, validity = {0};
    int have_validity = 0;
    PyObject *hex_obj = NULL, *offs_obj = NULL, *result = NULL;
    hmac_ctx ctx;
    kernel_args ka;
    Py_ssize_t item, valid_count, i, hex_len;
    int status;

    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOOpnni|Op:hmac_sha256_hex", kwlist,
                                     &key_obj, &data_obj, &offsets_obj, &offsets_64, &start,
                                     &count, &length, &validity_obj, &raw)) {
        return NULL;
    }
    if (length < 1 || length > 32) {
        PyErr_SetString(PyExc_ValueError, "length must be between 1 and 32 (bytes of the HMAC)");
        return NULL;
    }
    if (start < 0 || count < 0) {
        PyErr_SetString(PyExc_ValueError, "start and count must not be negative");
        return NULL;
    }
    if (!PyBytes_Check(key_obj) && !PyByteArray_Check(key_obj) &&
        !PyMemoryView_Check(key_obj)) {
        PyErr_SetString(PyExc_TypeError, "key must be bytes");
        return NULL;
    }
    if (get_contiguous_buffer(key_obj, &key, "key") != 0) {
        return NULL;
    }
    if (key.len == 0) {
        PyErr_SetString(PyExc_ValueError, "key must not be empty");
        goto done;
    }
    if (get_contiguous_buffer(data_obj, &data, "data") != 0) {
        goto done;
    }
    if (get_contiguous_buffer(offsets_obj, &offsets, "offsets") != 0) {
        goto done;
    }
    item = offsets_64 ? 8 : 4;
    if (count > PY_SSIZE_T_MAX / 64 || start > PY_SSIZE_T_MAX / 64 - count ||
        offsets.len / item < start + count + 1) {
        PyErr_SetString(PyExc_ValueError,
                        "offsets buffer is too short for the given start and count");
        goto done;
    }
    if (validity_obj != Py_None) {
        if (get_contiguous_buffer(validity_obj, &validity, "validity") != 0) {
            goto done;
        }
        have_validity = 1;
        if (validity.len < (start + count + 7) / 8) {
            PyErr_SetString(PyExc_ValueError,
                            "validity buffer is too short for the given start and count");
            goto done;
        }
    }

    ka.data = (const uint8_t *)data.buf;
    ka.data_len = data.len;
    ka.offsets = offsets.buf;
    ka.offsets_64 = offsets_64;
    ka.start = start;
    ka.count = count;
    ka.validity = have_validity ? (const uint8_t *)validity.buf : NULL;
    ka.length = length;

    valid_count = count;
    if (have_validity) {
        valid_count = 0;
        for (i = 0; i < count; i++) {
            valid_count += is_valid(&ka, i);
        }
    }
    hex_len = raw ? count * (Py_ssize_t)length : valid_count * 2 * (Py_ssize_t)length;
    hex_obj = PyBytes_FromStringAndSize(NULL, hex_len);
    if (hex_obj == NULL) {
        goto done;
    }
    ka.raw = raw;
    ka.out_hex = PyBytes_AS_STRING(hex_obj);
    ka.out_hex_capacity = hex_len;
    ka.out_offsets = NULL;
    if (!raw) {
        offs_obj = PyBytes_FromStringAndSize(NULL, (count + 1) * 8);
        if (offs_obj == NULL) {
            goto done;
        }
        ka.out_offsets = (int64_t *)(void *)PyBytes_AS_STRING(offs_obj);
    }

    /* The new bytes objects are not shared yet and the input buffers stay exported (held by
     * the Py_buffer views) until released below, so hashing without the GIL is safe. */
    ctx.compress = active_compress;
    ctx.compress2 = active_compress2;
    Py_BEGIN_ALLOW_THREADS
    hmac_init(&ctx, (const uint8_t *)key.buf, (size_t)key.len);
    status = run_kernel(&ctx, &ka);
    secure_wipe(&ctx, sizeof(ctx));
    Py_END_ALLOW_THREADS

    if (status != KERNEL_OK) {
        PyErr_SetString(PyExc_ValueError,
                        "offsets buffer is not valid for the data buffer (decreasing, negative "
                        "or out of range)");
        goto done;
    }
    result = PyTuple_Pack(2, hex_obj, offs_obj != NULL ? offs_obj : Py_None);

done:
    Py_XDECREF(hex_obj);
    Py_XDECREF(offs_obj);
    if (key.obj != NULL) {
        PyBuffer_Release(&key);
    }
    if (data.obj != NULL) {
        PyBuffer_Release(&data);
    }
    if (offsets.obj != NULL) {
        PyBuffer_Release(&offsets);
    }
    if (have_validity) {
        PyBuffer_Release(&validity);
    }
    return result;
}

PyDoc_STRVAR(implementation_doc,
"implementation() -> str\n--\n\n"
"The SHA-256 compression function in use: 'sha-ni' or 'portable'.");

static PyObject *
py_implementation(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    return PyUnicode_FromString(sha256_impl);
}

PyDoc_STRVAR(set_accelerated_doc,
"_set_accelerated(enabled: bool) -> str\n--\n\n"
"Testing hook: allow (True) or forbid (False) the CPU-specific path. Returns the one chosen.");

static PyObject *
py_set_accelerated(PyObject *self, PyObject *arg)
{
    int enabled = PyObject_IsTrue(arg);
    (void)self;
    if (enabled < 0) {
        return NULL;
    }
    select_implementation(enabled);
    return PyUnicode_FromString(sha256_impl);
}

static PyMethodDef native_methods[] = {
    {"hmac_sha256_hex", (PyCFunction)(void (*)(void))py_hmac_sha256_hex,
     METH_VARARGS | METH_KEYWORDS, hmac_sha256_hex_doc},
    {"implementation", py_implementation, METH_NOARGS, implementation_doc},
    {"_set_accelerated", py_set_accelerated, METH_O, set_accelerated_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef native_module = {
    PyModuleDef_HEAD_INIT,
    "safelink.keys._native",
    "Native keyed HMAC-SHA256 over Arrow string buffers (no OpenSSL; SHA-NI when available).",
    -1,
    native_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    select_implementation(1);
    return PyModule_Create(&native_module);
}
