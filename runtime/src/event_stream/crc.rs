//! CRC-32 (IEEE) of whole frames, at the cost of one pass over their bytes.
//!
//! `crc32fast` is built for long buffers: on a 1 KiB frame its fixed cost
//! (collapsing its streams one after another, then a serial tail) is larger
//! than the pass itself, so checking each frame of a stream with it costs
//! about 2.7 times one `crc32fast` pass over the whole stream. The
//! [`avx512`] kernel folds a frame in 128-byte groups from the start, with
//! the odd bytes at the front, and collapses its lanes in parallel, which
//! brings that down to about 1.4 times. CPUs without its instructions, and
//! frames shorter than one group, use `crc32fast`.

use crc32fast::Hasher;

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod avx512;

/// Computes frame CRCs with the fastest kernel this CPU has, chosen once.
#[derive(Clone)]
pub(super) struct FrameCrc {
    /// A hasher in its initial state, cloned for each short input: making
    /// one with `Hasher::new` checks the CPU's features, which costs as much
    /// as hashing a prelude.
    fresh: Hasher,
    #[cfg(target_arch = "x86_64")]
    wide: Option<avx512::Kernel>,
}

impl Default for FrameCrc {
    fn default() -> Self {
        FrameCrc {
            fresh: Hasher::new(),
            #[cfg(target_arch = "x86_64")]
            wide: avx512::Kernel::detect(),
        }
    }
}

impl FrameCrc {
    /// `crc32fast` only, whatever the CPU: what other CPUs run, for tests.
    #[cfg(test)]
    fn portable() -> Self {
        FrameCrc {
            #[cfg(target_arch = "x86_64")]
            wide: None,
            ..FrameCrc::default()
        }
    }

    /// The CRC-32 of `bytes`, as `crc32fast::hash` computes it.
    #[inline]
    pub(super) fn checksum(&self, bytes: &[u8]) -> u32 {
        #[cfg(target_arch = "x86_64")]
        if let Some(kernel) = self.wide {
            if bytes.len() >= avx512::MIN_LEN {
                return kernel.checksum(bytes);
            }
        }
        let mut hasher = self.fresh.clone();
        hasher.update(bytes);
        hasher.finalize()
    }

    /// The CRC-32 of a prelude's first 8 bytes, as eight independent table
    /// lookups: `crc32fast` takes one call and two dispatches for them, which
    /// cost more than the lookups.
    #[inline]
    pub(super) fn prelude_checksum(&self, bytes: &[u8; 8]) -> u32 {
        let word = u64::from_le_bytes(*bytes) ^ u64::from(u32::MAX);
        let byte = |i: usize| usize::from(word.to_le_bytes()[i]);
        !(SLICE_BY_8[7][byte(0)]
            ^ SLICE_BY_8[6][byte(1)]
            ^ SLICE_BY_8[5][byte(2)]
            ^ SLICE_BY_8[4][byte(3)]
            ^ SLICE_BY_8[3][byte(4)]
            ^ SLICE_BY_8[2][byte(5)]
            ^ SLICE_BY_8[1][byte(6)]
            ^ SLICE_BY_8[0][byte(7)])
    }

    /// The CRC-32s of two inputs, computed together so that the CPU works
    /// on both at once.
    #[inline]
    pub(super) fn checksum_pair(&self, first: &[u8], second: &[u8]) -> (u32, u32) {
        #[cfg(target_arch = "x86_64")]
        if let Some(kernel) = self.wide {
            if first.len() >= avx512::MIN_LEN && second.len() >= avx512::MIN_LEN {
                return kernel.checksum_pair(first, second);
            }
        }
        (self.checksum(first), self.checksum(second))
    }
}

/// `SLICE_BY_8[k][b]`: the CRC register after byte `b` followed by `k` zero
/// bytes, from a zero register (bit-reflected CRC-32/IEEE, polynomial
/// `0xEDB88320`).
static SLICE_BY_8: [[u32; 256]; 8] = {
    let mut tables = [[0; 256]; 8];
    let mut byte = 0;
    while byte < 256 {
        let mut register = byte as u32;
        let mut bit = 0;
        while bit < 8 {
            register = if register & 1 == 1 { (register >> 1) ^ 0xEDB8_8320 } else { register >> 1 };
            bit += 1;
        }
        tables[0][byte] = register;
        byte += 1;
    }
    let mut k = 1;
    while k < 8 {
        let mut byte = 0;
        while byte < 256 {
            let previous = tables[k - 1][byte];
            tables[k][byte] = (previous >> 8) ^ tables[0][(previous & 0xff) as usize];
            byte += 1;
        }
        k += 1;
    }
    tables
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes that are not a short cycle, so that a misplaced lane shows.
    fn noise(len: usize) -> Vec<u8> {
        (0..len as u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
    }

    #[test]
    fn matches_crc32fast_at_every_length_and_alignment() {
        let bytes = noise(2 * 1024 + 64);
        for crc in [FrameCrc::default(), FrameCrc::portable()] {
            for len in 0..=2 * 1024 {
                for start in [0, 1, 3, 16, 63] {
                    let input = &bytes[start..start + len];
                    assert_eq!(crc.checksum(input), crc32fast::hash(input), "{len} bytes from offset {start}");
                }
            }
        }
    }

    #[test]
    fn preludes_match_crc32fast() {
        let crc = FrameCrc::portable();
        let mut preludes = vec![[0; 8], [0xff; 8]];
        preludes.extend(noise(8 * 200).chunks_exact(8).map(|word| <[u8; 8]>::try_from(word).unwrap()));
        for bit in 0..64 {
            preludes.push((1u64 << bit).to_le_bytes());
        }
        for prelude in preludes {
            assert_eq!(crc.prelude_checksum(&prelude), crc32fast::hash(&prelude), "{prelude:?}");
        }
    }

    #[test]
    fn pairs_match_crc32fast_whatever_their_lengths() {
        let bytes = noise(5 * 1024);
        let lengths = [0, 1, 4, 127, 128, 129, 131, 132, 255, 256, 300, 1126, 1500, 2048];
        for crc in [FrameCrc::default(), FrameCrc::portable()] {
            for first in lengths {
                for second in lengths {
                    let (a, b) = (&bytes[3..3 + first], &bytes[1024..1024 + second]);
                    assert_eq!(
                        crc.checksum_pair(a, b),
                        (crc32fast::hash(a), crc32fast::hash(b)),
                        "{first} and {second} bytes"
                    );
                }
            }
        }
    }

    #[test]
    fn matches_crc32fast_on_long_and_uniform_inputs() {
        let crc = FrameCrc::default();
        for input in [vec![0; 70_000], vec![0xff; 4099], noise(1 << 20)] {
            assert_eq!(crc.checksum(&input), crc32fast::hash(&input), "{} bytes", input.len());
        }
    }

    #[test]
    fn a_flipped_bit_anywhere_changes_the_checksum() {
        let crc = FrameCrc::default();
        let mut input = noise(1130);
        let good = crc.checksum(&input);
        for bit in (0..input.len() * 8).step_by(7) {
            input[bit / 8] ^= 1 << (bit % 8);
            assert_ne!(crc.checksum(&input), good, "bit {bit}");
            input[bit / 8] ^= 1 << (bit % 8);
        }
    }
}
