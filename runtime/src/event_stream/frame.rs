//! The frame around the headers and payload: prelude, lengths, CRCs.

use super::crc::FrameCrc;
use super::error::{DecodeErrorKind, EncodeError};
use super::header::LastCheckedBlock;
use super::{MAX_HEADERS_LEN, MAX_MESSAGE_LEN, MIN_MESSAGE_LEN, PRELUDE_LEN};

const CRC_LEN: usize = 4;

/// A prelude whose CRC and lengths are valid.
pub(super) struct Prelude {
    pub total_len: usize,
    headers_len: usize,
}

/// Reads the total length, headers length and prelude CRC at the start of a
/// frame, and checks them before anything is buffered for the frame.
pub(super) fn read_prelude(bytes: &[u8; PRELUDE_LEN], crc: &FrameCrc) -> Result<Prelude, DecodeErrorKind> {
    let [t0, t1, t2, t3, h0, h1, h2, h3, c0, c1, c2, c3] = *bytes;
    let total_len = u32::from_be_bytes([t0, t1, t2, t3]);
    let headers_len = u32::from_be_bytes([h0, h1, h2, h3]);
    let wire = u32::from_be_bytes([c0, c1, c2, c3]);
    let computed = crc.prelude_checksum(bytes.first_chunk::<8>().expect("a prelude is 12 bytes"));
    if computed != wire {
        return Err(DecodeErrorKind::PreludeCrcMismatch { wire, computed });
    }
    if total_len as usize > MAX_MESSAGE_LEN {
        return Err(DecodeErrorKind::FrameTooLong { total_len });
    }
    if headers_len as usize > MAX_HEADERS_LEN {
        return Err(DecodeErrorKind::HeadersTooLong { headers_len });
    }
    if (total_len as usize) < headers_len as usize + MIN_MESSAGE_LEN {
        return Err(DecodeErrorKind::FrameTooShort { total_len, headers_len });
    }
    Ok(Prelude { total_len: total_len as usize, headers_len: headers_len as usize })
}

/// The bytes the message CRC of a whole frame covers: all but the CRC itself.
#[inline]
pub(super) fn crc_covered(frame: &[u8]) -> &[u8] {
    &frame[..frame.len() - CRC_LEN]
}

/// The frame at the start of `bytes`, when its total length says it lies
/// whole in them. Its prelude is not checked: this only lets the message CRC
/// of the next frame be computed early, and it is used only once that
/// frame's prelude has passed [`read_prelude`].
#[inline]
pub(super) fn peek_frame(bytes: &[u8]) -> Option<&[u8]> {
    let total_len = u32::from_be_bytes(*bytes.first_chunk::<4>()?) as usize;
    (MIN_MESSAGE_LEN..=MAX_MESSAGE_LEN).contains(&total_len).then(|| bytes.get(..total_len)).flatten()
}

/// Checks the message CRC and the header block of a complete frame (exactly
/// `prelude.total_len` bytes) whose prelude [`read_prelude`] accepted.
/// `computed` is the CRC of [`crc_covered`]`(frame)`, which the caller may
/// have computed together with the next frame's; `checked` remembers the
/// last good header block.
pub(super) fn check_frame(
    frame: &[u8],
    prelude: Prelude,
    computed: u32,
    checked: &mut LastCheckedBlock,
) -> Result<(), DecodeErrorKind> {
    debug_assert_eq!(frame.len(), prelude.total_len);
    let wire = u32::from_be_bytes(*frame.last_chunk::<CRC_LEN>().expect("a frame is longer than its CRC"));
    if computed != wire {
        return Err(DecodeErrorKind::MessageCrcMismatch { wire, computed });
    }
    checked.check(&frame[PRELUDE_LEN..PRELUDE_LEN + prelude.headers_len]).map_err(DecodeErrorKind::from)
}

/// The header block of a frame that was checked.
#[inline]
pub(super) fn header_block(frame: &[u8]) -> &[u8] {
    &frame[PRELUDE_LEN..PRELUDE_LEN + headers_len(frame)]
}

/// The payload of a frame that was checked.
#[inline]
pub(super) fn payload(frame: &[u8]) -> &[u8] {
    &frame[PRELUDE_LEN + headers_len(frame)..frame.len() - CRC_LEN]
}

#[inline]
fn headers_len(frame: &[u8]) -> usize {
    u32::from_be_bytes([frame[4], frame[5], frame[6], frame[7]]) as usize
}

/// Writes a whole frame around a header block and a payload.
pub(super) fn write_frame(headers: &[u8], payload: &[u8]) -> Result<Vec<u8>, EncodeError> {
    if headers.len() > MAX_HEADERS_LEN {
        return Err(EncodeError::HeadersTooLong { len: headers.len() });
    }
    let total_len = MIN_MESSAGE_LEN + headers.len() + payload.len();
    if total_len > MAX_MESSAGE_LEN {
        return Err(EncodeError::MessageTooLong { len: total_len });
    }
    // Both lengths are below the limits checked above, so they fit in a u32.
    let mut frame = Vec::with_capacity(total_len);
    frame.extend_from_slice(&(total_len as u32).to_be_bytes());
    frame.extend_from_slice(&(headers.len() as u32).to_be_bytes());
    let prelude_crc = crc32fast::hash(&frame);
    frame.extend_from_slice(&prelude_crc.to_be_bytes());
    frame.extend_from_slice(headers);
    frame.extend_from_slice(payload);
    let message_crc = crc32fast::hash(&frame);
    frame.extend_from_slice(&message_crc.to_be_bytes());
    Ok(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prelude(total_len: u32, headers_len: u32) -> [u8; PRELUDE_LEN] {
        let mut bytes = [0; PRELUDE_LEN];
        bytes[..4].copy_from_slice(&total_len.to_be_bytes());
        bytes[4..8].copy_from_slice(&headers_len.to_be_bytes());
        let crc = crc32fast::hash(&bytes[..8]);
        bytes[8..].copy_from_slice(&crc.to_be_bytes());
        bytes
    }

    fn read_prelude_fresh(bytes: &[u8; PRELUDE_LEN]) -> Result<Prelude, DecodeErrorKind> {
        read_prelude(bytes, &FrameCrc::default())
    }

    #[test]
    fn the_message_crc_covers_prelude_headers_and_payload() {
        let crc = FrameCrc::default();
        // Short and long payloads take different CRC kernels.
        for payload in [&b"payload"[..], &[7; 1000][..]] {
            let frame = write_frame(&[], payload).unwrap();
            let prelude = read_prelude_fresh(frame[..PRELUDE_LEN].try_into().unwrap()).unwrap();
            let computed = crc.checksum(crc_covered(&frame));
            assert_eq!(check_frame(&frame, prelude, computed, &mut LastCheckedBlock::default()), Ok(()));
            for at in [PRELUDE_LEN, frame.len() - 5] {
                let mut bad = frame.clone();
                bad[at] ^= 1;
                let prelude = read_prelude_fresh(bad[..PRELUDE_LEN].try_into().unwrap()).unwrap();
                let computed = crc.checksum(crc_covered(&bad));
                assert!(matches!(
                    check_frame(&bad, prelude, computed, &mut LastCheckedBlock::default()),
                    Err(DecodeErrorKind::MessageCrcMismatch { .. })
                ));
            }
        }
    }

    #[test]
    fn lengths_at_and_past_the_limits() {
        assert!(read_prelude_fresh(&prelude(16, 0)).is_ok());
        assert!(read_prelude_fresh(&prelude(16 * 1024 * 1024, 128 * 1024)).is_ok());
        assert_eq!(
            read_prelude_fresh(&prelude(15, 0)).err(),
            Some(DecodeErrorKind::FrameTooShort { total_len: 15, headers_len: 0 })
        );
        assert_eq!(
            read_prelude_fresh(&prelude(100, 85)).err(),
            Some(DecodeErrorKind::FrameTooShort { total_len: 100, headers_len: 85 })
        );
        assert_eq!(
            read_prelude_fresh(&prelude(16 * 1024 * 1024 + 1, 0)).err(),
            Some(DecodeErrorKind::FrameTooLong { total_len: 16 * 1024 * 1024 + 1 })
        );
        assert_eq!(
            read_prelude_fresh(&prelude(u32::MAX, u32::MAX)).err(),
            Some(DecodeErrorKind::FrameTooLong { total_len: u32::MAX })
        );
        assert_eq!(
            read_prelude_fresh(&prelude(200_000, 128 * 1024 + 1)).err(),
            Some(DecodeErrorKind::HeadersTooLong { headers_len: 128 * 1024 + 1 })
        );
    }

    #[test]
    fn prelude_crc_is_checked_first() {
        let mut bytes = prelude(u32::MAX, 0);
        bytes[11] ^= 1;
        assert!(matches!(read_prelude_fresh(&bytes), Err(DecodeErrorKind::PreludeCrcMismatch { .. })));
    }

    #[test]
    fn write_frame_refuses_what_the_format_cannot_carry() {
        let headers = vec![0; 128 * 1024 + 1];
        assert_eq!(write_frame(&headers, &[]), Err(EncodeError::HeadersTooLong { len: 128 * 1024 + 1 }));
        let payload = vec![0; 16 * 1024 * 1024 - 15];
        assert_eq!(write_frame(&[], &payload), Err(EncodeError::MessageTooLong { len: 16 * 1024 * 1024 + 1 }));
        let payload = vec![0; 16 * 1024 * 1024 - 16];
        assert_eq!(write_frame(&[], &payload).map(|f| f.len()), Ok(16 * 1024 * 1024));
    }
}
