//! [`ByCheck`]: something kept for each check, such as an answer or an action
//! plan, found by the check's id.
//!
//! Why not `BTreeMap<String, V>`: its node code is compiled once for each kind
//! of value, and for the answers, plans and DPO decisions that came to about
//! 10 KB of the wasm, 5 KB gzipped. An assessment holds a few dozen entries, so a sorted
//! list searched by halves is as quick and much smaller. Kept in id order, so
//! the saved JSON is exactly what the `BTreeMap` wrote.

/// More than any assessment can hold: the guidance has a few dozen checks.
/// Files with more are refused, so a hostile one cannot make the page
/// shuffle a huge list into order (each insert moves what sorts after it).
pub const MAX_ENTRIES: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByCheck<V> {
    /// Sorted by id, each id once.
    entries: Vec<(String, V)>,
}

impl<V> Default for ByCheck<V> {
    fn default() -> Self {
        ByCheck { entries: Vec::new() }
    }
}

impl<V> ByCheck<V> {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value for `id`, replacing any there was.
    pub fn insert(&mut self, id: String, value: V) {
        match self.find(&id) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (id, value)),
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.entries.remove(i).1)
    }

    /// The value for `id`, added as the default first if there is none.
    pub fn get_or_default(&mut self, id: &str) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(id) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (id.to_string(), V::default()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Every entry, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<V, const N: usize> From<[(&str, V); N]> for ByCheck<V> {
    fn from(items: [(&str, V); N]) -> Self {
        let mut out = ByCheck::default();
        for (id, v) in items {
            out.insert(id.to_string(), v);
        }
        out
    }
}

/// Saved as a JSON object from id to value, in id order.
impl<V: serde::Serialize> serde::Serialize for ByCheck<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.entries.iter().map(|(k, v)| (k, v)))
    }
}

/// Written by hand for the limit: a file with more than [`MAX_ENTRIES`] is
/// refused, saying how many it has, so the inserts below (each moves what
/// sorts after it) stay quick whatever the order. A repeated id: the last
/// one counts. Inserting, not sorting, keeps a sort's code out of the
/// download for each kind of value.
impl<'de, V: serde::Deserialize<'de>> serde::Deserialize<'de> for ByCheck<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, IgnoredAny, MapAccess, Visitor};
        use std::marker::PhantomData;

        struct Entries<V>(PhantomData<V>);

        impl<'de, V: serde::Deserialize<'de>> Visitor<'de> for Entries<V> {
            type Value = ByCheck<V>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object, in { }")
            }

            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<ByCheck<V>, M::Error> {
                let mut out = ByCheck::default();
                let mut read = 0;
                while let Some(id) = map.next_key::<String>()? {
                    if read == MAX_ENTRIES {
                        // Count the rest without keeping them, for the message.
                        map.next_value::<IgnoredAny>()?;
                        let mut total = MAX_ENTRIES + 1;
                        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
                            total += 1;
                        }
                        return Err(M::Error::custom(format!(
                            "{total} entries, but no assessment has more than {MAX_ENTRIES}"
                        )));
                    }
                    read += 1;
                    out.insert(id, map.next_value()?);
                }
                Ok(out)
            }
        }

        d.deserialize_map(Entries(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::ByCheck;
    use std::collections::BTreeMap;

    #[test]
    fn reads_in_any_order_and_the_last_of_a_repeated_id_counts() {
        let read: ByCheck<u32> = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3, "c": 4, "a": 5}"#).unwrap();
        assert_eq!(read.iter().collect::<Vec<_>>(), vec![("a", &5), ("b", &3), ("c", &4)]);
        assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"a":5,"b":3,"c":4}"#);
    }

    #[test]
    fn behaves_like_the_map_it_replaced() {
        // The same operations on both, in an order that exercises inserts at
        // the front, middle and end, replacements and removals.
        let ids = ["e2ee", "updates", "a-first", "risk", "e2ee", "zz-last", "m", "risk", "b"];
        let mut ours = ByCheck::default();
        let mut theirs = BTreeMap::new();
        for (n, id) in ids.iter().enumerate() {
            ours.insert(id.to_string(), n);
            theirs.insert(id.to_string(), n);
            if n % 3 == 2 {
                assert_eq!(ours.remove(ids[n - 1]), theirs.remove(ids[n - 1]));
            }
            assert_eq!(
                ours.iter().map(|(k, v)| (k.to_string(), *v)).collect::<Vec<_>>(),
                theirs.clone().into_iter().collect::<Vec<_>>()
            );
        }
        assert_eq!(ours.len(), theirs.len());
        for id in ids.iter().chain(&["missing", ""]) {
            assert_eq!(ours.get(id), theirs.get(*id), "{id}");
            assert_eq!(ours.contains_key(id), theirs.contains_key(*id), "{id}");
        }
        assert_eq!(ours.remove("missing"), None);
    }

    #[test]
    fn get_or_default_adds_once_in_order() {
        let mut plans: ByCheck<String> = ByCheck::from([("b", "kept".to_string())]);
        plans.get_or_default("a").push_str("new");
        plans.get_or_default("b").push_str(" too");
        plans.get_or_default("a").push('!');
        assert_eq!(plans.iter().collect::<Vec<_>>(), vec![("a", &"new!".to_string()), ("b", &"kept too".to_string())]);
    }
}
