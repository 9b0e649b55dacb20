//! Small integer ids for the codes of a round (laboratories, metadata
//! values, categories), so that values are bucketed by integers rather than
//! by hashing strings again and again.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// A fast, non-cryptographic hasher (the multiply-rotate scheme of rustc's
/// `FxHasher`) for short keys that an attacker does not choose.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Ids from 1 for distinct strings (0 is left for "none").
#[derive(Debug, Default)]
pub(crate) struct Interner<'a> {
    ids: FastMap<&'a str, u32>,
    names: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    /// The id of `name`, given a new one if it is new.
    pub(crate) fn id(&mut self, name: &'a str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        self.names.push(name);
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.ids.insert(name, id);
        id
    }

    /// The id of `name` if it was seen.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// The name of an id from [`Interner::id`].
    pub(crate) fn name(&self, id: u32) -> &'a str {
        id.checked_sub(1)
            .and_then(|i| self.names.get(i as usize))
            .copied()
            .unwrap_or("")
    }

    /// How many names there are.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// An [`Interner`] of shared strings that remembers the last strings seen
/// by address: the same `Arc` repeated (as loaders share them) is found
/// without hashing its text.
#[derive(Debug)]
pub(crate) struct ArcInterner<'a> {
    names: Interner<'a>,
    arcs: Vec<Arc<str>>,
    cache: Box<[(usize, u32); CACHE]>,
}

const CACHE: usize = 256;

impl Default for ArcInterner<'_> {
    fn default() -> Self {
        ArcInterner {
            names: Interner::default(),
            arcs: Vec::new(),
            cache: Box::new([(0, 0); CACHE]),
        }
    }
}

impl<'a> ArcInterner<'a> {
    /// The id of a shared string, from 1.
    pub(crate) fn id(&mut self, name: &'a Arc<str>) -> u32 {
        // The strings are borrowed for 'a, so an address names one string.
        let address = Arc::as_ptr(name).cast::<u8>() as usize;
        let slot = ((address >> 4) ^ (address >> 12)) % CACHE;
        if let Some(&(a, id)) = self.cache.get(slot)
            && a == address
        {
            return id;
        }
        let id = self.names.id(name);
        if id as usize > self.arcs.len() {
            self.arcs.push(name.clone());
        }
        if let Some(entry) = self.cache.get_mut(slot) {
            *entry = (address, id);
        }
        id
    }

    /// The id of a text if it was seen.
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.names.get(name)
    }

    /// The shared string of an id from [`ArcInterner::id`].
    pub(crate) fn arc(&self, id: u32) -> Option<&Arc<str>> {
        self.arcs.get((id as usize).checked_sub(1)?)
    }

    /// The text of an id.
    pub(crate) fn name(&self, id: u32) -> &'a str {
        self.names.name(id)
    }

    /// How many names there are.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_start_at_one_and_repeat() {
        let mut names = Interner::default();
        assert_eq!(names.id("a"), 1);
        assert_eq!(names.id("b"), 2);
        assert_eq!(names.id("a"), 1);
        assert_eq!(names.get("b"), Some(2));
        assert_eq!(names.get("c"), None);
        assert_eq!(names.name(2), "b");
        assert_eq!(names.name(0), "");
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn shared_strings_are_found_by_address_or_text() {
        let (a, b, a2): (Arc<str>, Arc<str>, Arc<str>) =
            (Arc::from("a"), Arc::from("b"), Arc::from("a"));
        let mut names = ArcInterner::default();
        assert_eq!(
            (names.id(&a), names.id(&b), names.id(&a), names.id(&a2)),
            (1, 2, 1, 1)
        );
        assert_eq!(names.arc(2).map(|s| &**s), Some("b"));
        assert_eq!(
            (names.get("b"), names.name(1), names.len()),
            (Some(2), "a", 2)
        );
    }
}
