//! Plain byte coding for the model file: little-endian numbers, LEB128 varints, a checksum.

use super::NerModelError;

/// FNV-1a, 32 bits: enough to tell a damaged file from a good one (not a security check).
pub(crate) fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Appends to a byte vector.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }

    pub(crate) fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn f32(&mut self, v: f32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn varint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(low);
                return;
            }
            self.bytes.push(low | 0x80);
        }
    }

    pub(crate) fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }
}

/// Reads from a byte slice; running out is [`NerModelError::Truncated`], naming what was read.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub(crate) fn raw(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], NerModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(NerModelError::Truncated { what })?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], NerModelError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.raw(N, what)?);
        Ok(out)
    }

    pub(crate) fn u8(&mut self, what: &'static str) -> Result<u8, NerModelError> {
        Ok(self.array::<1>(what)?[0])
    }

    pub(crate) fn u16(&mut self, what: &'static str) -> Result<u16, NerModelError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    pub(crate) fn f32(&mut self, what: &'static str) -> Result<f32, NerModelError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    pub(crate) fn varint(&mut self, what: &'static str) -> Result<u64, NerModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(NerModelError::Corrupt { what })
    }

    /// A varint that must fit in `usize` and be at most `max`.
    pub(crate) fn count(&mut self, max: usize, what: &'static str) -> Result<usize, NerModelError> {
        let v = self.varint(what)?;
        usize::try_from(v)
            .ok()
            .filter(|&v| v <= max)
            .ok_or(NerModelError::Corrupt { what })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::default();
        w.u8(7);
        w.u16(513);
        w.f32(-1.5);
        for v in [0u64, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.varint(v);
        }
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.u8("a").unwrap(), 7);
        assert_eq!(r.u16("b").unwrap(), 513);
        assert_eq!(r.f32("c").unwrap(), -1.5);
        for v in [0u64, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.varint("d").unwrap(), v);
        }
        assert_eq!(r.remaining(), 0);
        assert_eq!(r.u8("end"), Err(NerModelError::Truncated { what: "end" }));
    }

    #[test]
    fn overlong_varint_is_corrupt() {
        let bytes = [0xffu8; 12];
        assert_eq!(
            Reader::new(&bytes).varint("v"),
            Err(NerModelError::Corrupt { what: "v" })
        );
        assert_eq!(
            Reader::new(&[0x80]).varint("v"),
            Err(NerModelError::Truncated { what: "v" })
        );
        assert_eq!(
            Reader::new(&[5]).count(4, "n"),
            Err(NerModelError::Corrupt { what: "n" })
        );
    }

    #[test]
    fn checksum_known_value() {
        assert_eq!(checksum(b""), 0x811c_9dc5);
        assert_ne!(checksum(b"a"), checksum(b"b"));
    }
}
