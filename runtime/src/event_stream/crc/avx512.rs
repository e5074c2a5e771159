//! CRC-32 by carry-less multiplication over 512-bit registers (`VPCLMULQDQ`
//! with AVX-512), for inputs of at least one 128-byte group.
//!
//! The method is the usual folding one (Intel's "Fast CRC Computation for
//! Generic Polynomials Using PCLMULQDQ", in its bit-reflected form), laid out
//! for inputs of a few KiB:
//!
//! - **Odd bytes at the front.** The input is read as if zero bytes were put
//!   before it to make a whole number of 128-byte groups. Leading zeros do
//!   not change a CRC register that starts at zero, and the initial value
//!   `!0` is the same as inverting the first four input bytes, so every
//!   group after the first is a plain load and no serial tail is left.
//! - **Two registers, eight lanes.** Each 16-byte lane is folded forward 128
//!   bytes per step; the two registers' multiplications are independent.
//! - **A parallel collapse.** At the end each lane is multiplied by the power
//!   of `x` that carries it to the last lane, all at once, instead of one
//!   lane after another; then one Barrett reduction gives the CRC.
//!
//! Every fold constant is computed at compile time from the polynomial by
//! [`fold_key`].

use std::arch::x86_64::{
    __m128i, __m512i, _mm256_castsi256_si128, _mm256_extracti128_si256, _mm256_xor_si256, _mm512_castsi512_si256,
    _mm512_clmulepi64_epi128, _mm512_extracti64x4_epi64, _mm512_loadu_si512, _mm512_maskz_mov_epi64,
    _mm512_maskz_permutexvar_epi8, _mm512_set1_epi8, _mm512_setzero_si512, _mm512_sub_epi8, _mm512_xor_si512,
    _mm_and_si128, _mm_clmulepi64_si128, _mm_extract_epi32, _mm_set_epi32, _mm_set_epi64x, _mm_srli_si128,
    _mm_xor_si128,
};

/// Bytes folded per step: two 64-byte registers.
const GROUP: usize = 128;
/// The shortest input the kernel takes: one whole group, so that the first
/// group's bytes can be loaded from the input without reading before it.
pub(super) const MIN_LEN: usize = GROUP;

/// The CRC-32 polynomial with its `x^32` term, most significant bit first.
const POLY: u64 = 0x1_04C1_1DB7;
/// The polynomial, bit-reflected and shifted for the Barrett reduction.
const P_X: i64 = 0x1_DB71_0641;
/// `x^64 / P`, bit-reflected: the Barrett reduction's quotient constant.
const MU: i64 = 0x1_F701_1641;

/// `x^exp mod P`, bit-reflected into the 33-bit form the folds multiply by.
const fn fold_key(exp: u32) -> i64 {
    let mut remainder: u64 = 1;
    let mut i = 0;
    while i < exp {
        remainder <<= 1;
        if remainder & (1 << 32) != 0 {
            remainder ^= POLY;
        }
        i += 1;
    }
    (((remainder as u32).reverse_bits() as u64) << 1) as i64
}

/// The pair of keys that carries a 16-byte lane `bits` forward: the low
/// half of the lane is multiplied by the first, the high half by the second.
/// Zero for a lane that stays where it is (its product is added separately).
const fn lane_keys(bits: u32) -> [i64; 2] {
    if bits == 0 {
        [0, 0]
    } else {
        [fold_key(bits + 32), fold_key(bits - 32)]
    }
}

/// The keys of a whole register whose four lanes all move `bits` forward.
const fn register_keys(bits: u32) -> [i64; 8] {
    let [low, high] = lane_keys(bits);
    [low, high, low, high, low, high, low, high]
}

/// The keys that carry each lane of register `register` (0 or 1) of the last
/// group to the group's last lane (lane 7).
const fn collapse_keys(register: usize) -> [i64; 8] {
    let mut keys = [0; 8];
    let mut lane = 0;
    while lane < 4 {
        let distance = 7 - (register * 4 + lane);
        let [low, high] = lane_keys((distance * 128) as u32);
        keys[2 * lane] = low;
        keys[2 * lane + 1] = high;
        lane += 1;
    }
    keys
}

const STEP_KEYS: [i64; 8] = register_keys((GROUP * 8) as u32);
const COLLAPSE_KEYS: [[i64; 8]; 2] = [collapse_keys(0), collapse_keys(1)];
/// Fold the last lane from 128 bits to 96 (`x^96`), then to 64 (`x^64`), before the Barrett step.
const REDUCE_96: i64 = fold_key(96);
const REDUCE_64: i64 = fold_key(64);

/// The CRC's initial value, `!0`, as the inversion of the input's first four
/// bytes: `INITIAL[GROUP - pad..]` lines it up with the input in the first
/// two groups of the padded stream (it reaches the second when the first
/// holds fewer than four input bytes).
static INITIAL: [u8; 3 * GROUP] = {
    let mut bytes = [0; 3 * GROUP];
    bytes[GROUP] = 0xff;
    bytes[GROUP + 1] = 0xff;
    bytes[GROUP + 2] = 0xff;
    bytes[GROUP + 3] = 0xff;
    bytes
};

/// Proof that this CPU has the instructions the kernel uses.
#[derive(Clone, Copy)]
pub(super) struct Kernel(());

impl Kernel {
    /// The kernel, if this CPU has AVX-512 (foundation, byte/word and VBMI)
    /// and the vector carry-less multiply.
    pub(super) fn detect() -> Option<Kernel> {
        let supported = is_x86_feature_detected!("avx512f")
            && is_x86_feature_detected!("avx512bw")
            && is_x86_feature_detected!("avx512vbmi")
            && is_x86_feature_detected!("vpclmulqdq")
            && is_x86_feature_detected!("pclmulqdq")
            && is_x86_feature_detected!("sse4.1")
            && is_x86_feature_detected!("avx2");
        supported.then_some(Kernel(()))
    }

    /// The CRC-32 of `bytes`, which hold at least [`MIN_LEN`] bytes.
    #[inline]
    pub(super) fn checksum(self, bytes: &[u8]) -> u32 {
        assert!(bytes.len() >= MIN_LEN, "the kernel reads whole 64-byte registers from the input's start");
        // SAFETY: `detect` found every feature `crc32` enables, and a
        // `Kernel` exists only when it did.
        unsafe { crc32(bytes) }
    }

    /// The CRC-32s of two inputs of at least [`MIN_LEN`] bytes each.
    #[inline]
    pub(super) fn checksum_pair(self, first: &[u8], second: &[u8]) -> (u32, u32) {
        assert!(first.len() >= MIN_LEN && second.len() >= MIN_LEN, "as for `checksum`");
        // SAFETY: as in `checksum`.
        unsafe { crc32_pair(first, second) }
    }
}

/// # Safety
/// The CPU has the features enabled here, and `bytes.len() >= MIN_LEN`.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,vpclmulqdq,pclmulqdq,sse4.1,avx2")]
unsafe fn crc32(bytes: &[u8]) -> u32 {
    // SAFETY: as this function's.
    let mut folding = unsafe { Folding::start(bytes) };
    unsafe { folding.finish_steps() };
    folding.finish()
}

/// Two CRC-32s in one pass: the two inputs' folds are interleaved, so that
/// each one's multiplications run while the other's wait for their results.
///
/// # Safety
/// As [`crc32`], for both inputs.
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi,vpclmulqdq,pclmulqdq,sse4.1,avx2")]
unsafe fn crc32_pair(first: &[u8], second: &[u8]) -> (u32, u32) {
    // SAFETY (all blocks below): as this function's, and `step` is called
    // only while its input has a group left.
    let (mut a, mut b) = unsafe { (Folding::start(first), Folding::start(second)) };
    while a.groups_left > 0 && b.groups_left > 0 {
        unsafe {
            a.step();
            b.step();
        }
    }
    unsafe {
        a.finish_steps();
        b.finish_steps();
    }
    (a.finish(), b.finish())
}

/// The CRC register of an input being folded, as eight 16-byte lanes.
struct Folding {
    low: __m512i,
    high: __m512i,
    /// The start of the next group.
    next: *const u8,
    groups_left: usize,
}

impl Folding {
    /// Loads the first group: `pad` zeros, then the input's first bytes, with
    /// the first four inverted. When the first group holds fewer than four
    /// input bytes, the second group is folded in here too, with the rest of
    /// the inversion, so that [`Folding::step`] has nothing extra to add.
    ///
    /// # Safety
    /// As [`crc32`].
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
    unsafe fn start(bytes: &[u8]) -> Folding {
        let pad = (GROUP - bytes.len() % GROUP) % GROUP;
        // SAFETY: `GROUP - pad` is in `1..=GROUP`, and at most `2 * GROUP`
        // bytes are read from there, which `INITIAL`'s `3 * GROUP` bytes hold.
        let initial = unsafe { INITIAL.as_ptr().add(GROUP - pad) };
        // SAFETY: the input holds at least `MIN_LEN` bytes; the pointers
        // stay inside `INITIAL` and the input (see above and `step`).
        unsafe {
            let mut folding = Folding {
                low: _mm512_xor_si512(first_group_register(bytes, pad, 0), load(initial)),
                high: _mm512_xor_si512(first_group_register(bytes, pad, 1), load(initial.add(64))),
                next: bytes.as_ptr().add(GROUP - pad),
                groups_left: (bytes.len() + pad) / GROUP - 1,
            };
            if pad > GROUP - 4 {
                // At least `MIN_LEN` bytes with at most 3 in the first group:
                // a second group follows.
                folding.step_adding(load(initial.add(GROUP)), load(initial.add(GROUP + 64)));
            }
            folding
        }
    }

    /// Folds in the groups that are left.
    ///
    /// # Safety
    /// As [`Folding::start`].
    #[inline]
    #[target_feature(enable = "avx512f,vpclmulqdq")]
    unsafe fn finish_steps(&mut self) {
        while self.groups_left > 0 {
            // SAFETY: a group is left.
            unsafe { self.step() };
        }
    }

    /// Folds the next group in.
    ///
    /// # Safety
    /// `groups_left > 0`: the input holds `GROUP` more bytes at `next`.
    #[inline]
    #[target_feature(enable = "avx512f,vpclmulqdq")]
    unsafe fn step(&mut self) {
        // SAFETY: as this function's.
        unsafe { self.step_adding(_mm512_setzero_si512(), _mm512_setzero_si512()) }
    }

    /// [`Folding::step`], with `extra_low` and `extra_high` added to the group.
    ///
    /// # Safety
    /// As [`Folding::step`].
    #[inline]
    #[target_feature(enable = "avx512f,vpclmulqdq")]
    unsafe fn step_adding(&mut self, extra_low: __m512i, extra_high: __m512i) {
        // SAFETY: as this function's; the key table holds 64 bytes.
        let (step, data_low, data_high) = unsafe {
            (
                load(STEP_KEYS.as_ptr().cast()),
                _mm512_xor_si512(load(self.next), extra_low),
                _mm512_xor_si512(load(self.next.add(64)), extra_high),
            )
        };
        self.low = _mm512_xor_si512(fold(self.low, step), data_low);
        self.high = _mm512_xor_si512(fold(self.high, step), data_high);
        // SAFETY: at most one past the input's end.
        self.next = unsafe { self.next.add(GROUP) };
        self.groups_left -= 1;
    }

    /// Carries every lane to lane 7 at once (lane 7 itself is added as it
    /// is), then reduces the last 16 bytes to the CRC.
    #[inline]
    #[target_feature(enable = "avx512f,vpclmulqdq,pclmulqdq,sse4.1,avx2")]
    fn finish(self) -> u32 {
        // SAFETY: both key tables hold 64 bytes.
        let (keys_low, keys_high) =
            unsafe { (load(COLLAPSE_KEYS[0].as_ptr().cast()), load(COLLAPSE_KEYS[1].as_ptr().cast())) };
        let carried = _mm512_xor_si512(fold(self.low, keys_low), fold(self.high, keys_high));
        let lanes = _mm512_xor_si512(carried, _mm512_maskz_mov_epi64(0b1100_0000, self.high));
        let halves = _mm256_xor_si256(_mm512_castsi512_si256(lanes), _mm512_extracti64x4_epi64::<1>(lanes));
        let lane = _mm_xor_si128(_mm256_castsi256_si128(halves), _mm256_extracti128_si256::<1>(halves));
        reduce(lane)
    }
}

/// The 64 bytes at `p`.
///
/// # Safety
/// They are readable, and the CPU has AVX-512F.
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn load(p: *const u8) -> __m512i {
    unsafe { _mm512_loadu_si512(p.cast()) }
}

/// Register `register` (0 or 1) of the first group: the bytes at
/// `64 * register..` of `pad` zeros followed by the input.
///
/// # Safety
/// As [`crc32`]: the input holds at least `GROUP - pad` bytes and at least 64.
#[inline]
#[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
unsafe fn first_group_register(bytes: &[u8], pad: usize, register: usize) -> __m512i {
    let offset = 64 * register;
    if offset + 64 <= pad {
        _mm512_setzero_si512()
    } else if offset >= pad {
        // SAFETY: `offset - pad + 64 <= GROUP - pad <= bytes.len()`.
        unsafe { _mm512_loadu_si512(bytes.as_ptr().add(offset - pad).cast()) }
    } else {
        // Shift the input's first 64 bytes up by `skip` lanes, zeros below,
        // rather than load from before the input.
        let skip = pad - offset;
        // SAFETY: the input holds at least 64 bytes, and so does `LANE_INDEX`.
        let (head, lanes) =
            unsafe { (_mm512_loadu_si512(bytes.as_ptr().cast()), _mm512_loadu_si512(LANE_INDEX.as_ptr().cast())) };
        let from = _mm512_sub_epi8(lanes, _mm512_set1_epi8(skip as i8));
        _mm512_maskz_permutexvar_epi8(u64::MAX << skip, from, head)
    }
}

/// `0, 1, .., 63`: the byte lanes of a register.
static LANE_INDEX: [u8; 64] = {
    let mut index = [0; 64];
    let mut i = 0;
    while i < 64 {
        index[i] = i as u8;
        i += 1;
    }
    index
};

/// Each 16-byte lane of `lanes` carried forward by the distance of `keys`.
#[inline]
#[target_feature(enable = "avx512f,vpclmulqdq")]
fn fold(lanes: __m512i, keys: __m512i) -> __m512i {
    _mm512_xor_si512(_mm512_clmulepi64_epi128::<0x00>(lanes, keys), _mm512_clmulepi64_epi128::<0x11>(lanes, keys))
}

/// The CRC of the stream whose register, folded to its last 16 bytes, is `lane`.
#[inline]
#[target_feature(enable = "pclmulqdq,sse4.1")]
fn reduce(lane: __m128i) -> u32 {
    let low_32 = _mm_set_epi32(0, 0, 0, !0);
    // 128 bits to 96, then to 64.
    let x = _mm_xor_si128(_mm_clmulepi64_si128::<0x10>(lane, _mm_set_epi64x(REDUCE_96, 0)), _mm_srli_si128::<8>(lane));
    let x = _mm_xor_si128(
        _mm_clmulepi64_si128::<0x00>(_mm_and_si128(x, low_32), _mm_set_epi64x(0, REDUCE_64)),
        _mm_srli_si128::<4>(x),
    );
    // Barrett: the quotient by the polynomial, then the remainder.
    let constants = _mm_set_epi64x(MU, P_X);
    let quotient = _mm_clmulepi64_si128::<0x10>(_mm_and_si128(x, low_32), constants);
    let product = _mm_clmulepi64_si128::<0x00>(_mm_and_si128(quotient, low_32), constants);
    !(_mm_extract_epi32::<1>(_mm_xor_si128(x, product)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The constants of the method's paper, which `fold_key` must reproduce.
    #[test]
    fn fold_keys_match_the_published_constants() {
        assert_eq!(fold_key(4 * 128 + 32), 0x1_5444_2bd4);
        assert_eq!(fold_key(4 * 128 - 32), 0x1_c6e4_1596);
        assert_eq!(fold_key(128 + 32), 0x1_7519_97d0);
        assert_eq!(fold_key(128 - 32), 0x0_ccaa_009e);
        assert_eq!(fold_key(64), 0x1_63cd_6124);
    }
}
